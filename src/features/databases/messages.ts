import { defineMessages } from '@/i18n/i18n';

export const databaseMessages = defineMessages(
  {
    title: 'Databases',
    empty: 'This account has no databases yet.',
    emptyTitle: 'No databases',
    colName: 'Name',
    colDescription: 'Description',
    colFields: 'Fields',
    colInterests: 'Interests',
    colCollections: 'Collections',
    colCreated: 'Created',
    archived: 'archived',
  },
  {
    title: 'Databases',
    empty: 'Dit account heeft nog geen databases.',
    emptyTitle: 'Geen databases',
    colName: 'Naam',
    colDescription: 'Omschrijving',
    colFields: 'Velden',
    colInterests: 'Interesses',
    colCollections: 'Collecties',
    colCreated: 'Aangemaakt',
    archived: 'gearchiveerd',
  },
);
