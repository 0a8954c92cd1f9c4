import { Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { bulkUpdateCollectionSubprofiles, collectionQueries, findCollectionSubprofiles } from '@/api/collections';
import type { Collection } from '@/api/databases';
import { subprofileQueries } from '@/api/subprofiles';
import { applyCollectionUnsubscribes } from '@/api/unsubscribe';
import { useT } from '@/i18n/i18n';
import { rangeFilter } from '../profiles/bulk.utils';
import { bulkMessages } from '../profiles/bulk-messages';
import { useUnsubscribeWording } from '../unsubscribe/effect';
import { schemaMessages } from './messages';

const BulkChangeModal = lazy(() => import('../profiles/BulkChangeModal').then((m) => ({ default: m.BulkChangeModal })));

/**
 * Bulk update (PUT collection/$id/subprofiles) and bulk unsubscribe (PUT collection/$id/unsubscribes) of the
 * subprofiles matching the current filter, both through the profiles' dry run / typed confirmation / batches.
 * The unsubscribe button says what the collection's behaviour does and to how many subprofiles.
 */
export function CollectionBulkActions({ collection, filter, total }: { collection: Collection; filter: string[]; total?: number }) {
  const t = useT(schemaMessages);
  const tb = useT(bulkMessages);
  const w = useUnsubscribeWording();
  const fields = collection.fields.data;
  const behavior = useQuery(collectionQueries.unsubscribe(collection.ID));
  const [open, setOpen] = useState<'update' | 'unsubscribe' | null>(null);
  const b = behavior.data;
  const source = {
    path: `collection/${encodeURIComponent(collection.ID)}/subprofiles`,
    filter,
    invalidate: [collectionQueries.scope(collection.ID), subprofileQueries.all(), ['profiles']],
  };
  const dryRun = () => findCollectionSubprofiles(collection.ID, { fields: filter, limit: 5, total: true });
  const behaviorName = b ? w.name(b) : '…';

  return (
    <Group align="center" gap="xs" wrap="wrap">
      {fields.length > 0 && (
        <Button size="xs" variant="default" onClick={() => setOpen('update')}>
          {t('bulkUpdateSub')}
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        color={b?.behavior === 'remove' ? 'red.8' : undefined}
        loading={behavior.isPending}
        disabled={!b || b.behavior === 'nothing' || total === 0}
        onClick={() => setOpen('unsubscribe')}
      >
        {total === undefined
          ? w.t('bulkButtonUnknown', { behavior: behaviorName })
          : w.t('bulkButton', { count: total, behavior: behaviorName })}
      </Button>
      {b?.behavior === 'nothing' && (
        <Text size="xs" c="dimmed">
          {w.t('bulkNothingNote')}
        </Text>
      )}
      {behavior.isError && (
        <Text size="xs" c="red.8" role="alert">
          {w.t('behaviorUnavailable')}
        </Text>
      )}
      {open === 'update' && (
        <Suspense>
          <BulkChangeModal
            title={tb('subUpdateTitle')}
            noun="subprofile"
            setFields={fields}
            columns={fields.map((f) => f.name)}
            dryRun={dryRun}
            source={source}
            apply={(chunk, values) => bulkUpdateCollectionSubprofiles(collection.ID, rangeFilter(filter, chunk), values)}
            onClose={() => setOpen(null)}
          />
        </Suspense>
      )}
      {open === 'unsubscribe' && b && (
        <Suspense>
          <BulkChangeModal
            title={w.t('bulkTitle')}
            noun="subprofile"
            hint={w.effect(b, 'many')}
            columns={fields.map((f) => f.name)}
            danger={b.behavior === 'remove'}
            dryRun={dryRun}
            source={source}
            apply={(chunk) => applyCollectionUnsubscribes(collection.ID, rangeFilter(filter, chunk))}
            onClose={() => setOpen(null)}
          />
        </Suspense>
      )}
    </Group>
  );
}
