import type { DatabaseField } from '@/api/databases';
import { bulkDeleteProfiles, bulkUpdateProfiles, findProfiles, profileQueries } from '@/api/profiles';
import { subprofileQueries } from '@/api/subprofiles';
import { applyDatabaseUnsubscribes } from '@/api/unsubscribe';
import { useT } from '@/i18n/i18n';
import { BulkChangeModal } from './BulkChangeModal';
import { rangeFilter } from './bulk.utils';
import { bulkMessages } from './bulk-messages';

type Props = {
  mode: 'update' | 'delete' | 'unsubscribe';
  databaseId: string;
  fields: DatabaseField[];
  filter: string[];
  columns: string[];
  onClose: () => void;
};

/** Bulk update / delete / unsubscribe of the filtered profiles: dry run, typed confirmation above 100, progress. */
export function BulkActionModal({ mode, databaseId, fields, filter, columns, onClose }: Props) {
  const t = useT(bulkMessages);
  const db = `database/${encodeURIComponent(databaseId)}`;
  return (
    <BulkChangeModal
      title={{ update: t('updateTitle'), delete: t('deleteTitle'), unsubscribe: t('unsubscribeTitle') }[mode]}
      noun="profile"
      hint={mode === 'delete' ? t('deleteHint') : mode === 'unsubscribe' ? t('unsubscribeHint') : undefined}
      setFields={mode === 'update' ? fields : undefined}
      columns={columns}
      danger={mode === 'delete'}
      dryRun={() => findProfiles(databaseId, { fields: filter, limit: 5, total: true })}
      source={{
        path: `${db}/profiles`,
        filter,
        // Any profile of this database may have changed; delete/unsubscribe also reach subprofiles.
        invalidate: mode === 'update' ? [profileQueries.all()] : [profileQueries.all(), subprofileQueries.all()],
      }}
      apply={(chunk, values) =>
        mode === 'update'
          ? bulkUpdateProfiles(databaseId, rangeFilter(filter, chunk), values)
          : mode === 'delete'
            ? bulkDeleteProfiles(databaseId, chunk.ids)
            : applyDatabaseUnsubscribes(databaseId, rangeFilter(filter, chunk))
      }
      onClose={onClose}
    />
  );
}
