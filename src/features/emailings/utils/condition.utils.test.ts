import { describe, expect, it } from 'vitest';
import { normalizeEmailing } from '@/api/emailings';
import { emailCondition, selectableErrorFilter, selectionBuilderUrl } from './condition.utils';

const publisher = normalizeEmailing('publisher', {
  id: '4127',
  timestamp: '2024-03-05 09:30:12',
  document: '318',
  type: 'mass',
  target: { type: 'database', sources: [{ id: '3', type: 'database' }] },
});

describe('emailCondition (docs/api/selections.md §4.6)', () => {
  it('selects profiles that received the document in the send window with the given result', () => {
    expect(emailCondition(publisher, 'Newsletter', { result: 'clickonurl', url: 'https://x.example/a' })).toEqual({
      type: 'Email',
      'match-mode': 'match_profiles_that_received_document',
      document: 'Newsletter',
      'required-destination': 'profile',
      'required-result': 'clickonurl',
      'clicked-url': 'https://x.example/a',
      operator: '>',
      number: '0',
      'after-time': '2024-03-05 09:30:12',
      'before-time': '2024-03-06 09:30:12',
    });
  });
  it('uses subprofiles for collection targets and no end for individual emailings', () => {
    const c = emailCondition({ ...publisher, type: 'individual', target: { type: 'collection', sources: [] } }, 'Doc', {
      result: 'error',
      errors: 'nohost',
    });
    expect(c?.['required-destination']).toBe('subprofile');
    expect(c?.['required-errors']).toBe('nohost');
    expect(c?.['before-time']).toBeUndefined();
  });
  it('has none for Marketing Suite emailings or without a document name', () => {
    expect(emailCondition({ ...publisher, system: 'ms' }, 'Doc', { result: 'view' })).toBeNull();
    expect(emailCondition(publisher, '', { result: 'view' })).toBeNull();
  });
  it('links to the selection builder with the JSON body encoded', () => {
    const c = emailCondition(publisher, 'A & B', { result: 'view' });
    if (!c) throw new Error('no condition');
    const url = selectionBuilderUrl('3', c);
    expect(url.startsWith('/databases/3/selections/new?condition=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(url.split('condition=')[1] ?? ''))).toEqual(c);
  });
  it('only offers error filters the condition accepts', () => {
    expect(selectableErrorFilter('code', '5.1.1')).toBe('5.1.1');
    expect(selectableErrorFilter('code', '')).toBeUndefined();
    expect(selectableErrorFilter('type', 'nohost')).toBe('nohost');
    expect(selectableErrorFilter('type', 'error')).toBeUndefined();
  });
});
