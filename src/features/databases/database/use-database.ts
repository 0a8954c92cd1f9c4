import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { databaseQueries } from '@/api/databases';

/** The database of the current route (`/databases/:databaseId/…`), from the shared cache. */
export function useDatabaseId(): string {
  const { databaseId } = useParams();
  if (!databaseId) throw new Error('route without :databaseId');
  return databaseId;
}

export function useDatabase() {
  const id = useDatabaseId();
  return useQuery(databaseQueries.detail(id));
}
