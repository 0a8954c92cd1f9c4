import { Button, Group, Menu, TextInput } from '@mantine/core';
import { IconChevronDown, IconDeviceFloppy, IconFilter, IconPlus, IconSearch } from '@tabler/icons-react';
import { type Ref, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { DatabaseField } from '@/api/databases';
import { useT } from '@/i18n/i18n';
import { ColumnChooser } from './ColumnChooser';
import { profilesMessages } from './messages';
import { saveSelectionMessages } from './save-selection-messages';

export type BulkMode = 'update' | 'delete' | 'unsubscribe' | 'export';

/** Quick search, filter toggle, columns, and the actions on the whole filtered set. */
export function ProfilesToolbar({
  databaseId,
  fields,
  q,
  onSearch,
  filterCount,
  filterOpen,
  onToggleFilter,
  columns,
  onColumns,
  onBulk,
  onSaveAsSelection,
  actionsRef,
}: {
  databaseId: string;
  fields: DatabaseField[];
  q: string;
  onSearch: (q: string) => void;
  filterCount: number;
  filterOpen: boolean;
  onToggleFilter: () => void;
  columns: string[];
  onColumns: (c: string[]) => void;
  onBulk: (mode: BulkMode) => void;
  /** Shown while a filter or search is applied: keep it as a selection. */
  onSaveAsSelection?: () => void;
  /** The Actions button: dialogs opened from its menu give the focus back to it. */
  actionsRef?: Ref<HTMLButtonElement>;
}) {
  const t = useT(profilesMessages);
  const ts = useT(saveSelectionMessages);
  const [query, setQuery] = useState(q);
  // Back/forward changes the URL, and so the box. The URL catching up with the user's own search does not: by
  // then they may have typed on, and that must not be overwritten.
  const submitted = useRef(q);
  useEffect(() => {
    if (q !== submitted.current) setQuery(q);
    submitted.current = q;
  }, [q]);

  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Group gap="xs" wrap="wrap">
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some engines */}
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            submitted.current = query.trim();
            onSearch(query.trim());
          }}
        >
          <TextInput
            id="profile-quick-search"
            size="xs"
            w={260}
            aria-label={t('search')}
            placeholder={t('search')}
            title={t('searchHint')}
            leftSection={<IconSearch size={14} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </form>
        <Button
          size="xs"
          variant={filterCount ? 'light' : 'default'}
          leftSection={<IconFilter size={14} aria-hidden />}
          aria-expanded={filterOpen}
          onClick={onToggleFilter}
        >
          {filterCount ? t('filtersCount', { count: filterCount }) : t('filters')}
        </Button>
        <ColumnChooser fields={fields} value={columns} onChange={onColumns} />
        {onSaveAsSelection && (
          <Button size="xs" variant="default" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={onSaveAsSelection}>
            {ts('button')}
          </Button>
        )}
      </Group>
      <Group gap="xs">
        <Button size="xs" component={Link} to={`/databases/${databaseId}/profiles/new`} leftSection={<IconPlus size={14} aria-hidden />}>
          {t('newProfile')}
        </Button>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button ref={actionsRef} size="xs" variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
              {t('actions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onBulk('export')}>{t('exportCsv')}</Menu.Item>
            <Menu.Item component={Link} to={`/databases/${databaseId}/import`}>
              {t('importCsv')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item onClick={() => onBulk('update')}>{t('bulkUpdate')}</Menu.Item>
            <Menu.Item onClick={() => onBulk('unsubscribe')}>{t('applyUnsubscribe')}</Menu.Item>
            <Menu.Item color="red" onClick={() => onBulk('delete')}>
              {t('bulkDelete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
