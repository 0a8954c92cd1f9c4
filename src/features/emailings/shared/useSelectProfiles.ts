import { useQuery } from '@tanstack/react-query';
import { eventQueries } from '@/api/emailing-events';
import { type Emailing, emailingQueries, targetDatabaseId } from '@/api/emailings';
import { emailCondition, type ResultFilter, selectionBuilderUrl } from '../utils/condition.utils';

/**
 * Builds "select these profiles" links for one emailing: needs the Publisher document's name (the Email
 * condition matches on it) and the target's database (from `target.sources`, or asked from the API
 * when the target is a view/collection/miniview without its database listed). `null` = not offered.
 */
export function useSelectProfiles(emailing: Emailing | undefined): (filter: ResultFilter) => string | null {
  const isPublisher = emailing?.system === 'publisher' && !!emailing.document;
  const documentName = useQuery({ ...emailingQueries.documentName(emailing?.document ?? ''), enabled: isPublisher });
  const listed = emailing ? targetDatabaseId(emailing.target) : undefined;
  const firstSource = emailing?.target.sources[0];
  const resolved = useQuery({
    ...eventQueries.databaseOf(firstSource ?? { id: '', type: '' }),
    enabled: isPublisher && !listed && !!firstSource,
  });
  const databaseId = listed ?? resolved.data;
  return (filter) => {
    if (!emailing || !isPublisher || !databaseId || !documentName.data) return null;
    const condition = emailCondition(emailing, documentName.data, filter);
    return condition ? selectionBuilderUrl(databaseId, condition) : null;
  };
}
