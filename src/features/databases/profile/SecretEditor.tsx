import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useUpdateProfileSecret } from '@/api/profiles';
import { useNotify } from '@/components/notify';
import { useT } from '@/i18n/i18n';
import { profileMessages } from './messages';

/**
 * The profile's `secret` (its "code" in filters and links), shown and editable: PUT profile/$id with
 * {"secret": …} (docs/api/databases.md §6). Any string is accepted; non-ASCII characters become `?` and "" empties it
 * (docs/api/conventions.md §10). On an error the draft stays so the user can fix it.
 */
export function SecretEditor({ databaseId, profileId, secret }: { databaseId: string; profileId: string; secret: string }) {
  const t = useT(profileMessages);
  const notify = useNotify();
  const save = useUpdateProfileSecret(databaseId);
  // null: not edited, show what the API has.
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? secret;
  const changed = draft !== null && draft !== secret;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range check
  const nonAscii = /[^\x00-\x7f]/.test(value);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!changed) return;
        save.mutate(
          { id: profileId, secret: value },
          {
            onSuccess: () => {
              setDraft(null);
              notify(t('secretSaved'));
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('secret')}
            description={t('secretHint')}
            value={value}
            onChange={(e) => setDraft(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace' } }}
            style={{ flex: 1, maxWidth: 480 }}
            error={nonAscii ? t('secretNonAscii') : undefined}
          />
          <Button type="submit" variant="default" disabled={!changed} loading={save.isPending}>
            {t('secretSave')}
          </Button>
          {changed && (
            <Button
              variant="subtle"
              onClick={() => {
                setDraft(null);
                save.reset();
              }}
              disabled={save.isPending}
            >
              {t('cancel')}
            </Button>
          )}
        </Group>
        {changed && value === '' && (
          <Text size="xs" c="dimmed">
            {t('secretEmpty')}
          </Text>
        )}
        {save.isError && (
          <Alert color="red" role="alert" title={t('secretFailed')}>
            {save.error.message}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
