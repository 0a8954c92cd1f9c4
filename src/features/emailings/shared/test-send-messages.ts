import { defineMessages } from '@/i18n/i18n';

/** The "include test sends" switch of the overviews (emailing list, period overview, compare picker). */
export const testSendMessages = defineMessages(
  {
    includeTests: 'Include test sends',
    includeTestsHint: 'Test sends go to a handful of addresses; their rates would distort the overview.',
  },
  {
    includeTests: 'Testverzendingen meenemen',
    includeTestsHint: 'Testverzendingen gaan naar een handvol adressen; hun percentages zouden het overzicht vertekenen.',
  },
);
