import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { databaseQueries } from '@/api/databases';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useDatabase, useDatabaseId } from '../database/use-database';
import { IntentionsEditor } from './IntentionsEditor';
import { UnsubscribeEditor } from './UnsubscribeEditor';

/** The database's unsubscribe behaviour and communication intentions. */
export function UnsubscribePage() {
  const databaseId = useDatabaseId();
  const database = useDatabase();
  const behavior = useQuery(databaseQueries.unsubscribe(databaseId));
  if (behavior.isPending || database.isPending) return <TableSkeleton rows={4} />;
  if (behavior.isError) return <QueryError error={behavior.error} onRetry={() => void behavior.refetch()} />;
  if (database.isError) return <QueryError error={database.error} onRetry={() => void database.refetch()} />;
  const owner = { kind: 'database' as const, id: databaseId, databaseId };
  return (
    <Stack>
      <UnsubscribeEditor key={JSON.stringify(behavior.data)} owner={owner} current={behavior.data} fields={database.data.fields.data} />
      <IntentionsEditor owner={owner} intentions={database.data.intentions} />
    </Stack>
  );
}
