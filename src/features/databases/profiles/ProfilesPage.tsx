import { Alert, Button, EmptyState, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { usePendingDeletePaths } from '@/components/undoable-delete/PendingDeletes';
import { useT } from '@/i18n/i18n';
import { useDatabase, useDatabaseId } from '../database/use-database';
import { profileDeletePath } from '../profile/use-record-delete';
import { loadColumns, saveColumns } from './columns.utils';
import { FilterBuilder } from './FilterBuilder';
import { toExpression } from './filter.utils';
import { ListPager } from './ListPager';
import { nextSort } from './list-state.utils';
import { profilesMessages } from './messages';
import { type BulkMode, ProfilesToolbar } from './ProfilesToolbar';
import { ProfileTable } from './ProfileTable';
import { useProfileList } from './use-profile-list';

// Heavy, rarely used dialogs load on first use.
const BulkActionModal = lazy(() => import('./BulkActionModal').then((m) => ({ default: m.BulkActionModal })));
const SaveAsSelectionModal = lazy(() => import('./SaveAsSelectionModal').then((m) => ({ default: m.SaveAsSelectionModal })));
const ExportModal = lazy(() => import('../import-export/ExportModal').then((m) => ({ default: m.ExportModal })));

export function ProfilesPage() {
  const t = useT(profilesMessages);
  const databaseId = useDatabaseId();
  const database = useDatabase();
  // A profile deleted from its page stays hidden here while its Undo is offered.
  const pendingDeletes = usePendingDeletePaths();
  const fields = database.data?.fields.data;
  const { state, setState, filter, list, total } = useProfileList(databaseId, fields);
  const [filterOpen, setFilterOpen] = useState(state.filters.length > 0);
  // The saved (or default) columns are read while rendering, so the table's first render already has them.
  // A new choice is saved as well; once the fields change (another database, a field renamed) it is read back.
  const [chosenColumns, setChosenColumns] = useState<{ fields: unknown; columns: string[] } | null>(null);
  const savedColumns = useMemo(() => (fields ? loadColumns(databaseId, fields) : []), [databaseId, fields]);
  const columns = chosenColumns && chosenColumns.fields === fields ? chosenColumns.columns : savedColumns;
  const [bulk, setBulk] = useState<BulkMode | null>(null);
  const [saveAsSelection, setSaveAsSelection] = useState(false);
  // The menu item that opened a bulk dialog is gone when it closes: give the focus back to the Actions button.
  const actionsRef = useRef<HTMLButtonElement>(null);
  const closeBulk = () => {
    setBulk(null);
    actionsRef.current?.focus();
  };
  const navigate = useNavigate();

  useHotkeys([
    ['/', () => document.getElementById('profile-quick-search')?.focus()],
    ['n', () => void navigate(`/databases/${databaseId}/profiles/new`)],
    ['f', () => setFilterOpen((o) => !o)],
    ['e', () => setBulk('export')],
    ['ArrowRight', () => list.data && list.data.count === state.limit && setState({ ...state, start: state.start + state.limit })],
    ['ArrowLeft', () => state.start > 0 && setState({ ...state, start: Math.max(0, state.start - state.limit) })],
  ]);

  if (database.isPending) return <TableSkeleton />;
  if (database.isError) return <QueryError error={database.error} onRetry={() => void database.refetch()} />;
  const allFields = database.data.fields.data;
  const filtered = filter.fields.length > 0;

  return (
    <Stack gap="sm">
      <ProfilesToolbar
        actionsRef={actionsRef}
        databaseId={databaseId}
        fields={allFields}
        q={state.q}
        onSearch={(q) => setState({ ...state, q, start: 0 })}
        filterCount={state.filters.length}
        filterOpen={filterOpen}
        onToggleFilter={() => setFilterOpen((o) => !o)}
        columns={columns}
        onColumns={(c) => {
          setChosenColumns({ fields, columns: c });
          saveColumns(databaseId, c);
        }}
        onBulk={setBulk}
        onSaveAsSelection={filter.rules.length > 0 ? () => setSaveAsSelection(true) : undefined}
      />
      {filterOpen && (
        <FilterBuilder fields={allFields} rules={state.filters} onApply={(filters) => setState({ ...state, filters, start: 0 })} />
      )}
      {filter.dropped.length > 0 && (
        <Alert color="yellow" role="status">
          {t('droppedConditions', { list: filter.dropped.map(toExpression).join(', ') })}
        </Alert>
      )}
      {list.isPending ? (
        <TableSkeleton rows={10} />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.count === 0 ? (
        <EmptyState
          icon={<IconUsers />}
          title={state.start > 0 ? t('noMatchTitle') : filtered ? t('noMatchTitle') : t('emptyTitle')}
          description={state.start > 0 ? t('pageEmpty') : filtered ? t('noMatch') : t('empty')}
        >
          {state.start > 0 && (
            <EmptyState.Actions>
              <Button variant="default" onClick={() => setState({ ...state, start: 0 })}>
                {t('firstPage')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        <ProfileTable
          databaseId={databaseId}
          rows={list.data.data.filter((p) => !pendingDeletes.has(profileDeletePath(p.ID)))}
          columns={columns}
          orderby={state.orderby}
          order={state.order}
          onSort={(c) => setState(nextSort(state, c))}
          busy={list.isPlaceholderData}
          pageKey={`${state.start}:${state.limit}:${filter.fields.join('&')}:${state.orderby}:${state.order}`}
        />
      )}
      <ListPager
        start={state.start}
        limit={state.limit}
        count={list.data?.count ?? 0}
        total={total.data}
        totalPending={total.isPending && total.fetchStatus !== 'idle'}
        busy={list.isFetching}
        onStart={(start) => setState({ ...state, start })}
        onLimit={(limit) => setState({ ...state, limit, start: 0 })}
      />
      <Suspense>
        {saveAsSelection && (
          <SaveAsSelectionModal
            owner={{ kind: 'database', id: databaseId }}
            filter={filter.rules}
            fields={allFields}
            onClose={() => setSaveAsSelection(false)}
          />
        )}
        {bulk === 'export' && <ExportModal databaseId={databaseId} filter={filter.fields} total={total.data} onClose={closeBulk} />}
        {bulk && bulk !== 'export' && (
          <BulkActionModal
            mode={bulk}
            databaseId={databaseId}
            fields={allFields}
            filter={filter.fields}
            columns={columns}
            onClose={closeBulk}
          />
        )}
      </Suspense>
    </Stack>
  );
}
