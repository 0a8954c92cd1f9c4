import { defineMessages, useT } from '@/i18n/i18n';
import { LinkTabs } from './LinkTabs';

/** The sections of one database, English and Dutch. */
export const databaseSectionMessages = defineMessages(
  {
    sections: 'Database sections',
    tabProfiles: 'Profiles',
    tabFields: 'Fields',
    tabCollections: 'Collections',
    tabInterests: 'Interests',
    tabSelections: 'Selections',
    tabUnsubscribe: 'Unsubscribe',
    tabWebhooks: 'Webhooks',
    tabImport: 'Import',
  },
  {
    sections: 'Onderdelen van de database',
    tabProfiles: 'Profielen',
    tabFields: 'Velden',
    tabCollections: 'Collecties',
    tabInterests: 'Interesses',
    tabSelections: 'Selecties',
    tabUnsubscribe: 'Afmelden',
    tabWebhooks: 'Webhooks',
    tabImport: 'Importeren',
  },
);

/**
 * The section links of one database: on the database's own pages and on pages that belong to it but live at
 * their own URLs (its selections, its collections' mini selections), so the way back is always in view.
 * `active` marks a section for pages whose URL does not start with it (e.g. `/views/12` belongs to Selections).
 */
export function DatabaseTabs({ databaseId, active }: { databaseId: string; active?: 'selections' | 'collections' }) {
  const t = useT(databaseSectionMessages);
  const base = `/databases/${databaseId}`;
  return (
    <LinkTabs
      label={t('sections')}
      current={active ? `${base}/${active}` : undefined}
      items={[
        { to: `${base}/profiles`, label: t('tabProfiles') },
        { to: `${base}/fields`, label: t('tabFields') },
        { to: `${base}/collections`, label: t('tabCollections') },
        { to: `${base}/interests`, label: t('tabInterests') },
        { to: `${base}/selections`, label: t('tabSelections') },
        { to: `${base}/unsubscribe`, label: t('tabUnsubscribe') },
        { to: `${base}/webhooks`, label: t('tabWebhooks') },
        { to: `${base}/import`, label: t('tabImport') },
      ]}
    />
  );
}
