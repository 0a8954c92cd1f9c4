import { Alert, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
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
  // What the user just switched, shown at once (set in the same event, so the switch never flips back
  // while the PUT and the refetch run); dropped when the server's answer is in or the write failed.
  const [switched, setSwitched] = useState<Partial<Record<(typeof CHANNELS)[number], boolean>>>({});
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
              checked={Boolean(switched[c] ?? intentions?.[c])}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setSwitched((prev) => ({ ...prev, [c]: on }));
                update.mutate({ [c]: on }, { onSettled: () => setSwitched(({ [c]: _done, ...rest }) => rest) });
              }}
            />
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
