import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { validateCondition } from '../model/validate.utils';
import { ChoiceValueInput } from './ChoiceValueInput';

const country = { ID: '3', name: 'country', type: 'select', value: 'NL*\r\nBE\r\nDE' };

function Harness({ comparison, initial }: { comparison: string; initial?: string }) {
  const [value, setValue] = useState<string | undefined>(initial);
  return (
    <>
      <ChoiceValueInput field={country} comparison={comparison} value={value} onChange={setValue} label="Value" id="v" />
      <output data-testid="value">{value === undefined ? 'unset' : JSON.stringify(value)}</output>
    </>
  );
}

describe('ChoiceValueInput', () => {
  it('offers the field’s own choices and "(empty)" as a choice of its own', async () => {
    renderWithProviders(<Harness comparison="equals" />);
    fireEvent.click(document.getElementById('v') as HTMLElement);
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['(empty)', 'NL', 'BE', 'DE']);
    expect(screen.getByTestId('value')).toHaveTextContent('unset');
    fireEvent.click(screen.getByRole('option', { name: '(empty)' }));
    expect(screen.getByTestId('value')).toHaveTextContent('""');
  });

  it('takes several choices for "matches the pattern"', async () => {
    renderWithProviders(<Harness comparison="regexp" initial="^(NL)$" />);
    fireEvent.click(document.getElementById('v') as HTMLElement);
    fireEvent.click(await screen.findByRole('option', { name: 'DE' }));
    expect(screen.getByTestId('value')).toHaveTextContent('"^(NL|DE)$"');
  });
});

describe('validateCondition on a choice field', () => {
  const fields = [{ ID: '3', name: 'country', type: 'select' }];
  it('refuses a value never chosen, accepts "(empty)" chosen on purpose', () => {
    expect(validateCondition({ key: 'c', type: 'Field', props: { field: '3', comparison: 'equals' } }, fields)).toEqual({
      value: 'errChooseValue',
    });
    expect(validateCondition({ key: 'c', type: 'Field', props: { field: '3', comparison: 'equals', value: '' } }, fields)).toEqual({});
    expect(validateCondition({ key: 'c', type: 'Field', props: { field: '3', comparison: 'is_email' } }, fields)).toEqual({});
  });
});
