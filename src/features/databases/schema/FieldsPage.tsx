import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { databaseQueries } from '@/api/databases';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { useDatabaseId } from '../database/use-database';
import { FieldDefinitionsTable } from './FieldDefinitionsTable';
import { DATABASE_FIELD_TYPES } from './field-definition.utils';
import { schemaMessages } from './messages';

/** GET database/$id/fields and the field editor. */
export function FieldsPage() {
  const t = useT(schemaMessages);
  const databaseId = useDatabaseId();
  const fields = useQuery(databaseQueries.fields(databaseId));
  return (
    <Stack>
      <Title order={2}>{t('fieldsTitle')}</Title>
      {fields.isPending ? (
        <TableSkeleton rows={5} />
      ) : fields.isError ? (
        <QueryError error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <FieldDefinitionsTable
          owner={{ kind: 'database', id: databaseId, databaseId }}
          fields={fields.data.data}
          types={DATABASE_FIELD_TYPES}
          label={t('fieldsTitle')}
        />
      )}
    </Stack>
  );
}
