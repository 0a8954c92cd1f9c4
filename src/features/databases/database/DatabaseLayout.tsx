import { Anchor, Badge, Breadcrumbs, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCopy, IconPencil } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { useUpdateDatabase } from '@/api/databases';
import { DatabaseTabs } from '@/components/DatabaseTabs';
import { useNotify } from '@/components/notify';
import { QueryError } from '@/components/QueryError';
import { useT } from '@/i18n/i18n';
import { databaseMessages } from '../messages';
import { CopyDatabaseModal } from '../overview/CopyDatabaseModal';
import { DatabaseFormModal } from '../overview/DatabaseFormModal';
import { useDatabase, useDatabaseId } from './use-database';

/** Frame of every page of one database: name, edit/copy, and the section links. */
export function DatabaseLayout() {
  const t = useT(databaseMessages);
  const notify = useNotify();
  const id = useDatabaseId();
  const database = useDatabase();
  const update = useUpdateDatabase(id);
  const [editing, edit] = useDisclosure(false);
  const [copying, copy] = useDisclosure(false);

  return (
    <Stack gap="sm">
      <Breadcrumbs aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/databases" size="sm">
          {t('title')}
        </Anchor>
        <Text size="sm">{database.data?.name ?? id}</Text>
      </Breadcrumbs>
      {database.isPending ? (
        <Skeleton height={36} width={280} />
      ) : database.isError ? (
        <QueryError error={database.error} onRetry={() => void database.refetch()} />
      ) : (
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={1}>{database.data.name}</Title>
              {database.data.archived && <Badge color="gray.8">{t('archived')}</Badge>}
            </Group>
            {database.data.description && <Text c="dimmed">{database.data.description}</Text>}
          </div>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
              {t('editDatabase')}
            </Button>
            <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={copy.open}>
              {t('copyDatabase')}
            </Button>
          </Group>
          {editing && (
            <DatabaseFormModal
              opened
              onClose={edit.close}
              title={t('editDatabase')}
              initial={database.data}
              mutation={update}
              onSaved={() => {
                notify(t('saved'));
                edit.close();
              }}
            />
          )}
          {copying && <CopyDatabaseModal opened onClose={copy.close} database={database.data} />}
        </Group>
      )}
      <DatabaseTabs databaseId={id} />
      <Outlet />
    </Stack>
  );
}
