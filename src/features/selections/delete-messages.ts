import { defineMessages } from '@/i18n/i18n';

/** Strings of the mini selection delete confirmation. */
export const deleteMiniviewMessages = defineMessages(
  {
    title: 'Delete mini selection “{name}”?',
    effect: 'This deletes the mini selection and its rules. Subprofiles are never deleted.',
    checking: 'Checking which selections use it…',
    unused: 'No selection uses this mini selection.',
    used: '{count} {count, plural, one {selection uses} other {selections use}} this mini selection; {count, plural, one {its} other {their}} mini selection {count, plural, one {condition} other {conditions}} will match nobody:',
    more: '… and {count} more',
    usersLabel: 'Selections that use it',
    unknown: 'Could not check which selections use it: {message}',
    delete: 'Delete',
    cancel: 'Cancel',
    deleted: 'Mini selection “{name}” deleted',
  },
  {
    title: 'Miniselectie “{name}” verwijderen?',
    effect: 'Dit verwijdert de miniselectie en haar regels. Subprofielen worden nooit verwijderd.',
    checking: 'Controleren welke selecties haar gebruiken…',
    unused: 'Geen enkele selectie gebruikt deze miniselectie.',
    used: '{count} {count, plural, one {selectie gebruikt} other {selecties gebruiken}} deze miniselectie; {count, plural, one {haar} other {hun}} miniselectievoorwaarden selecteren dan niemand:',
    more: '… en nog {count}',
    usersLabel: 'Selecties die haar gebruiken',
    unknown: 'Kon niet controleren welke selecties haar gebruiken: {message}',
    delete: 'Verwijderen',
    cancel: 'Annuleren',
    deleted: 'Miniselectie “{name}” verwijderd',
  },
);

/** The selection (view) delete confirmation's count of what goes with it. */
export const deleteViewMessages = defineMessages(
  {
    descendants: 'Its {count} {count, plural, one {subselection is} other {subselections are}} deleted with it.',
  },
  {
    descendants: 'Haar {count} {count, plural, one {subselectie wordt} other {subselecties worden}} mee verwijderd.',
  },
);
