import { Anchor, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DatabaseField } from '@/api/databases';
import type { Subprofile } from '@/api/subprofiles';
import { RowActionsHeader } from '@/components/RowActions';
import { StackedTable } from '@/components/StackedTable';

/** How many of the collection's fields a subprofile table shows; the subprofile's own page shows them all. */
const SHOWN_FIELDS = 4;

/**
 * A page of subprofiles: the ID linking to the subprofile, optionally the profile it belongs to (for lists
 * across profiles), the collection's first fields, and optionally each row's actions.
 */
export function SubprofilesTable({
  databaseId,
  fields,
  rows,
  label,
  minWidth,
  profileHeader,
  actions,
}: {
  databaseId: string;
  fields: DatabaseField[];
  rows: Subprofile[];
  label: string;
  minWidth: number;
  /** Header of a column linking each row's profile; without it there is no such column. */
  profileHeader?: string;
  actions?: (subprofile: Subprofile) => ReactNode;
}) {
  const shown = fields.slice(0, SHOWN_FIELDS);
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <StackedTable striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ID</Table.Th>
            {profileHeader && <Table.Th>{profileHeader}</Table.Th>}
            {shown.map((f) => (
              <Table.Th key={f.ID}>{f.name}</Table.Th>
            ))}
            {actions && <RowActionsHeader />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={s.ID}>
              <Table.Td>
                <Anchor component={Link} to={`/databases/${databaseId}/subprofiles/${s.ID}`} size="sm">
                  {s.ID}
                </Anchor>
              </Table.Td>
              {profileHeader && (
                <Table.Td>
                  <Anchor component={Link} to={`/databases/${databaseId}/profiles/${s.profile}`} size="sm">
                    {s.profile}
                  </Anchor>
                </Table.Td>
              )}
              {shown.map((f) => (
                <Table.Td key={f.ID}>{s.fields[f.name]}</Table.Td>
              ))}
              {actions && <Table.Td>{actions(s)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackedTable>
    </Table.ScrollContainer>
  );
}
