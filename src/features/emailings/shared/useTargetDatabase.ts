import { useQuery } from '@tanstack/react-query';
import { eventQueries } from '@/api/emailing-events';
import { type Emailing, targetDatabaseId } from '@/api/emailings';

/** The database an emailing went to: from `target.sources`, or asked from the API for a view/collection/miniview target. */
export function useTargetDatabase(emailing: Emailing | undefined): string | undefined {
  const listed = emailing ? targetDatabaseId(emailing.target) : undefined;
  const firstSource = emailing?.target.sources[0];
  const resolved = useQuery({ ...eventQueries.databaseOf(firstSource ?? { id: '', type: '' }), enabled: !listed && !!firstSource });
  return listed ?? (resolved.data || undefined);
}
