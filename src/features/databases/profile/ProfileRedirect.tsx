import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { profileQueries } from '@/api/profiles';
import { QueryError } from '@/components/QueryError';
import { useT } from '@/i18n/i18n';
import { profileMessages } from './messages';

/** `/profiles/:id` → the profile's page inside its database (the profile knows its database). */
export function ProfileRedirect() {
  const t = useT(profileMessages);
  const id = useParams().profileId ?? '';
  const profile = useQuery(profileQueries.detail(id));
  if (profile.isError) return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;
  if (profile.isPending)
    return (
      <Center p="xl">
        <Loader role="status" aria-label={t('lookingUp', { id })} />
      </Center>
    );
  return <Navigate to={`/databases/${profile.data.database}/profiles/${profile.data.ID}`} replace />;
}
