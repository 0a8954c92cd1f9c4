import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCreateWebhook, useDeleteWebhook, useUpdateWebhook, type Webhook, webhookQueries } from '@/api/webhooks';
import { useNotify } from '@/components/notify';
import { RowActionsHeader } from '@/components/RowActions';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { useDatabase, useDatabaseId } from '../database/use-database';
import { ConfirmDeleteById } from '../profile/ConfirmDeleteModal';
import { forgetWebhook, knownWebhookIds, rememberWebhook } from './known-webhooks.utils';
import { schemaMessages } from './messages';
import { WebhookModal } from './WebhookModal';
import { WebhookRow } from './WebhookRow';

/**
 * Webhooks of this database. The real API has no list call, so the page works from remembered IDs plus
 * "open by ID"; when the listing answers (the emulator's extension), it is used as well.
 */
export function WebhooksPage() {
  const t = useT(schemaMessages);
  const notify = useNotify();
  const databaseId = useDatabaseId();
  const database = useDatabase();
  const qc = useQueryClient();
  const listing = useQuery(webhookQueries.list(databaseId));
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [known, setKnown] = useState(() => knownWebhookIds(databaseId));
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [openId, setOpenId] = useState('');
  const [openError, setOpenError] = useState<string | null>(null);

  const listed = listing.data?.supported ? listing.data.items : [];
  const listedIds = new Set(listed.map((w) => String(w.ID)));
  const ids = [...listed.map((w) => String(w.ID)), ...known.filter((id) => !listedIds.has(id))];

  async function handleOpen(e: React.FormEvent) {
    e.preventDefault();
    const id = openId.trim();
    if (!/^\d+$/.test(id)) return;
    setOpenError(null);
    try {
      const w = await qc.fetchQuery(webhookQueries.detail(id));
      setKnown(rememberWebhook(databaseId, id));
      setOpenId('');
      setEditing(w);
    } catch (err) {
      setOpenError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('webhooksTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('webhooksHint')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('newWebhook')}
        </Button>
      </Group>
      {listing.data && !listing.data.supported && (
        <Alert color="blue" variant="light" role="status">
          {t('listingGap', { reason: listing.data.reason })}
        </Alert>
      )}
      <form onSubmit={(e) => void handleOpen(e)}>
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('openById')}
            inputMode="numeric"
            value={openId}
            onChange={(e) => setOpenId(e.currentTarget.value)}
            error={openError}
            w={220}
          />
          <Button type="submit" variant="default">
            {t('open')}
          </Button>
        </Group>
      </form>
      {listing.isPending ? (
        <TableSkeleton rows={3} />
      ) : ids.length === 0 ? (
        <Text c="dimmed">{t('noWebhooks')}</Text>
      ) : (
        <Table aria-label={t('webhooksTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ID</Table.Th>
              <Table.Th>{t('handler')}</Table.Th>
              <Table.Th>{t('trigger')}</Table.Th>
              <Table.Th>{t('callers')}</Table.Th>
              <RowActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ids.map((id) => (
              <WebhookRow
                key={id}
                id={id}
                listed={listed.find((w) => String(w.ID) === id)}
                onEdit={setEditing}
                onDelete={setDeleting}
                onForget={() => setKnown(forgetWebhook(databaseId, id))}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <WebhookModal
          title={editing === 'new' ? t('newWebhook') : t('editWebhookTitle', { id: editing.ID })}
          webhook={editing === 'new' ? undefined : editing}
          databaseId={databaseId}
          collections={database.data?.collections.data ?? []}
          saving={create.isPending || update.isPending}
          error={editing === 'new' ? create.error : update.error}
          onClose={() => setEditing(null)}
          onSave={(input) =>
            editing === 'new'
              ? create.mutate(input, {
                  onSuccess: ({ createdId }) => {
                    if (createdId) setKnown(rememberWebhook(databaseId, createdId));
                    notify(t('saved'));
                    setEditing(null);
                  },
                })
              : update.mutate(
                  { id: editing.ID, input },
                  {
                    onSuccess: () => {
                      notify(t('saved'));
                      setEditing(null);
                    },
                  },
                )
          }
        />
      )}
      {deleting && (
        <ConfirmDeleteById
          id={String(deleting.ID)}
          mutation={remove}
          title={t('deleteWebhookTitle', { id: deleting.ID })}
          body={t('deleteWebhookBody')}
          onClose={() => setDeleting(null)}
          onDeleted={() => setKnown(forgetWebhook(databaseId, String(deleting.ID)))}
        />
      )}
    </Stack>
  );
}
