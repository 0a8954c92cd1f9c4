import { ActionIcon, Alert, Button, Code, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import { findProfiles, type Profile } from '@/api/profiles';
import { AppModal } from '@/components/AppModal';
import { useFormat, useT } from '@/i18n/i18n';
import { FieldValueInput } from '../fields/FieldValueInput';
import { isConfirmed, needsTypedConfirmation } from './bulk.utils';
import { bulkMessages } from './bulk-messages';
import { RunProgress } from './RunProgress';
import { type BulkJob, useBulkRun } from './use-bulk-run';

type Props = {
  mode: 'update' | 'delete' | 'unsubscribe';
  databaseId: string;
  fields: DatabaseField[];
  filter: string[];
  columns: string[];
  onClose: () => void;
  total?: number;
  sample?: Profile[];
};

/** Bulk update / delete / unsubscribe of the filtered set: dry run, typed confirmation above 100, progress. */
export function BulkActionModal({ mode, databaseId, fields, filter, columns, onClose }: Props) {
  const t = useT(bulkMessages);
  const fmt = useFormat();
  const [sets, setSets] = useState<{ field: string; value: string }[]>([{ field: fields[0]?.name ?? '', value: '' }]);
  const [typed, setTyped] = useState('');
  const dryRun = useMutation({
    mutationFn: () => findProfiles(databaseId, { fields: filter, limit: 5, total: true }),
    meta: { quiet: true },
  });
  const { run, start, cancel } = useBulkRun(databaseId, filter);
  const count = dryRun.data?.total ?? 0;
  const title = { update: t('updateTitle'), delete: t('deleteTitle'), unsubscribe: t('unsubscribeTitle') }[mode];
  const busy = run.phase === 'collecting' || run.phase === 'running';
  const shown = columns.slice(0, 3);

  function handleRun() {
    const job: BulkJob =
      mode === 'update'
        ? { kind: 'update', fields: Object.fromEntries(sets.filter((s) => s.field).map((s) => [s.field, s.value])) }
        : { kind: mode };
    void start(job);
  }

  return (
    <AppModal opened onClose={busy ? () => {} : onClose} title={title} size="lg" closeOnClickOutside={!busy}>
      <Stack>
        <Text size="sm">{filter.length ? t('filterUsed', { filter: filter.join(' AND ') }) : t('noFilter')}</Text>
        {mode === 'delete' && <Text size="sm">{t('deleteHint')}</Text>}
        {mode === 'unsubscribe' && <Text size="sm">{t('unsubscribeHint')}</Text>}
        {mode === 'update' &&
          sets.map((s, i) => {
            const field = fields.find((f) => f.name === s.field);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: positional rows
              <Group key={i} align="flex-end" gap="xs">
                <NativeSelect
                  label={t('setField')}
                  value={s.field}
                  data={fields.map((f) => f.name)}
                  disabled={run.phase !== 'idle'}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    setSets((all) => all.map((x, j) => (j === i ? { field: name, value: '' } : x)));
                  }}
                />
                {field && (
                  <FieldValueInput
                    label={t('newValue')}
                    field={field}
                    value={s.value}
                    disabled={run.phase !== 'idle'}
                    onChange={(value) => setSets((all) => all.map((x, j) => (j === i ? { ...x, value } : x)))}
                  />
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('removeField', { n: i + 1 })}
                  onClick={() => setSets((all) => all.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            );
          })}
        {mode === 'update' && run.phase === 'idle' && (
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setSets((a) => [...a, { field: fields[0]?.name ?? '', value: '' }])}
          >
            {t('addField')}
          </Button>
        )}
        {run.phase === 'idle' && (
          <Group>
            <Button
              variant="default"
              onClick={() => dryRun.mutate()}
              loading={dryRun.isPending}
              disabled={mode === 'update' && sets.length === 0}
            >
              {t('dryRun')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('dryRunHint')}
            </Text>
          </Group>
        )}
        {dryRun.isError && (
          <Alert color="red" role="alert">
            {dryRun.error.message}
          </Alert>
        )}
        {dryRun.data && (
          <Stack gap="xs">
            <Text fw={600} data-testid="bulk-count">
              {t('matches', { count })}
            </Text>
            {dryRun.data.data.length > 0 && (
              <Table withTableBorder fz="xs" aria-label={t('sample')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>ID</Table.Th>
                    {shown.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {dryRun.data.data.map((p) => (
                    <Table.Tr key={p.ID}>
                      <Table.Td>{p.ID}</Table.Td>
                      {shown.map((c) => (
                        <Table.Td key={c}>{p.fields[c]}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {run.phase === 'idle' && count > 0 && needsTypedConfirmation(count) && (
              <TextInput
                label={t('typeToConfirm', { count: String(count) })}
                description={<Code>{String(count)}</Code>}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                autoComplete="off"
              />
            )}
            {run.phase === 'idle' && count > 0 && (
              <Button
                color={mode === 'delete' ? 'red' : undefined}
                disabled={!isConfirmed(count, typed)}
                onClick={handleRun}
                w="fit-content"
              >
                {t('run', { count: fmt.number(count) })}
              </Button>
            )}
          </Stack>
        )}
        <RunProgress run={run} onCancel={cancel} onClose={onClose} />
      </Stack>
    </AppModal>
  );
}
