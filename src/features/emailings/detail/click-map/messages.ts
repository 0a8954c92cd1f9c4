import { defineMessages } from '@/i18n/i18n';

/** Strings of the click map on the Content tab. */
export const clickMapMessages = defineMessages(
  {
    toggle: 'Show clicks on the links',
    toggleHint: 'Each link gets a badge: unique clickers, total clicks and its share of all clicks.',
    badge: '{unique} unique · {total} total · {share}',
    summary: '{matched} of {links} clicked links found in this message, with {share} of all clicks.',
    noClicks: 'Nobody has clicked a link in this emailing yet.',
    unmatchedTitle: 'Clicked links not found in this message',
    unmatchedHint: 'Matched by address. Links filled in per recipient (web version, unsubscribe) or removed since cannot be placed.',
    unmatchedNone: 'Every clicked link was found in the message.',
    more: 'and {count} more',
    table: 'All links as a table',
    colLink: 'Link',
    colUnique: 'Unique',
    colTotal: 'Total',
    colShare: 'Share',
  },
  {
    toggle: 'Kliks op de links tonen',
    toggleHint: 'Elke link krijgt een label: unieke klikkers, totaal aantal kliks en het aandeel in alle kliks.',
    badge: '{unique} uniek · {total} totaal · {share}',
    summary: '{matched} van {links} aangeklikte links gevonden in dit bericht, met {share} van alle kliks.',
    noClicks: 'Er is nog niet op een link in deze mailing geklikt.',
    unmatchedTitle: 'Aangeklikte links die niet in dit bericht staan',
    unmatchedHint:
      'Gekoppeld op adres. Links die per ontvanger worden ingevuld (webversie, afmelden) of die sindsdien zijn verwijderd, zijn niet te plaatsen.',
    unmatchedNone: 'Elke aangeklikte link staat in het bericht.',
    more: 'en nog {count}',
    table: 'Alle links als tabel',
    colLink: 'Link',
    colUnique: 'Uniek',
    colTotal: 'Totaal',
    colShare: 'Aandeel',
  },
);
