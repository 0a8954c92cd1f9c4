import { defineMessages } from '@/i18n/i18n';

/** Strings of the period chart and the Compare tab's own picker. */
export const accountViewMessages = defineMessages(
  {
    barsCapped: 'The chart shows the {shown} most recent of {total} emailings; the table below lists them all.',
    pickLabel: 'Emailings to compare',
    pickDescription: 'Search by subject, send date or ID; up to {max}.',
    pickPlaceholder: 'Search emailings…',
    pickLoading: 'Listing the emailings of both systems…',
    pickNothing: 'No emailing matches.',
    pickNone: 'There are no emailings to compare yet.',
    pickFull: 'Four emailings chosen: remove one to add another.',
    pickOne: 'Choose one more emailing to compare.',
  },
  {
    barsCapped: 'De grafiek toont de {shown} meest recente van {total} mailings; de tabel hieronder noemt ze allemaal.',
    pickLabel: 'Te vergelijken mailings',
    pickDescription: 'Zoek op onderwerp, verzenddatum of ID; maximaal {max}.',
    pickPlaceholder: 'Mailings zoeken…',
    pickLoading: 'De mailings van beide systemen worden opgezocht…',
    pickNothing: 'Geen mailing gevonden.',
    pickNone: 'Er zijn nog geen mailings om te vergelijken.',
    pickFull: 'Vier mailings gekozen: verwijder er een om een andere toe te voegen.',
    pickOne: 'Kies nog een mailing om te vergelijken.',
  },
);
