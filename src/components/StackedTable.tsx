import { Table, type TableProps } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import classes from './StackedTable.module.css';

/** Puts each column's header text on its cells as `data-label`, which the narrow layout shows before the value. */
function labelCells(table: HTMLTableElement) {
  // Children, not `tHead.rows`/`row.cells`: the same code then runs in DOMs without the table API (tests).
  const sections = Array.from(table.children);
  const head = sections.find((el) => el.tagName === 'THEAD')?.children[0];
  const headers = Array.from(head?.children ?? [], (th) => th.textContent?.trim() ?? '');
  for (const body of sections.filter((el) => el.tagName === 'TBODY'))
    for (const row of Array.from(body.children))
      Array.from(row.children as HTMLCollectionOf<HTMLTableCellElement>).forEach((cell, i) => {
        const label = cell.colSpan > 1 ? undefined : headers[i];
        if (label && cell.dataset.label !== label) cell.dataset.label = label;
        else if (!label && cell.dataset.label) delete cell.dataset.label;
      });
}

/**
 * A Mantine table that stays readable on a phone: below the "sm" breakpoint every row turns into a card
 * with one "column: value" line per cell (every field and action of the row stays there). Use it as
 * `<Table>`; it works out the labels from the header, also after rows change.
 */
export function StackedTable({ className, ...props }: TableProps) {
  const ref = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    labelCells(table);
    // Rows render on their own (paging, live samples): label new cells as they arrive. Setting attributes
    // is not a child-list change, so this does not wake itself.
    const observer = new MutationObserver(() => labelCells(table));
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return <Table ref={ref} data-stacked="" className={[classes.stacked, className].filter(Boolean).join(' ')} {...props} />;
}
