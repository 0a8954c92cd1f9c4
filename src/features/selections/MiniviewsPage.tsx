import {
  ActionIcon,
  Anchor,
  Breadcrumbs,
  Button,
  EmptyState,
  Group,
  Menu,
  Modal,
  Paper,
  Stack,
  Table,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconDots, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { collectionQueries } from '@/api/collections';
import { useUpdateSelection } from '@/api/selection-writes';
import { type Miniview, selectionQueries } from '@/api/selections';
import { DatabaseTabs } from '@/components/DatabaseTabs';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { commonMessages } from '@/i18n/common';
import { useFormat, useT } from '@/i18n/i18n';
import { DeleteMiniviewModal } from './DeleteMiniviewModal';
import { ERROR_COLOR } from './editor/error-color';
import { isScratchName } from './live/scratch-selection';
import { selectionMessages } from './messages';
import { validateSelectionName } from './model/validate.utils';

/** `/collections/:collectionId/miniviews`: the collection's mini selections, with rename and delete. */
export function MiniviewsPage() {
  const t = useT(selectionMessages);
  const tc = useT(commonMessages);
  const fmt = useFormat();
  const collectionId = useParams().collectionId ?? '';
  const collection = useQuery({
    ...collectionQueries.detail(collectionId),
  });
  const list = useQuery(selectionQueries.miniviews(collectionId));
  const rename = useUpdateSelection('miniview');
  const [deleting, setDeleting] = useState<Miniview | null>(null);
  const [renaming, setRenaming] = useState<Miniview | null>(null);
  const [name, setName] = useState('');
  const items = (list.data?.data ?? []).filter((m) => !isScratchName(m.name));
  const nameError = validateSelectionName(name);

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={`/databases/${collection.data?.database ?? ''}/selections`} size="sm">
          {t('title')}
        </Anchor>
        <Anchor component={Link} to={`/databases/${collection.data?.database ?? ''}/collections/${collectionId}`} size="sm">
          {collection.data?.name ?? '…'}
        </Anchor>
      </Breadcrumbs>
      {collection.data && <DatabaseTabs databaseId={collection.data.database} active="selections" />}
      <Group justify="space-between">
        <Title order={1}>{t('miniviewsOf', { name: collection.data?.name ?? '…' })}</Title>
        <Button component={Link} to={`/collections/${collectionId}/miniviews/new`} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('newMiniview')}
        </Button>
      </Group>
      <Paper withBorder p="md" radius="md">
        {list.isPending ? (
          <TableSkeleton rows={3} />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={<IconFilterOff />} title={t('miniviews')} description={t('noMiniviews')} />
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('description')}</Table.Th>
                <Table.Th>{t('lastBuilt')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('actionsFor', { name: '' })}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.ID}>
                  <Table.Td>
                    <Anchor component={Link} to={`/miniviews/${m.ID}`}>
                      {m.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.description}</Table.Td>
                  <Table.Td>{m['last-built'] ? fmt.dateTime(m['last-built']) : t('neverBuilt')}</Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={t('actionsFor', { name: m.name })}>
                          <IconDots size={16} aria-hidden />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item
                          onClick={() => {
                            setRenaming(m);
                            setName(m.name);
                          }}
                        >
                          {t('rename')}
                        </Menu.Item>
                        <Menu.Item color="red.8" onClick={() => setDeleting(m)}>
                          {t('delete')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {deleting && <DeleteMiniviewModal miniview={deleting} onClose={() => setDeleting(null)} />}
      <Modal opened={!!renaming} onClose={() => setRenaming(null)} title={t('rename')} style={ERROR_COLOR}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (renaming && !nameError) rename.mutate({ id: renaming.ID, input: { name } }, { onSuccess: () => setRenaming(null) });
          }}
        >
          <Stack>
            <TextInput
              label={t('name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError ? t(nameError) : rename.error?.message}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button type="submit" loading={rename.isPending} disabled={!!nameError}>
                {tc('save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
