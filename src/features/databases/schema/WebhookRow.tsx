import { Button, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { WEBHOOK_TRIGGERS, type Webhook, type WebhookTrigger, webhookQueries } from '@/api/webhooks';
import { RowActions } from '@/components/RowActions';
import { useT } from '@/i18n/i18n';
import { schemaMessages } from './messages';

/** One webhook row; given by the listing, or fetched by its remembered ID (GET webhook/$id). */
export function WebhookRow({
  id,
  listed,
  onEdit,
  onDelete,
  onForget,
}: {
  id: string;
  listed?: Webhook;
  onEdit: (w: Webhook) => void;
  onDelete: (w: Webhook) => void;
  onForget?: () => void;
}) {
  const t = useT(schemaMessages);
  const detail = useQuery({ ...webhookQueries.detail(id), enabled: !listed });
  const w = listed ?? detail.data;
  return (
    <Table.Tr>
      <Table.Td>{id}</Table.Td>
      {w ? (
        <>
          <Table.Td style={{ wordBreak: 'break-all' }}>{w.handler}</Table.Td>
          <Table.Td>
            {(WEBHOOK_TRIGGERS as readonly string[]).includes(w.trigger) ? t(`trigger_${w.trigger as WebhookTrigger}`) : w.trigger}
          </Table.Td>
          <Table.Td>{(w.callers ?? []).join(', ') || t('all')}</Table.Td>
          <Table.Td>
            <RowActions name={id} onEdit={() => onEdit(w)} onDelete={() => onDelete(w)} />
          </Table.Td>
        </>
      ) : (
        <Table.Td colSpan={4}>
          <Group gap="xs">
            <Text size="sm" c={detail.isError ? 'red.8' : 'dimmed'}>
              {detail.isError ? detail.error.message : '…'}
            </Text>
            {detail.isError && onForget && (
              <Button size="compact-xs" variant="default" onClick={onForget}>
                {t('forget')}
              </Button>
            )}
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
