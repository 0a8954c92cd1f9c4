import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { collectionQueries } from '@/api/collections';
import { profileQueries } from '@/api/profiles';
import { isValidSelectionName, useCreateSelectionFromFilter } from '@/api/selection-from-filter';
import { AppModal } from '@/components/AppModal';
import { useT } from '@/i18n/i18n';
import { type FilterRule, toExpression, toFieldsParam } from './filter.utils';
import { type FilterField, planFromFilter } from './rule-from-filter.utils';
import { saveSelectionMessages } from './save-selection-messages';

type Owner = { kind: 'database' | 'collection'; id: string };

/** The count of what the selection will hold: the filter with only the conditions that become rules. */
function useKeptCount(owner: Owner, fields: string[], enabled: boolean) {
  const query = owner.kind === 'database' ? profileQueries.total(owner.id, fields) : collectionQueries.subprofileTotal(owner.id, fields);
  return useQuery({ ...(query as ReturnType<typeof profileQueries.total>), enabled });
}

/**
 * Shows the rule a filter becomes (a sentence), how many records it holds now, and what cannot come along;
 * then creates the selection (or mini selection) and opens it in the builder.
 */
export function SaveAsSelectionModal({
  owner,
  filter,
  fields,
  onClose,
}: {
  owner: Owner;
  /** The filter as applied, quick search included. */
  filter: FilterRule[];
  fields: FilterField[];
  onClose: () => void;
}) {
  const t = useT(saveSelectionMessages);
  const navigate = useNavigate();
  const mini = owner.kind === 'collection';
  const plan = useMemo(() => planFromFilter(filter, fields), [filter, fields]);
  const kept = plan.rules.length > 0;
  const count = useKeptCount(owner, toFieldsParam(plan.kept, fields).fields, kept);
  const create = useCreateSelectionFromFilter();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const nameOk = isValidSelectionName(name);
  const started = create.started();

  const sentence = t(mini ? 'sentenceMini' : 'sentence', {
    conditions: plan.phrases.map((p) => t(p.phrase, { field: p.field, value: p.value })).join(t('and')),
  });

  const save = () => {
    setTouched(true);
    if (!nameOk || !kept) return;
    create.submit(
      {
        owner,
        name,
        description: sentence,
        rules: plan.rules.map((conditions, i) => ({ name: t('ruleName', { n: i + 1 }), conditions })),
      },
      { onSuccess: (id) => void navigate(mini ? `/miniviews/${id}` : `/views/${id}`) },
    );
  };

  return (
    <AppModal opened onClose={create.busy ? () => {} : onClose} title={t(mini ? 'titleMini' : 'title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          {kept ? (
            <>
              <Text size="sm">{t(mini ? 'willCreateMini' : 'willCreate')}</Text>
              <Text fw={600} data-testid="selection-sentence">
                {sentence}
              </Text>
              {plan.rules.length > 1 && <Text size="sm">{t('asRules', { count: plan.rules.length })}</Text>}
              <Text size="sm" role="status" data-testid="selection-count">
                {count.isPending
                  ? t('counting')
                  : count.isError
                    ? t('countFailed', { message: count.error.message })
                    : t(mini ? 'countMini' : 'count', { count: count.data })}
              </Text>
            </>
          ) : (
            <Alert color="yellow" role="status">
              {t('nothingKept')}
            </Alert>
          )}
          {plan.skipped.length > 0 && (
            <Alert color="yellow" title={t('skippedTitle')} data-testid="selection-skipped">
              <Text size="sm">{t('skippedIntro')}</Text>
              <List size="sm">
                {plan.skipped.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the same condition may appear twice
                  <List.Item key={i}>{t('skippedItem', { condition: toExpression(s.rule), reason: t(s.reason) })}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <TextInput
            label={t(mini ? 'nameMini' : 'name')}
            description={t('nameHint')}
            required
            data-autofocus
            value={name}
            disabled={!kept || started || create.busy}
            onChange={(e) => setName(e.currentTarget.value)}
            onBlur={() => setTouched(name !== '')}
            error={touched && !nameOk ? t('nameInvalid') : undefined}
          />
          {create.isError && (
            <Alert color="red" role="alert">
              {started ? t('partial', { name, message: create.error.message }) : t('failed', { message: create.error.message })}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={create.busy}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={create.busy} disabled={!kept}>
              {create.waiting ? t('waiting') : t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
