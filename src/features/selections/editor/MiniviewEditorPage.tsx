import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { collectionQueries } from '@/api/collections';
import { firstLoadError, refetchFailed } from '@/api/query-data';
import { selectionQueries } from '@/api/selections';
import { useT } from '@/i18n/i18n';
import { selectionMessages } from '../messages';
import { draftFromApi, EMPTY_DRAFT } from '../model/draft.utils';
import { EditorFrame } from './EditorFrame';
import { SelectionEditor } from './SelectionEditor';
import { usePickerData } from './usePickerData';

/** `/miniviews/:miniviewId` and `/collections/:collectionId/miniviews/new`: the editor over subprofiles. */
export function MiniviewEditorPage() {
  const t = useT(selectionMessages);
  const navigate = useNavigate();
  const params = useParams();
  const miniviewId = params.miniviewId;
  const miniview = useQuery({ ...selectionQueries.miniview(miniviewId ?? ''), enabled: !!miniviewId });
  const rules = useQuery({
    ...selectionQueries.rules('miniview', miniviewId ?? ''),
    enabled: !!miniviewId,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const collectionId = miniviewId ? miniview.data?.collection : params.collectionId;
  // A miniview has no `database` property (§2.2): the collection says which database it belongs to.
  const collection = useQuery({
    ...collectionQueries.detail(collectionId ?? ''),
    enabled: !!collectionId,
  });
  const databaseId = collection.data?.database;
  const picker = usePickerData(databaseId, { collectionId });
  const error = firstLoadError(miniview, rules, collection) ?? picker.error;
  const loading = (!!miniviewId && (miniview.isPending || rules.isPending)) || !picker.data;

  return (
    <EditorFrame
      databaseId={databaseId}
      crumbs={[
        { to: `/databases/${databaseId ?? ''}/selections`, label: t('title') },
        { to: `/databases/${databaseId ?? ''}/collections/${collectionId ?? ''}`, label: collection.data?.name ?? '…' },
        { to: `/collections/${collectionId ?? ''}/miniviews`, label: t('miniviewsOf', { name: collection.data?.name ?? '…' }) },
      ]}
      title={miniviewId ? (miniview.data?.name ?? '…') : t('newMiniviewTitle')}
      error={error}
      onRetry={() => void Promise.all([refetchFailed(miniview, rules, collection), picker.retry()])}
      loading={loading}
    >
      {() => {
        const saved = rules.data ? draftFromApi(rules.data.data) : EMPTY_DRAFT;
        const cid = collectionId as string;
        return (
          <SelectionEditor
            key={miniviewId ?? 'new'}
            scope="miniview"
            databaseId={databaseId as string}
            selection={miniview.data ?? null}
            savedDraft={saved}
            initialDraft={saved}
            createIn={{ kind: 'collection', id: cid }}
            parentName={collection.data?.name ?? ''}
            nested={false}
            data={picker.data as NonNullable<typeof picker.data>}
            liveBase={{ scope: 'miniview', scratchParent: { kind: 'collection', id: cid } }}
            onSaved={(id) => {
              if (id !== miniviewId) void navigate(`/miniviews/${id}`, { replace: true });
            }}
          />
        );
      }}
    </EditorFrame>
  );
}
