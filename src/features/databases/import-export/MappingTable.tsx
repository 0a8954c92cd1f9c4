import { Alert, NativeSelect, Stack, Table, Text } from '@mantine/core';
import type { DatabaseField } from '@/api/databases';
import { useT } from '@/i18n/i18n';
import { type ColumnMapping, duplicateTargets } from './csv.utils';
import { importExportMessages } from './messages';

/** CSV column → database field, with the key field for update-or-create. */
export function MappingTable({
  headers,
  firstRow,
  fields,
  mapping,
  onMapping,
  keyField,
  onKeyField,
}: {
  headers: string[];
  firstRow: Record<string, string> | undefined;
  fields: DatabaseField[];
  mapping: ColumnMapping;
  onMapping: (m: ColumnMapping) => void;
  keyField: string;
  onKeyField: (k: string) => void;
}) {
  const t = useT(importExportMessages);
  const duplicates = duplicateTargets(mapping);
  const mapped = [...new Set(Object.values(mapping).filter(Boolean))];
  return (
    <Stack gap="sm">
      <Table withTableBorder aria-label={t('mapping')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('column')}</Table.Th>
            <Table.Th>{t('sampleValue')}</Table.Th>
            <Table.Th>{t('targetField')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headers.map((h) => (
            <Table.Tr key={h}>
              <Table.Td fw={500}>{h}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {firstRow?.[h] ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  aria-label={`${t('targetField')}: ${h}`}
                  value={mapping[h] ?? ''}
                  data={[{ value: '', label: t('skip') }, ...fields.map((f) => ({ value: f.name, label: `${f.name} (${f.type})` }))]}
                  onChange={(e) => onMapping({ ...mapping, [h]: e.currentTarget.value })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {duplicates.length > 0 && (
        <Alert color="red" role="alert">
          {t('duplicates', { list: duplicates.join(', ') })}
        </Alert>
      )}
      <NativeSelect
        label={t('keyField')}
        description={t('keyHint')}
        value={keyField}
        data={[{ value: '', label: t('noKey') }, ...mapped]}
        onChange={(e) => onKeyField(e.currentTarget.value)}
        w={360}
      />
    </Stack>
  );
}
