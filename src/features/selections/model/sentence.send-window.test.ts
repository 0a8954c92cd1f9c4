import { describe, expect, it } from 'vitest';
import { conditionLabels } from '../condition-labels';
import { describeCondition } from './sentence.utils';

const names = { field: (r: string) => r, interest: (r: string) => r, view: (r: string) => r, miniview: (r: string) => r };
// "Select these profiles" from an emailing's statistics: sent from the send time until a day later.
const clicked = {
  key: 'c1',
  type: 'Email' as const,
  props: {
    'match-mode': 'match_profiles_that_received_document',
    document: 'Spring sale',
    'required-result': 'anyclick',
    'after-time': '2024-03-05 09:30:12',
    'before-time': '2024-03-06 09:30:12',
  },
};

describe('the time window of a mailing condition', () => {
  it('is told as the send window, next to the mailing, not as a click window', () => {
    expect(describeCondition(clicked, 'en', conditionLabels('en'), names)).toBe(
      'E-mail results: received the document “Spring sale” (sent between 2024-03-05 09:30:12 and 2024-03-06 09:30:12), clicked any link',
    );
    expect(describeCondition(clicked, 'nl', conditionLabels('nl'), names)).toBe(
      'E-mailresultaten: heeft het document ontvangen “Spring sale” (verzonden tussen 2024-03-05 09:30:12 en 2024-03-06 09:30:12), op een link geklikt',
    );
  });
});
