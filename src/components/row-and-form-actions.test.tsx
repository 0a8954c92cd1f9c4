import { Table } from '@mantine/core';
import { act, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { ModalFormActions } from './ModalFormActions';
import { RowActions, RowActionsHeader } from './RowActions';
import { useWithoutPendingDeletes } from './undoable-delete/PendingDeletes';
import { scheduleDelete, undoDelete } from './undoable-delete/queue';

describe('RowActions', () => {
  it('names the row in each label and calls the matching handler', async () => {
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    renderWithProviders(<RowActions name="Newsletter" onEdit={onEdit} onDelete={onDelete} />);
    await userEvent.click(screen.getByRole('button', { name: 'Edit Newsletter' }));
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(onDelete).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Delete Newsletter' }));
    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('speaks Dutch and names the pair when asked', () => {
    renderWithProviders(<RowActions name="12" groupLabel="Acties voor 12" onEdit={() => {}} onDelete={() => {}} />, { locale: 'nl' });
    expect(screen.getByRole('group', { name: 'Acties voor 12' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bewerken 12' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verwijderen 12' })).toBeInTheDocument();
  });
});

describe('ModalFormActions', () => {
  it('cancels with a plain button and saves by submitting the form', async () => {
    const onCancel = vi.fn();
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    renderWithProviders(
      <form onSubmit={onSubmit}>
        <ModalFormActions onCancel={onCancel} />
      </form>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('cannot save while invalid, in Dutch too', () => {
    renderWithProviders(<ModalFormActions onCancel={() => {}} disabled />, { locale: 'nl' });
    expect(screen.getByRole('button', { name: 'Opslaan' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Annuleren' })).toBeEnabled();
  });
});

describe('useWithoutPendingDeletes', () => {
  it('leaves out rows whose delete waits for Undo, and shows them again after Undo', () => {
    const rows = [{ ID: '1' }, { ID: '2' }, { ID: '3' }];
    const { result } = renderHook(() => useWithoutPendingDeletes(rows, (r) => `subprofile/${r.ID}`));
    expect(result.current.map((r) => r.ID)).toEqual(['1', '2', '3']);
    act(() => scheduleDelete({ path: 'subprofile/2', label: 'Subprofile 2', route: '/list' }));
    expect(result.current.map((r) => r.ID)).toEqual(['1', '3']);
    act(() => {
      undoDelete('subprofile/2');
    });
    expect(result.current.map((r) => r.ID)).toEqual(['1', '2', '3']);
  });

  it('gives an empty list while the rows are still loading', () => {
    const { result } = renderHook(() => useWithoutPendingDeletes<{ ID: string }>(undefined, (r) => r.ID));
    expect(result.current).toEqual([]);
  });
});

describe('RowActionsHeader', () => {
  it('is an empty column header on screen that screen readers announce as Edit', () => {
    renderWithProviders(
      <Table>
        <Table.Thead>
          <Table.Tr>
            <RowActionsHeader />
          </Table.Tr>
        </Table.Thead>
      </Table>,
      { locale: 'nl' },
    );
    expect(screen.getByRole('columnheader', { name: 'Bewerken' })).toBeInTheDocument();
  });
});
