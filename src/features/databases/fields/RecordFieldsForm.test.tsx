import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { keepNewerEdits, RecordFieldsForm } from './RecordFieldsForm';

const field = (ID: string, name: string, type = 'text', value = '') => ({
  ID,
  name,
  type,
  value,
  displayed: true,
  ordered: false,
  length: '255',
  textlines: '1',
  hidden: false,
  index: false,
});
const fields = [field('1', 'city'), field('2', 'age', 'integer', '0'), field('3', 'level', 'select', 'gold\nsilver')];
const record = { modified: '2024-03-01 10:00:00', fields: { city: 'Delft', age: '40', level: 'gold' } };

describe('RecordFieldsForm', () => {
  it('saves only the changed fields when nobody else changed the record', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const fetchLatest = vi.fn().mockResolvedValue(record);
    renderWithProviders(<RecordFieldsForm fields={fields} record={record} fetchLatest={fetchLatest} save={save} />);
    const city = screen.getByLabelText('city');
    await userEvent.clear(city);
    await userEvent.type(city, 'Leiden');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ city: 'Leiden' }));
  });

  it('refuses a value the API would coerce, with a typed input per field', async () => {
    const save = vi.fn();
    renderWithProviders(<RecordFieldsForm fields={fields} record={record} fetchLatest={vi.fn().mockResolvedValue(record)} save={save} />);
    expect(screen.getByLabelText('age')).toHaveAttribute('type', 'number');
    expect(screen.getByLabelText('level').tagName).toBe('SELECT');
  });

  it('shows both values when someone else changed the record, and lets the user keep theirs', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const theirs = { modified: '2024-03-01 11:00:00', fields: { city: 'Gouda', age: '40', level: 'gold' } };
    const fetchLatest = vi.fn().mockResolvedValue(theirs);
    renderWithProviders(<RecordFieldsForm fields={fields} record={record} fetchLatest={fetchLatest} save={save} />);
    const city = screen.getByLabelText('city');
    await userEvent.clear(city);
    await userEvent.type(city, 'Leiden');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Changed by someone else' });
    expect(dialog).toHaveTextContent('Leiden');
    expect(dialog).toHaveTextContent('Gouda');
    expect(save).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Save my changes over theirs' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ city: 'Leiden' }));
  });
});

describe('keepNewerEdits', () => {
  it('takes the saved values unless the user typed again while saving', () => {
    const server = { city: 'Leiden', age: '42' }; // age normalised by the API
    const submitted = { city: 'Leiden', age: '42.0' };
    expect(keepNewerEdits(server, submitted, { city: 'Leiden', age: '42.0' })).toEqual({ city: 'Leiden', age: '42' });
    expect(keepNewerEdits(server, submitted, { city: 'Utrecht', age: '42.0' })).toEqual({ city: 'Utrecht', age: '42' });
  });
});
