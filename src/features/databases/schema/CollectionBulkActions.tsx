import { Alert, Button, Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useBulkUpdateSubprofiles } from '@/api/collections';
import type { Collection } from '@/api/databases';
import { useApplyUnsubscribe } from '@/api/unsubscribe';
import { useNotify } from '@/components/notify';
import { useT } from '@/i18n/i18n';
import { FieldValueInput } from '../fields/FieldValueInput';
import { schemaMessages } from './messages';

/**
 * PUT collection/$id/subprofiles and PUT collection/$id/unsubscribes for the current filter. Both need a
 * filter; "every subprofile" is sent as `id>0`.
 */
export function CollectionBulkActions({ collection, filter }: { databaseId: string; collection: Collection; filter: string[] }) {
  const t = useT(schemaMessages);
  const notify = useNotify();
  const fields = collection.fields.data;
  const [field, setField] = useState(fields[0]?.name ?? '');
  const [value, setValue] = useState('');
  const update = useBulkUpdateSubprofiles(collection.ID);
  const unsubscribe = useApplyUnsubscribe();
  const effective = filter.length ? filter : ['id>0'];
  const def = fields.find((f) => f.name === field);
  if (fields.length === 0) return null;
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <NativeSelect
        size="xs"
        label={t('bulkUpdateSub')}
        data={fields.map((f) => f.name)}
        value={field}
        onChange={(e) => setField(e.currentTarget.value)}
      />
      {def && <FieldValueInput size="xs" field={def} label={t('updateFields')} value={value} onChange={setValue} />}
      <Button
        size="xs"
        variant="default"
        loading={update.isPending}
        onClick={() => update.mutate({ filter: effective, fields: { [field]: value } }, { onSuccess: () => notify(t('applied')) })}
      >
        {t('save')}
      </Button>
      <Button
        size="xs"
        variant="default"
        loading={unsubscribe.isPending}
        onClick={() =>
          unsubscribe.mutate({ kind: 'collection', id: collection.ID, filter: effective }, { onSuccess: () => notify(t('applied')) })
        }
      >
        {t('applyToFilter')}
      </Button>
      {(update.isError || unsubscribe.isError) && (
        <Alert color="red" role="alert" py={4}>
          {(update.error ?? unsubscribe.error)?.message}
        </Alert>
      )}
    </Group>
  );
}
