import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { SaveAsSelectionModal } from './SaveAsSelectionModal';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const fields = [
  { ID: '2', name: 'city', type: 'text', value: '' },
  { ID: '3', name: 'country', type: 'select', value: 'NL*\r\nBE' },
];

/** Answers the count for exactly the conditions that become the rule. */
function countStub() {
  return stubFetch((url) => {
    if (url.pathname !== '/api/v3/database/1/profiles') return undefined;
    const expected = ['city==Delft', 'country==NL'];
    if (JSON.stringify(url.searchParams.getAll('fields[]')) !== JSON.stringify(expected)) return undefined;
    return json({ start: 0, limit: 1, count: 1, data: [{ ID: '9', fields: {} }], total: 42 });
  });
}

const filter = [
  { field: 'city', op: '==' as const, value: 'Delft' },
  { field: 'country', op: '==' as const, value: 'NL' },
  { field: 'id', op: '==' as const, value: '7' },
];

describe('SaveAsSelectionModal', () => {
  it('says the rule, counts only what the rule keeps, and names what it leaves out', async () => {
    countStub();
    renderWithProviders(<SaveAsSelectionModal owner={{ kind: 'database', id: '1' }} filter={filter} fields={fields} onClose={() => {}} />);
    expect(await screen.findByTestId('selection-sentence')).toHaveTextContent(
      'Profiles where city equals “Delft” and country equals “NL”.',
    );
    expect(await screen.findByText('42 profiles match now.')).toBeInTheDocument();
    expect(screen.getByTestId('selection-skipped')).toHaveTextContent('id==7: a selection condition needs a field, and this is not one');
  });

  it('speaks Dutch', async () => {
    countStub();
    renderWithProviders(<SaveAsSelectionModal owner={{ kind: 'database', id: '1' }} filter={filter} fields={fields} onClose={() => {}} />, {
      locale: 'nl',
    });
    expect(await screen.findByTestId('selection-sentence')).toHaveTextContent(
      'Profielen waarvan city gelijk is aan “Delft” en country gelijk is aan “NL”.',
    );
    expect(await screen.findByText('42 profielen voldoen nu.')).toBeInTheDocument();
  });

  it('saves nothing when no part of the filter can be a condition', () => {
    stubFetch(() => undefined);
    renderWithProviders(
      <SaveAsSelectionModal
        owner={{ kind: 'database', id: '1' }}
        filter={[filter[2] as (typeof filter)[2]]}
        fields={fields}
        onClose={() => {}}
      />,
    );
    expect(screen.getByText(/A selection without conditions would hold every profile/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create and open' })).toBeDisabled();
  });
});
