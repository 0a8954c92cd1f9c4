import { defineMessages } from '@/i18n/i18n';

/** Strings of the split-run panel: its table and the verdict on which version won. */
export const splitRunMessages = defineMessages(
  {
    title: 'Split run',
    hint: 'Each version went to its own test group; the winning version then went to the final group. Every rate divides by the group’s own delivered messages, as everywhere else.',
    winnerBy: 'Winner by',
    confidence: 'Confidence',
    group: 'Group',
    subject: 'Subject',
    sent: 'Messages sent',
    delivered: 'Delivered messages',
    finalGroup: 'final group',
    winner: 'winner',
    significantTitle: '{winner} wins on {rate}',
    significantBody:
      '{confidence} confident that the {rate} of {winner} ({a}) is higher than that of {runnerUp} ({b}). If the versions performed equally, a difference this large would turn up by chance in {chance} of split runs (p = {p}).',
    notYetTitle: 'Not yet significant',
    notYetBody:
      '{winner} is ahead on {rate} ({a} against {b} for {runnerUp}), but if the versions performed equally, a difference this large would still turn up by chance in {chance} of split runs (p = {p}). That is more than the {alpha} allowed at {confidence} confidence: wait for more results, or treat the versions as equal.',
    tooFewBody:
      '{winner} is ahead on {rate}, but there are too few results to judge: each test group needs at least {min} delivered messages with and {min} without the result.',
    tieTitle: 'No winner',
    tieBody: 'The test groups have the same {rate} ({a}).',
    noDataTitle: 'No verdict yet',
    noDataBody: 'The delivered messages of the test groups are not known, so their rates cannot be compared.',
    method:
      'How this is decided: a two-sided two-proportion z-test on the {rate}, the leading test group against every other test group. The final group is not part of the test.',
    pBelow: '< {p}',
  },
  {
    title: 'Splitrun',
    hint: 'Elke versie ging naar een eigen testgroep; daarna ging de winnende versie naar de finale groep. Elk percentage deelt door de eigen afgeleverde berichten van de groep, zoals overal.',
    winnerBy: 'Winnaar op',
    confidence: 'Betrouwbaarheid',
    group: 'Groep',
    subject: 'Onderwerp',
    sent: 'Verzonden berichten',
    delivered: 'Afgeleverde berichten',
    finalGroup: 'finale groep',
    winner: 'winnaar',
    significantTitle: '{winner} wint op {rate}',
    significantBody:
      'Voor {confidence} zeker dat het {rate} van {winner} ({a}) hoger is dan dat van {runnerUp} ({b}). Als de versies even goed waren, zou een verschil van deze grootte in {chance} van de splitruns door toeval ontstaan (p = {p}).',
    notYetTitle: 'Nog niet significant',
    notYetBody:
      '{winner} ligt voor op {rate} ({a} tegen {b} voor {runnerUp}), maar als de versies even goed waren, zou een verschil van deze grootte nog in {chance} van de splitruns door toeval ontstaan (p = {p}). Dat is meer dan de {alpha} die bij {confidence} betrouwbaarheid is toegestaan: wacht op meer resultaten, of behandel de versies als gelijk.',
    tooFewBody:
      '{winner} ligt voor op {rate}, maar er zijn te weinig resultaten om te oordelen: elke testgroep heeft minstens {min} afgeleverde berichten met en {min} zonder het resultaat nodig.',
    tieTitle: 'Geen winnaar',
    tieBody: 'De testgroepen hebben hetzelfde {rate} ({a}).',
    noDataTitle: 'Nog geen oordeel',
    noDataBody: 'De afgeleverde berichten van de testgroepen zijn niet bekend, dus hun percentages zijn niet te vergelijken.',
    method:
      'Zo wordt beslist: een tweezijdige z-toets voor twee proporties op het {rate}, de leidende testgroep tegen elke andere testgroep. De finale groep doet niet mee aan de toets.',
    pBelow: '< {p}',
  },
);
