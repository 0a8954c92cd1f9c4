import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Collection } from '@/api/databases';
import { findProfileSubprofiles, useUpsertSubprofiles } from '@/api/subprofiles';
import { AppModal } from '@/components/AppModal';
import { useFormat, useT } from '@/i18n/i18n';
import { isConfirmed, needsTypedConfirmation } from '../profiles/bulk.utils';
import { bulkMessages } from '../profiles/bulk-messages';
import { DryRunButton, TypedCountConfirmation } from '../profiles/DryRunControls';
import { DryRunSample } from '../profiles/DryRunSample';
import { FilterBuilder } from '../profiles/FilterBuilder';
import { type FilterRule, toFieldsParam } from '../profiles/filter.utils';
import { type FieldAssignment, firstAssignment, SetFieldsEditor, toFieldMap } from '../profiles/SetFieldsEditor';

/**
 * "Update or create by filter" within one profile: PUT profile/$id/subprofiles/$cid?fields[]=…&create=…
 * (docs/api/databases.md §6). A dry run (GET of the same path with the filter) shows how many would change, or that
 * one would be created, before anything is written. Any edit after the dry run asks for a new one.
 */
export function UpsertSubprofilesModal({
  profileId,
  collection,
  onClose,
}: {
  profileId: string;
  collection: Collection;
  onClose: () => void;
}) {
  const t = useT(bulkMessages);
  const fmt = useFormat();
  const fields = collection.fields.data;
  const [rules, setRules] = useState<FilterRule[]>([]);
  const [sets, setSets] = useState<FieldAssignment[]>(() => firstAssignment(fields));
  const [create, setCreate] = useState(true);
  const [typed, setTyped] = useState('');
  const filter = toFieldsParam(rules, fields).fields;
  const check = useMutation({
    mutationFn: () => findProfileSubprofiles(profileId, collection.ID, { fields: filter, limit: 5, total: true }),
    meta: { quiet: true },
  });
  const upsert = useUpsertSubprofiles(profileId, collection.ID);
  const count = check.data?.total ?? check.data?.count ?? 0;
  const done = upsert.isSuccess;
  const canRun = check.data && (count > 0 || create) && isConfirmed(count, typed);
  const edited = () => {
    check.reset();
    upsert.reset();
    setTyped('');
  };

  return (
    <AppModal opened onClose={upsert.isPending ? () => {} : onClose} title={t('upsertTitle', { name: collection.name })} size="lg">
      <Stack>
        <Text size="sm" fw={600}>
          {t('upsertFilter')}
        </Text>
        <FilterBuilder
          fields={fields}
          rules={rules}
          onApply={(r) => {
            setRules(r);
            edited();
          }}
        />
        <Text size="sm">{filter.length ? t('filterUsed', { filter: filter.join(' AND ') }) : t('upsertNeedsFilter')}</Text>
        <SetFieldsEditor
          fields={fields}
          sets={sets}
          disabled={done}
          onChange={(s) => {
            setSets(s);
            edited();
          }}
        />
        <Checkbox
          label={t('upsertCreate')}
          checked={create}
          disabled={done}
          onChange={(e) => {
            setCreate(e.currentTarget.checked);
            edited();
          }}
        />
        {!done && (
          <DryRunButton
            label={t('dryRun')}
            hint={t('dryRunHint')}
            onClick={() => check.mutate()}
            loading={check.isPending}
            disabled={filter.length === 0 || sets.length === 0}
          />
        )}
        {check.isError && (
          <Alert color="red" role="alert">
            {check.error.message}
          </Alert>
        )}
        {check.data && (
          <Stack gap="xs">
            <Text fw={600} data-testid="bulk-count">
              {count > 0 ? t('subMatches', { count }) : t('upsertNoMatch')}
            </Text>
            {count === 0 && <Text size="sm">{create ? t('upsertWillCreate') : t('upsertNothing')}</Text>}
            <DryRunSample rows={check.data.data} columns={fields.map((f) => f.name)} />
            {!done && needsTypedConfirmation(count) && <TypedCountConfirmation count={count} value={typed} onChange={setTyped} />}
            {!done && (count > 0 || create) && (
              <Button
                w="fit-content"
                disabled={!canRun}
                loading={upsert.isPending}
                onClick={() => upsert.mutate({ filter, fields: toFieldMap(sets), create })}
              >
                {count > 0 ? t('upsertRunUpdate', { count: fmt.number(count) }) : t('upsertRunCreate')}
              </Button>
            )}
          </Stack>
        )}
        {upsert.isError && (
          <Alert color="red" role="alert">
            {upsert.error.message}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status">
            <Group justify="space-between">
              <Text size="sm" data-testid="bulk-result">
                {count > 0
                  ? t('upsertUpdated', { count })
                  : // The live API answered 201 without X-Created here (docs/api/databases.md §6): still a creation.
                    upsert.data.createdId
                    ? t('upsertCreated', { id: upsert.data.createdId })
                    : t('upsertCreatedNoId')}
              </Text>
              <Button size="xs" variant="default" onClick={onClose}>
                {t('close')}
              </Button>
            </Group>
          </Alert>
        )}
      </Stack>
    </AppModal>
  );
}
