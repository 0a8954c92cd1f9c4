import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { eventQueries } from '@/api/emailing-events';
import { type Emailing, emailingQueries, targetDatabaseId } from '@/api/emailings';
import { emailCondition, type ResultFilter, selectionBuilderUrl } from '../utils/condition.utils';

/**
 * What the "select these profiles" links of an emailing need to ask the API: the Publisher document's name (the
 * Email condition matches on it) and, when the target lists no database (a view, collection or miniview), the
 * target's database. The emailing page's route loader starts the same queries.
 */
export function selectProfilesQueries(emailing: Emailing | undefined) {
  const isPublisher = emailing?.system === 'publisher' && !!emailing.document;
  const listed = emailing ? targetDatabaseId(emailing.target) : undefined;
  const firstSource = emailing?.target.sources[0];
  return {
    isPublisher,
    listed,
    documentName: { ...emailingQueries.documentName(emailing?.document ?? ''), enabled: isPublisher },
    database: { ...eventQueries.databaseOf(firstSource ?? { id: '', type: '' }), enabled: isPublisher && !listed && !!firstSource },
  };
}

/** Builds "select these profiles" links for one emailing. `null` = not offered. */
export function useSelectProfiles(emailing: Emailing | undefined): (filter: ResultFilter) => string | null {
  const queries = selectProfilesQueries(emailing);
  const documentName = useQuery(queries.documentName);
  const resolved = useQuery(queries.database);
  const databaseId = queries.listed ?? resolved.data;
  const { isPublisher } = queries;
  // The same function while nothing it depends on changes: the panels it is handed to need not render again.
  return useCallback(
    (filter) => {
      if (!emailing || !isPublisher || !databaseId || !documentName.data) return null;
      const condition = emailCondition(emailing, documentName.data, filter);
      return condition ? selectionBuilderUrl(databaseId, condition) : null;
    },
    [emailing, isPublisher, databaseId, documentName.data],
  );
}
