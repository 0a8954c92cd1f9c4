import { Button, Group, Paper, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { memo } from 'react';
import type { DatabaseField } from '@/api/databases';
import { useRebuildSelection, useUpdateSelectionIntentions } from '@/api/selection-writes';
import type { Miniview, SelectionScope, View } from '@/api/selections';
import { HintTooltip } from '@/components/HintTooltip';
import { useFormat, useT } from '@/i18n/i18n';
import { selectionMessages } from '../messages';
import type { ValidationKey } from '../model/validate.utils';

const CHANNELS = [
  { key: 'email', fieldType: 'email' },
  { key: 'sms', fieldType: 'phone_gsm' },
  { key: 'fax', fieldType: 'phone_fax' },
  { key: 'pdf', fieldType: null },
] as const;

type Props = {
  scope: SelectionScope;
  selection: View | Miniview | null;
  name: string;
  description: string;
  nameError: ValidationKey | null;
  onName: (v: string) => void;
  onDescription: (v: string) => void;
  fields: DatabaseField[];
};

/**
 * Name and description (saved with the rules), and for a saved selection: last built, Rebuild, intentions.
 * Memoised: the editor re-renders on every live count, this panel only when its own props change.
 */
export const SettingsPanel = memo(function SettingsPanel({
  scope,
  selection,
  name,
  description,
  nameError,
  onName,
  onDescription,
  fields,
}: Props) {
  const t = useT(selectionMessages);
  const fmt = useFormat();
  const rebuild = useRebuildSelection(scope);
  const intentions = useUpdateSelectionIntentions(scope);
  const lastBuilt = selection?.['last-built'];

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('settings')}
        </Title>
        <Group grow align="flex-start">
          <TextInput
            label={t('name')}
            required
            value={name}
            onChange={(e) => onName(e.currentTarget.value)}
            error={nameError ? t(nameError) : undefined}
          />
          <Textarea
            label={t('description')}
            value={description}
            onChange={(e) => onDescription(e.currentTarget.value)}
            rows={1}
            // grows with its text in CSS (no measuring script that forces a layout on every render)
            styles={{ input: { fieldSizing: 'content', maxHeight: '12rem' } }}
          />
        </Group>
        {selection && (
          <>
            <Group gap="sm" align="center">
              <Text size="sm">
                {t('lastBuilt')}:{' '}
                <span data-testid="last-built">
                  {lastBuilt && !lastBuilt.startsWith('0000') ? fmt.dateTime(lastBuilt) : t('neverBuilt')}
                </span>
              </Text>
              <Button
                size="xs"
                variant="default"
                loading={rebuild.isPending}
                onClick={() => rebuild.mutate(selection.ID, { onSuccess: () => notifications.show({ message: t('rebuildRequested') }) })}
              >
                {t('rebuild')}
              </Button>
            </Group>
            <Group gap="md" role="group" aria-label={t('intentions')}>
              <Text size="sm" fw={500}>
                {t('intentions')}
              </Text>
              {CHANNELS.map((c) => {
                const missing = c.fieldType !== null && !fields.some((f) => f.type === c.fieldType);
                const on = Boolean(selection.intentions?.[c.key]);
                const control = (
                  <Switch
                    key={c.key}
                    size="sm"
                    label={c.key}
                    checked={on}
                    disabled={missing || intentions.isPending}
                    onChange={(e) => intentions.mutate({ id: selection.ID, intentions: { [c.key]: e.currentTarget.checked } })}
                  />
                );
                return missing ? (
                  <HintTooltip key={c.key} label={t('intentionMissingField', { type: c.fieldType ?? '' })}>
                    <span>{control}</span>
                  </HintTooltip>
                ) : (
                  control
                );
              })}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
});
