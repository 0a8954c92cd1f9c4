import { Badge, Button, EmptyState, Group, Stack, Table } from '@mantine/core';
import { IconForms, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { DatabaseField } from '@/api/databases';
import { type FieldOwner, useCreateField, useDeleteField, useUpdateField } from '@/api/fields';
import { useNotify } from '@/components/notify';
import { RowActions, RowActionsHeader } from '@/components/RowActions';
import { useT } from '@/i18n/i18n';
import { DeleteFieldConfirm } from './DeleteFieldConfirm';
import { FieldDefinitionModal } from './FieldDefinitionModal';
import { draftFrom } from './field-definition.utils';
import { schemaMessages } from './messages';

/** The fields of a database or a collection: list, create, edit, delete. */
export function FieldDefinitionsTable({
  owner,
  fields,
  types,
  label,
}: {
  owner: FieldOwner;
  fields: DatabaseField[];
  types: readonly string[];
  label: string;
}) {
  const t = useT(schemaMessages);
  const notify = useNotify();
  const create = useCreateField(owner);
  const update = useUpdateField(owner);
  const remove = useDeleteField(owner);
  const [editing, setEditing] = useState<DatabaseField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DatabaseField | null>(null);
  const saved = () => {
    notify(t('saved'));
    setEditing(null);
  };

  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => {
            create.reset();
            setEditing('new');
          }}
        >
          {t('newField')}
        </Button>
      </Group>
      {fields.length === 0 ? (
        <EmptyState icon={<IconForms />} title={t('noFields')} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('colType')}</Table.Th>
                <Table.Th>{t('colDefault')}</Table.Th>
                <Table.Th>{t('colFlags')}</Table.Th>
                <RowActionsHeader />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f.ID}>
                  <Table.Td fw={500}>{f.name}</Table.Td>
                  <Table.Td>{f.type}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{f.value}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {f.displayed && <Badge variant="light">{t('displayed')}</Badge>}
                      {f.ordered && <Badge variant="light">{t('ordered')}</Badge>}
                      {f.hidden && <Badge variant="default">{t('hidden')}</Badge>}
                      {f.index && <Badge variant="light">{t('index')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={f.name}
                      onEdit={() => {
                        update.reset();
                        setEditing(f);
                      }}
                      onDelete={() => setDeleting(f)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <FieldDefinitionModal
          title={editing === 'new' ? t('createFieldTitle') : t('editFieldTitle', { name: editing.name })}
          initial={draftFrom(editing === 'new' ? undefined : editing)}
          types={types}
          others={fields.filter((f) => editing === 'new' || f.ID !== editing.ID)}
          saving={create.isPending || update.isPending}
          error={editing === 'new' ? create.error : update.error}
          onClose={() => setEditing(null)}
          onSave={(payload) =>
            editing === 'new'
              ? create.mutate(payload, { onSuccess: saved })
              : update.mutate({ id: editing.ID, input: payload }, { onSuccess: saved })
          }
        />
      )}
      {deleting && <DeleteFieldConfirm owner={owner} field={deleting} mutation={remove} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}
