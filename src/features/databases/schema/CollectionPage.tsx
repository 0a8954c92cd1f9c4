import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { collectionQueries, useRenameCollection } from '@/api/collections';
import { useNotify } from '@/components/notify';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { useDatabaseId } from '../database/use-database';
import { CollectionSubprofilesBrowser } from './CollectionSubprofilesBrowser';
import { FieldDefinitionsTable } from './FieldDefinitionsTable';
import { COLLECTION_FIELD_TYPES } from './field-definition.utils';
import { IntentionsEditor } from './IntentionsEditor';
import { schemaMessages } from './messages';
import { NameModal } from './NameModal';
import { UnsubscribeEditor } from './UnsubscribeEditor';

/** One collection: rename, its fields, unsubscribe behaviour, intentions and all its subprofiles. */
export function CollectionPage() {
  const t = useT(schemaMessages);
  const notify = useNotify();
  const databaseId = useDatabaseId();
  const id = useParams().collectionId ?? '';
  const collection = useQuery(collectionQueries.detail(id));
  const fields = useQuery(collectionQueries.fields(id));
  const behavior = useQuery(collectionQueries.unsubscribe(id));
  const rename = useRenameCollection(databaseId, id);
  const [renaming, setRenaming] = useState(false);

  if (collection.isPending) return <TableSkeleton rows={5} />;
  if (collection.isError) return <QueryError error={collection.error} onRetry={() => void collection.refetch()} />;
  const c = collection.data;
  const owner = { kind: 'collection' as const, id, databaseId };

  return (
    <Stack>
      <Anchor component={Link} to={`/databases/${databaseId}/collections`} size="sm">
        ← {t('collectionsTitle')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{c.name}</Title>
        <Group gap="xs">
          <Button component={Link} to={`/collections/${id}/miniviews`} variant="default">
            {t('miniSelections')}
          </Button>
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setRenaming(true)}>
            {t('rename')}
          </Button>
        </Group>
      </Group>
      <Title order={3}>{t('collectionFields', { name: c.name })}</Title>
      {fields.isPending ? (
        <TableSkeleton rows={3} />
      ) : fields.isError ? (
        <QueryError error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <FieldDefinitionsTable
          owner={owner}
          fields={fields.data.data}
          types={COLLECTION_FIELD_TYPES}
          label={t('collectionFields', { name: c.name })}
        />
      )}
      {behavior.isPending ? (
        <TableSkeleton rows={2} />
      ) : behavior.isError ? (
        <QueryError error={behavior.error} onRetry={() => void behavior.refetch()} />
      ) : (
        <UnsubscribeEditor key={JSON.stringify(behavior.data)} owner={owner} current={behavior.data} fields={c.fields.data} />
      )}
      <IntentionsEditor owner={owner} intentions={c.intentions} />
      <CollectionSubprofilesBrowser databaseId={databaseId} collection={c} />
      {renaming && (
        <NameModal
          title={t('renameTitle')}
          initial={{ name: c.name, second: '' }}
          nameHint={t('collectionNameRule')}
          validateName={(n) => (/^[A-Za-z_]+$/.test(n) ? null : t('collectionNameRule'))}
          saving={rename.isPending}
          error={rename.error}
          onClose={() => setRenaming(false)}
          onSave={({ name }) =>
            rename.mutate(name, {
              onSuccess: () => {
                notify(t('saved'));
                setRenaming(false);
              },
            })
          }
        />
      )}
    </Stack>
  );
}
