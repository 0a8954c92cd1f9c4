import { Group, Stack, Table, Text } from '@mantine/core';
import { useT } from '@/i18n/i18n';
import { recordMessages } from '../fields/messages';
import { type RowPlan, summarize } from './csv.utils';
import { importExportMessages } from './messages';

/** The dry run's prediction: counts, and each row with a problem (line, column, value, why). */
export function DryRunReport({ plans }: { plans: RowPlan[] }) {
  const t = useT(importExportMessages);
  const tr = useT(recordMessages);
  const s = summarize(plans);
  const bad = plans.filter((p) => p.action === 'invalid');
  return (
    <Stack gap="xs">
      <Group gap="xs" data-testid="dry-run-summary">
        {/* Dark shades: readable text on any background (the light badges missed AA contrast). */}
        <Text fw={600}>{t('creates', { count: s.creates })}</Text>
        <Text fw={600} c="blue.9">
          · {t('updates', { count: s.updates })}
        </Text>
        <Text fw={600} c={s.invalid ? 'red.9' : undefined}>
          · {t('invalid', { count: s.invalid })}
        </Text>
      </Group>
      {bad.length > 0 && (
        <Table withTableBorder fz="sm" aria-label={t('problems')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('line')}</Table.Th>
              <Table.Th>{t('column')}</Table.Th>
              <Table.Th>{t('sampleValue')}</Table.Th>
              <Table.Th>{t('problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bad.slice(0, 200).flatMap((p) =>
              p.problems.map((pr) => (
                <Table.Tr key={`${p.line}-${pr.column}`}>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td>{pr.column}</Table.Td>
                  <Table.Td>{pr.value}</Table.Td>
                  <Table.Td>{pr.reason === 'emptyKey' ? t('emptyKey') : tr(pr.reason)}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      )}
      {plans.some((p) => p.matches > 1) && (
        <Text size="sm" c="orange.9">
          {plans
            .filter((p) => p.matches > 1)
            .slice(0, 10)
            .map((p) => `${t('line')} ${p.line}: ${t('multiMatch', { count: p.matches })}`)
            .join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

export type ImportResult = { created: number; updated: number; failed: { line: number; message: string }[] };

export function ImportResultReport({ result }: { result: ImportResult }) {
  const t = useT(importExportMessages);
  return (
    <Stack gap="xs">
      <Text fw={600} data-testid="import-result">
        {t('importDone', { created: result.created, updated: result.updated, failed: result.failed.length })}
      </Text>
      {result.failed.length > 0 && (
        <Table withTableBorder fz="sm" aria-label={t('failedRows')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('line')}</Table.Th>
              <Table.Th>{t('error')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.failed.map((f) => (
              <Table.Tr key={f.line}>
                <Table.Td>{f.line}</Table.Td>
                <Table.Td>{f.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
