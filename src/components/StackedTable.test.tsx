import { Table } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { StackedTable } from './StackedTable';

describe('StackedTable', () => {
  it("labels every cell with its column's header, for the phone layout", () => {
    renderWithProviders(
      <StackedTable>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>City</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>Ann</Table.Td>
            <Table.Td>Delft</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td colSpan={2}>No more rows</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </StackedTable>,
    );
    expect(screen.getByText('Ann').dataset.label).toBe('Name');
    expect(screen.getByText('Delft').dataset.label).toBe('City');
    expect(screen.getByText('No more rows').dataset.label).toBeUndefined();
  });
});
