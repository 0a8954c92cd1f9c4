import { Button, Fieldset, Group, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Interest } from '@/api/databases';
import { groupInterests } from '@/api/interests';
import { profileQueries, useChangeInterests } from '@/api/profiles';
import { useT } from '@/i18n/i18n';
import { profileMessages } from './messages';

/** Interests grouped by `group`; each switch is one merge (POST profile/$id/interests), applied optimistically. */
export function InterestToggles({
  databaseId,
  profileId,
  interests,
  active,
}: {
  databaseId: string;
  profileId: string;
  interests: Interest[];
  active: string[];
}) {
  const t = useT(profileMessages);
  const change = useChangeInterests(databaseId);
  // GET profile/$id/interests?return=objects is the source; the profile's own list covers the first paint.
  const current = useQuery(profileQueries.interests(profileId));
  const on = new Set((current.data?.map((i) => i.name) ?? active).map((n) => n.toLowerCase()));
  if (interests.length === 0) return <Text c="dimmed">{t('noInterests')}</Text>;
  return (
    <Stack gap="sm">
      {groupInterests(interests).map(({ group, interests: list }) => (
        <Fieldset key={group || '-'} legend={group || t('ungrouped')} variant="filled">
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
            {list.map((i) => (
              <Switch
                key={i.ID}
                label={i.name}
                checked={on.has(i.name.toLowerCase())}
                onChange={(e) => change.mutate({ id: profileId, changes: { [i.name]: e.currentTarget.checked } })}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
      <Group>
        {/* PUT replaces the whole set: an empty object switches everything off. */}
        <Button
          size="xs"
          variant="default"
          disabled={on.size === 0}
          onClick={() => change.mutate({ id: profileId, changes: {}, replace: true })}
        >
          {t('clearInterests')}
        </Button>
      </Group>
    </Stack>
  );
}
