import { defineMessages } from '@/i18n/i18n';

export const csvExportMessages = defineMessages(
  {
    starting: 'Starting the download…',
    progress: '{rows} of {total} rows written',
    progressUnknown: '{rows} rows written',
    progressLabel: 'Export progress',
    untracked: 'Your browser is saving the file; its downloads list shows the progress.',
    cancelled: 'Export cancelled: the download was stopped and its file is incomplete.',
    failed: 'Export failed: {message}. The downloaded file is incomplete.',
    cancel: 'Cancel export',
  },
  {
    starting: 'Download wordt gestart…',
    progress: '{rows} van {total} rijen geschreven',
    progressUnknown: '{rows} rijen geschreven',
    progressLabel: 'Voortgang van de export',
    untracked: 'Je browser slaat het bestand op; de downloadlijst van je browser toont de voortgang.',
    cancelled: 'Export geannuleerd: de download is gestopt en het bestand is onvolledig.',
    failed: 'Export mislukt: {message}. Het gedownloade bestand is onvolledig.',
    cancel: 'Export annuleren',
  },
);
