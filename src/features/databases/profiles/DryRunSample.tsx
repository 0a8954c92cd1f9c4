import { Table } from '@mantine/core';
import { StackedTable } from '@/components/StackedTable';
import { useT } from '@/i18n/i18n';
import { bulkMessages } from './bulk-messages';

/** The first few matches of a dry run, so the user sees *which* records a bulk change would touch. */
export function DryRunSample({ rows, columns }: { rows: { ID: string; fields: Record<string, string> }[]; columns: string[] }) {
  const t = useT(bulkMessages);
  if (rows.length === 0) return null;
  const shown = columns.slice(0, 3);
  return (
    <StackedTable withTableBorder fz="xs" aria-label={t('sample')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>ID</Table.Th>
          {shown.map((c) => (
            <Table.Th key={c}>{c}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.ID}>
            <Table.Td>{p.ID}</Table.Td>
            {shown.map((c) => (
              <Table.Td key={c}>{p.fields[c]}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
