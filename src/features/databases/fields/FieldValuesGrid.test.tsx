import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { DatabaseField } from '@/api/databases';
import { renderWithProviders } from '@/test/render';
import { FieldValuesGrid } from './FieldValuesGrid';
import { invalidReason } from './field-values.utils';

const field = (ID: string, name: string, type: string): DatabaseField => ({
  ID,
  name,
  type,
  value: '',
  displayed: true,
  ordered: false,
  length: '',
  textlines: '',
  hidden: false,
  index: false,
});
const fields = [field('1', 'email', 'email'), field('2', 'age', 'integer')];

function Form() {
  const [values, setValues] = useState<Record<string, string>>({ email: 'a@example.com', age: '' });
  const errors = Object.fromEntries(fields.map((f) => [f.name, invalidReason(f, values[f.name] ?? '')]));
  return (
    <FieldValuesGrid
      cols={1}
      fields={fields}
      valueFor={(f) => values[f.name] ?? ''}
      errors={errors}
      onChange={(name, v) => setValues((all) => ({ ...all, [name]: v }))}
    />
  );
}

describe('FieldValuesGrid', () => {
  it('shows one input per field with its value, and says in Dutch why a typed value is refused', async () => {
    renderWithProviders(<Form />, { locale: 'nl' });
    expect(screen.getByLabelText('email')).toHaveValue('a@example.com');
    expect(screen.queryByText('Vul een e-mailadres in')).toBeNull();
    await userEvent.clear(screen.getByLabelText('email'));
    await userEvent.type(screen.getByLabelText('email'), 'not-an-address');
    expect(await screen.findByText('Vul een e-mailadres in')).toBeInTheDocument();
  });
});
