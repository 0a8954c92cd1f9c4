import { Alert, Button, Group } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { bulkUpdateCollectionSubprofiles, collectionQueries, findCollectionSubprofiles } from '@/api/collections';
import type { Collection } from '@/api/databases';
import { subprofileQueries } from '@/api/subprofiles';
import { useApplyUnsubscribe } from '@/api/unsubscribe';
import { useNotify } from '@/components/notify';
import { useT } from '@/i18n/i18n';
import { rangeFilter } from '../profiles/bulk.utils';
import { bulkMessages } from '../profiles/bulk-messages';
import { schemaMessages } from './messages';

const BulkChangeModal = lazy(() => import('../profiles/BulkChangeModal').then((m) => ({ default: m.BulkChangeModal })));

/**
 * PUT collection/$id/subprofiles (through the same dry run / typed confirmation / batches as the profiles'
 * bulk actions) and PUT collection/$id/unsubscribes for the current filter. Both need a filter; "every
 * subprofile" is sent as `id>0`.
 */
export function CollectionBulkActions({ collection, filter }: { databaseId: string; collection: Collection; filter: string[] }) {
  const t = useT(schemaMessages);
  const tb = useT(bulkMessages);
  const notify = useNotify();
  const fields = collection.fields.data;
  const [updating, setUpdating] = useState(false);
  const unsubscribe = useApplyUnsubscribe();
  const effective = filter.length ? filter : ['id>0'];
  if (fields.length === 0) return null;
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Button size="xs" variant="default" onClick={() => setUpdating(true)}>
        {t('bulkUpdateSub')}
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
      {unsubscribe.isError && (
        <Alert color="red" role="alert" py={4}>
          {unsubscribe.error.message}
        </Alert>
      )}
      {updating && (
        <Suspense>
          <BulkChangeModal
            title={tb('subUpdateTitle')}
            noun="subprofile"
            setFields={fields}
            columns={fields.map((f) => f.name)}
            dryRun={() => findCollectionSubprofiles(collection.ID, { fields: filter, limit: 5, total: true })}
            source={{
              path: `collection/${encodeURIComponent(collection.ID)}/subprofiles`,
              filter,
              invalidate: [collectionQueries.scope(collection.ID), subprofileQueries.all()],
            }}
            apply={(chunk, values) => bulkUpdateCollectionSubprofiles(collection.ID, rangeFilter(filter, chunk), values)}
            onClose={() => setUpdating(false)}
          />
        </Suspense>
      )}
    </Group>
  );
}
