import { Alert, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import type { Intentions } from '@/api/databases';
import { useUpdateIntentions } from '@/api/databases';
import { useT } from '@/i18n/i18n';
import { schemaMessages } from './messages';

const CHANNELS = ['email', 'sms', 'fax', 'pdf'] as const;

/** PUT database|collection/$id/intentions: one switch per channel (absent keys stay unchanged). */
export function IntentionsEditor({
  owner,
  intentions,
}: {
  owner: { kind: 'database' | 'collection'; id: string; databaseId: string };
  intentions?: Intentions;
}) {
  const t = useT(schemaMessages);
  const update = useUpdateIntentions(owner);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Title order={3}>{t('intentionsTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('intentionsHint', { kind: owner.kind === 'database' ? t('kindDatabase') : t('kindCollection') })}
          </Text>
        </div>
        {update.isError && (
          <Alert color="red" role="alert">
            {update.error.message}
          </Alert>
        )}
        <Group>
          {CHANNELS.map((c) => (
            <Switch
              key={c}
              label={t(c)}
              checked={Boolean(update.isPending && update.variables?.[c] !== undefined ? update.variables[c] : intentions?.[c])}
              onChange={(e) => update.mutate({ [c]: e.currentTarget.checked })}
            />
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
