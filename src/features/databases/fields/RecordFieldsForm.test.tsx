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
let keys = 0;
const nextKey = () => `profile:test-${++keys}`;

describe('RecordFieldsForm', () => {
  it('saves only the changed fields when nobody else changed the record', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const fetchLatest = vi.fn().mockResolvedValue(record);
    renderWithProviders(<RecordFieldsForm fields={fields} record={record} recordKey={nextKey()} fetchLatest={fetchLatest} save={save} />);
    const city = screen.getByLabelText('city');
    await userEvent.clear(city);
    await userEvent.type(city, 'Leiden');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ city: 'Leiden' }));
  });

  it('refuses a value the API would coerce, with a typed input per field', async () => {
    const save = vi.fn();
    renderWithProviders(
      <RecordFieldsForm
        fields={fields}
        record={record}
        recordKey={nextKey()}
        fetchLatest={vi.fn().mockResolvedValue(record)}
        save={save}
      />,
    );
    expect(screen.getByLabelText('age')).toHaveAttribute('type', 'number');
    expect(screen.getByLabelText('level').tagName).toBe('SELECT');
  });

  it('shows both values when someone else changed the record, and lets the user keep theirs', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const theirs = { modified: '2024-03-01 11:00:00', fields: { city: 'Gouda', age: '40', level: 'gold' } };
    const fetchLatest = vi.fn().mockResolvedValue(theirs);
    renderWithProviders(<RecordFieldsForm fields={fields} record={record} recordKey={nextKey()} fetchLatest={fetchLatest} save={save} />);
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

describe('RecordFieldsForm: own writes and double submits', () => {
  it('Ctrl+S twice and a double click while a save runs make one PUT', async () => {
    let finish: () => void = () => {};
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const fetchLatest = vi.fn().mockResolvedValue(record);
    renderWithProviders(<RecordFieldsForm fields={fields} record={record} recordKey={nextKey()} fetchLatest={fetchLatest} save={save} />);
    const city = screen.getByLabelText('city');
    await userEvent.clear(city);
    await userEvent.type(city, 'Leiden');
    await userEvent.keyboard('{Control>}s{/Control}');
    await userEvent.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await userEvent.dblClick(screen.getByRole('button', { name: /Save/ }));
    await userEvent.keyboard('{Control>}s{/Control}');
    finish();
    await waitFor(() => expect(fetchLatest).toHaveBeenCalledTimes(2)); // the check, then the re-read after the PUT
    expect(save).toHaveBeenCalledTimes(1);
  });

  it("a save whose answer was lost is not taken for someone else's change: Save again sends nothing", async () => {
    const save = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const stored = { modified: '2024-03-01 10:05:00', fields: { ...record.fields, city: 'Leiden' } };
    const fetchLatest = vi.fn().mockResolvedValueOnce(record).mockResolvedValue(stored);
    renderWithProviders(<RecordFieldsForm fields={fields} record={record} recordKey={nextKey()} fetchLatest={fetchLatest} save={save} />);
    const city = screen.getByLabelText('city');
    await userEvent.clear(city);
    await userEvent.type(city, 'Leiden');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Failed to fetch');
    expect(city).toHaveValue('Leiden');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/earlier save had arrived/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(save).toHaveBeenCalledTimes(1);
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
