import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { firstLoadError, refetchFailed } from '@/api/query-data';
import { selectionQueries } from '@/api/selections';
import { useT } from '@/i18n/i18n';
import { selectionMessages } from '../messages';
import { draftFromApi, EMPTY_DRAFT, type SelectionDraft } from '../model/draft.utils';
import { draftFromConditionParam } from '../model/prefill.utils';
import { EditorFrame } from './EditorFrame';
import { SelectionEditor } from './SelectionEditor';
import { usePickerData } from './usePickerData';

/**
 * `/views/:viewId` edits a saved view; `/databases/:databaseId/selections/new[?parent=<viewId>][&condition=<json>]`
 * starts a new one (top level or nested), optionally with one rule holding a linked condition, or with the draft a
 * template hands over in the navigation state.
 */
export function ViewEditorPage() {
  const t = useT(selectionMessages);
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const viewId = params.viewId;
  const parentViewId = search.get('parent') ?? undefined;
  const view = useQuery({ ...selectionQueries.view(viewId ?? ''), enabled: !!viewId });
  const parentView = useQuery({ ...selectionQueries.view(parentViewId ?? ''), enabled: !viewId && !!parentViewId });
  const rules = useQuery({ ...selectionQueries.rules('view', viewId ?? ''), enabled: !!viewId, staleTime: Number.POSITIVE_INFINITY });
  const databaseId = viewId ? view.data?.database : params.databaseId;
  const picker = usePickerData(databaseId, { selfViewId: viewId });
  const conditionParam = search.get('condition');
  const templateDraft = (useLocation().state as { draft?: SelectionDraft } | null)?.draft;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the prefill is read once per new draft
  const initialDraft = useMemo(() => templateDraft ?? draftFromConditionParam(conditionParam, 'Rule 1'), []);

  // The parent: another view (nested) or the database itself.
  const parentId = viewId ? (view.data?.['parent-type'] === 'view' ? view.data['parent-id'] : undefined) : parentViewId;
  const parentName = parentId
    ? (picker.data?.views.find((v) => v.ID === parentId)?.name ?? parentView.data?.name ?? '')
    : (picker.database.data?.name ?? '');
  const dbName = picker.database.data?.name ?? '';
  const error = firstLoadError(view, rules, parentView) ?? picker.error;
  const loading = (!!viewId && (view.isPending || rules.isPending)) || !picker.data;

  return (
    <EditorFrame
      databaseId={databaseId}
      crumbs={[
        { to: `/databases/${databaseId ?? ''}`, label: dbName || '…' },
        { to: `/databases/${databaseId ?? ''}/selections`, label: t('title') },
      ]}
      title={viewId ? (view.data?.name ?? '…') : t('newViewTitle')}
      error={error}
      onRetry={() => void Promise.all([refetchFailed(view, rules, parentView), picker.retry()])}
      loading={loading}
    >
      {() => {
        const saved = rules.data ? draftFromApi(rules.data.data) : EMPTY_DRAFT;
        const db = databaseId as string;
        return (
          <SelectionEditor
            key={viewId ?? 'new'}
            scope="view"
            databaseId={db}
            selection={view.data ?? null}
            savedDraft={saved}
            initialDraft={viewId ? saved : (initialDraft ?? EMPTY_DRAFT)}
            createIn={parentViewId ? { kind: 'view', id: parentViewId } : { kind: 'database', id: db }}
            parentName={parentName}
            nested={!!parentId}
            data={picker.data as NonNullable<typeof picker.data>}
            liveBase={{
              scope: 'view',
              scratchParent: parentId ? { kind: 'view', id: parentId } : { kind: 'database', id: db },
            }}
            onSaved={(id) => {
              if (id !== viewId) void navigate(`/views/${id}`, { replace: true });
            }}
          />
        );
      }}
    </EditorFrame>
  );
}
