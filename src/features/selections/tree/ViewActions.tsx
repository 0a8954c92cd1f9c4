import { Alert, Button, Checkbox, Group, Modal, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCopyView, useDeleteSelection, useUpdateSelection } from '@/api/selection-writes';
import { selectionQueries, type View } from '@/api/selections';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { deleteViewMessages } from '../delete-messages';
import { ERROR_COLOR } from '../editor/error-color';
import { selectionMessages } from '../messages';
import { validateSelectionName } from '../model/validate.utils';
import { moveView } from './move-view';

export type TreeAction = { kind: 'rename' | 'copy' | 'move' | 'delete'; view: View };
type ViewOption = { ID: string; path: string; ancestors: string[] };

/** The dialogs behind a tree node's menu: rename, copy, move and delete. */
export function ViewActionDialog({
  action,
  onClose,
  databaseId,
  views,
}: {
  action: TreeAction | null;
  onClose: () => void;
  databaseId: string;
  views: ViewOption[];
}) {
  const t = useT(selectionMessages);
  const tc = useT(commonMessages);
  const td = useT(deleteViewMessages);
  const qc = useQueryClient();
  const rename = useUpdateSelection('view');
  const copy = useCopyView();
  const remove = useDeleteSelection('view');
  const [name, setName] = useState('');
  const [withChildren, setWithChildren] = useState(true);
  const [target, setTarget] = useState<string | null>('database');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<TreeAction | null>(null);

  if (action !== opened) {
    setOpened(action);
    setName(action?.kind === 'copy' ? `${action.view.name} copy` : (action?.view.name ?? ''));
    // Each dialog starts from the defaults, not from the choices made in the previous one.
    setWithChildren(true);
    setTarget('database');
    setError(null);
    setProgress(null);
  }
  if (!action) return null;
  const view = action.view;
  const nameError = action.kind === 'rename' || action.kind === 'copy' ? validateSelectionName(name) : null;
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const done = () => {
    notifications.show({ message: t('saved') });
    onClose();
  };

  async function submit() {
    setError(null);
    try {
      if (action?.kind === 'rename') await rename.mutateAsync({ id: view.ID, input: { name } });
      if (action?.kind === 'copy') await copy.mutateAsync({ id: view.ID, name, views: withChildren });
      if (action?.kind === 'delete') await remove.mutateAsync(view.ID);
      if (action?.kind === 'move') {
        const owner =
          target === 'database' || !target ? { kind: 'database' as const, id: databaseId } : { kind: 'view' as const, id: target };
        await moveView(view.ID, owner, (d, total) => setProgress({ done: d, total }));
        await qc.invalidateQueries({ queryKey: selectionQueries.all() });
      }
      done();
    } catch (e) {
      fail(e);
    }
  }

  const busy = rename.isPending || copy.isPending || remove.isPending || (progress !== null && !error);
  const titles = { rename: t('rename'), copy: t('copy'), move: t('move'), delete: t('deleteTitle', { name: view.name }) };
  // Every view below this one (the list holds the whole tree with each view's ancestors).
  const descendants = views.filter((v) => v.ancestors.includes(view.ID)).length;
  const targets = views.filter((v) => v.ID !== view.ID && !v.ancestors.includes(view.ID));

  return (
    <Modal opened onClose={onClose} title={titles[action.kind]} style={ERROR_COLOR}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {(action.kind === 'rename' || action.kind === 'copy') && (
            <TextInput
              label={action.kind === 'copy' ? t('copyName') : t('name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError ? t(nameError) : undefined}
              data-autofocus
              required
            />
          )}
          {action.kind === 'copy' && (
            <>
              <Checkbox label={t('copyWithChildren')} checked={withChildren} onChange={(e) => setWithChildren(e.currentTarget.checked)} />
              <Text size="xs" c="dimmed">
                {t('copyHint')}
              </Text>
            </>
          )}
          {action.kind === 'move' && (
            <>
              <Select
                label={t('moveTo')}
                value={target}
                onChange={setTarget}
                allowDeselect={false}
                searchable
                data={[{ value: 'database', label: t('moveTopLevel') }, ...targets.map((v) => ({ value: v.ID, label: v.path }))]}
              />
              <Text size="xs" c="dimmed">
                {t('moveHint')}
              </Text>
              {progress && <Progress value={(progress.done / progress.total) * 100} aria-label={t('moveProgress', progress)} />}
            </>
          )}
          {action.kind === 'delete' && (
            <>
              <Text size="sm">{t('deleteBody')}</Text>
              {descendants > 0 && (
                <Text size="sm" data-testid="view-descendants">
                  {td('descendants', { count: descendants })}
                </Text>
              )}
              {view['has-referred'] && (
                <Alert color="yellow" variant="light">
                  {t('deleteReferred')}
                </Alert>
              )}
            </>
          )}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {tc('cancel')}
            </Button>
            <Button type="submit" color={action.kind === 'delete' ? 'red.8' : undefined} loading={busy} disabled={!!nameError}>
              {titles[action.kind] === t('deleteTitle', { name: view.name }) ? tc('delete') : tc('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
