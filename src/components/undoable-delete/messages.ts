import { defineMessages } from '@/i18n/i18n';

export const undoableDeleteMessages = defineMessages(
  {
    region: 'Pending deletions',
    waiting: '{label} will be deleted in {seconds} s.',
    sending: 'Deleting {label}…',
    undo: 'Undo',
    undoLabel: 'Undo deleting {label}',
    failed: '{label} was not deleted: {message}',
    dismiss: 'Dismiss',
  },
  {
    region: 'Wachtende verwijderingen',
    waiting: '{label} wordt over {seconds} s verwijderd.',
    sending: '{label} wordt verwijderd…',
    undo: 'Ongedaan maken',
    undoLabel: 'Verwijderen van {label} ongedaan maken',
    failed: '{label} is niet verwijderd: {message}',
    dismiss: 'Sluiten',
  },
);
