import { Button } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useT } from '@/i18n/i18n';
import { useDatabaseId } from '../database/use-database';
import { ConfirmUnsubscribeModal } from '../unsubscribe/ConfirmUnsubscribeModal';
import { profileMessages } from './messages';

/** The record a page shows; a subprofile names its collection, whose unsubscribe behaviour applies to it. */
export type RecordActionTarget =
  | { kind: 'profile'; id: string; onDelete: () => void }
  | { kind: 'subprofile'; id: string; collectionId: string; onDelete: () => void };

function DangerButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <Button color="red" variant="light" onClick={onClick}>
      {children}
    </Button>
  );
}

/**
 * Unsubscribe and delete for one record. Unsubscribe asks first and says what the database's or
 * collection's behaviour will do; delete is the page's own (`onDelete`).
 */
export function RecordActions({ record }: { record: RecordActionTarget }) {
  const t = useT(profileMessages);
  const databaseId = useDatabaseId();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)}>
        {t('unsubscribe')}
      </Button>
      <DangerButton onClick={record.onDelete}>{t('delete')}</DangerButton>
      {asking && (
        <ConfirmUnsubscribeModal
          record={
            record.kind === 'profile'
              ? { kind: 'profile', id: record.id, databaseId }
              : { kind: 'subprofile', id: record.id, collectionId: record.collectionId }
          }
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}
