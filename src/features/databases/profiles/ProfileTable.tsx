import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, memo, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Profile } from '@/api/profiles';
import { useFormat, useT } from '@/i18n/i18n';
import { profilesMessages } from './messages';
import classes from './ProfileTable.module.css';
import { observeOffsetFromNextFrame, observeRectFromNextFrame, scrollUnlessNewAtTop } from './virtual-no-forced-layout';

const ROW_HEIGHT = 37; // 36px row + 1px border

type Props = {
  databaseId: string;
  rows: Profile[];
  columns: string[];
  orderby: string;
  order: 'asc' | 'desc';
  onSort: (column: string) => void;
  busy?: boolean;
  /** Changes when a new page arrives: the scroller returns to the top. */
  pageKey: string;
};

/**
 * Up to 1000 rows per page, but only the visible ones (plus overscan) are in the DOM, so a page of
 * 1000 stays cheap to scroll. A real <table> with spacer rows keeps table semantics for assistive tech.
 */
export function ProfileTable({ databaseId, rows, columns, orderby, order, onSort, busy, pageKey }: Props) {
  const t = useT(profilesMessages);
  const fmt = useFormat();
  const scroller = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // First paint before the scroller is measured (and in tests, which have no layout).
    initialRect: { width: 1000, height: 720 },
    observeElementRect: observeRectFromNextFrame,
    observeElementOffset: observeOffsetFromNextFrame,
    scrollToFn: scrollUnlessNewAtTop,
  });
  // Back to the top when another page arrives (a new scroller starts there: no scroll, and no layout, on mount).
  const shownPage = useRef(pageKey);
  useEffect(() => {
    if (shownPage.current === pageKey) return;
    shownPage.current = pageKey;
    virtualizer.scrollToOffset(0);
  }, [pageKey, virtualizer]);

  const measured = virtualizer.getVirtualItems();
  // Before the scroller has a size (first frame; DOM tests without layout) show the first rows plainly.
  const items =
    measured.length || rows.length === 0
      ? measured
      : rows.slice(0, 30).map((_, index) => ({ index, start: index * ROW_HEIGHT, end: (index + 1) * ROW_HEIGHT }));
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const all = [{ key: 'id', label: t('id') }, ...columns.map((c) => ({ key: c, label: c })), { key: 'modified', label: t('modified') }];
  const colSpan = all.length;

  return (
    // A focusable scroll region, so keyboard users can scroll it (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region
    <section ref={scroller} className={classes.scroller} tabIndex={0} aria-label={t('profilesTable')}>
      <table
        className={classes.table}
        data-busy={busy || undefined}
        aria-rowcount={rows.length + 1}
        style={{ '--profile-columns': colSpan } as CSSProperties}
      >
        <thead>
          <tr>
            {all.map((c) => {
              const active = orderby.toLowerCase() === c.key.toLowerCase();
              const Icon = !active ? IconArrowsSort : order === 'asc' ? IconArrowUp : IconArrowDown;
              return (
                <th
                  key={c.key}
                  aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                  style={c.key === 'id' ? { width: 90 } : undefined}
                >
                  <button type="button" className={classes.sort} onClick={() => onSort(c.key)} title={t('sortBy', { name: c.label })}>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{c.label}</span>
                    <Icon size={14} aria-hidden style={{ flex: 'none', opacity: active ? 1 : 0.4 }} />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden>
              <td colSpan={colSpan} style={{ height: padTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const p = rows[item.index];
            if (!p) return null;
            return (
              <ProfileRow
                key={p.ID}
                profile={p}
                rowIndex={item.index + 2}
                databaseId={databaseId}
                columns={columns}
                dateTime={fmt.dateTime}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={colSpan} style={{ height: padBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

type RowProps = { profile: Profile; rowIndex: number; databaseId: string; columns: string[]; dateTime: (s: string) => string };

/**
 * One row; it renders again only when its own profile or the columns change (the page around the table renders
 * on every answer that arrives). A plain link styled as Mantine's Anchor: one per row adds up.
 */
const ProfileRow = memo(function ProfileRow({ profile, rowIndex, databaseId, columns, dateTime }: RowProps) {
  return (
    <tr aria-rowindex={rowIndex}>
      <td>
        <Link className={`mantine-focus-auto ${classes.idLink}`} to={`/databases/${databaseId}/profiles/${profile.ID}`}>
          {profile.ID}
        </Link>
      </td>
      {columns.map((c) => (
        <td key={c}>{profile.fields[c] ?? ''}</td>
      ))}
      <td>{dateTime(profile.modified)}</td>
    </tr>
  );
});
