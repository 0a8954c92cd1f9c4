import { Anchor, Breadcrumbs, Button, EmptyState, Group, List, Paper, Stack, Title } from '@mantine/core';
import { IconFilterOff, IconPlus, IconTemplate } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { databaseQueries } from '@/api/databases';
import { selectionQueries } from '@/api/selections';
import { DatabaseTabs } from '@/components/DatabaseTabs';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { useAllViews } from './editor/usePickerData';
import { isScratchName } from './live/scratch-selection';
import { selectionMessages } from './messages';
import { templateMessages } from './template-messages';
import { type TreeAction, ViewActionDialog } from './tree/ViewActions';
import { ViewTree } from './tree/ViewTree';

/** `/databases/:databaseId/selections`: the tree of views, and per collection a link to its miniviews. */
export function SelectionsPage() {
  const t = useT(selectionMessages);
  const tt = useT(templateMessages);
  const databaseId = useParams().databaseId ?? '';
  const database = useQuery(databaseQueries.detail(databaseId));
  const views = useQuery(selectionQueries.databaseViews(databaseId));
  const allViews = useAllViews(databaseId, views.isSuccess);
  const [action, setAction] = useState<TreeAction | null>(null);
  // V1 may list nested views too: the tree's top level is the views whose parent is the database.
  const top = (views.data?.data ?? []).filter((v) => v['parent-type'] !== 'view' && !isScratchName(v.name));

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={`/databases/${databaseId}`} size="sm">
          {database.data?.name ?? t('backToDatabase')}
        </Anchor>
      </Breadcrumbs>
      <DatabaseTabs databaseId={databaseId} />
      <Group justify="space-between">
        <Title order={1}>{database.data ? t('titleOf', { name: database.data.name }) : t('title')}</Title>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/databases/${databaseId}/selections/templates`}
            variant="default"
            leftSection={<IconTemplate size={16} aria-hidden />}
          >
            {tt('fromTemplate')}
          </Button>
          <Button component={Link} to={`/databases/${databaseId}/selections/new`} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('newSelection')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('views')}
        </Title>
        {views.isPending ? (
          <TableSkeleton rows={4} />
        ) : views.isError ? (
          <QueryError error={views.error} onRetry={() => void views.refetch()} />
        ) : top.length === 0 ? (
          <EmptyState icon={<IconFilterOff />} title={t('emptyTreeTitle')} description={t('emptyTree')} />
        ) : (
          <ViewTree views={top} databaseId={databaseId} onAction={setAction} />
        )}
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('miniviews')}
        </Title>
        {database.isError ? (
          <QueryError error={database.error} onRetry={() => void database.refetch()} />
        ) : (
          <List spacing={4}>
            {(database.data?.collections.data ?? []).map((c) => (
              <List.Item key={c.ID}>
                <Anchor component={Link} to={`/collections/${c.ID}/miniviews`} size="sm">
                  {t('miniviewsOf', { name: c.name })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      <ViewActionDialog action={action} onClose={() => setAction(null)} databaseId={databaseId} views={allViews.data ?? []} />
    </Stack>
  );
}
