import '@mantine/spotlight/styles.layer.css';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconDatabase, IconFileText, IconKeyboard, IconSearch, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { databaseQueries } from '@/api/databases';
import { databaseSectionMessages } from '@/components/DatabaseTabs';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { paletteMessages } from './messages';
import { currentDatabaseId, matches, paletteIntent } from './palette.utils';

type Item = { id: string; label: string; description?: string; to?: string; onClick?: () => void; icon: ReactNode };

/** Mantine Spotlight over databases, profiles (by ID or e-mail) and pages. Loaded on first Ctrl/Cmd+K. */
export function PaletteDialog({ onClose, onHelp }: { onClose: () => void; onHelp: () => void }) {
  const t = useT(paletteMessages);
  const tc = useT(commonMessages);
  const td = useT(databaseSectionMessages);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [query, setQuery] = useState('');
  const databases = useQuery(databaseQueries.list({ start: 0, limit: 1000 }));
  useEffect(() => spotlight.open(), []);

  const all = databases.data?.data ?? [];
  const currentId = currentDatabaseId(pathname);
  const current = all.find((d) => d.ID === currentId);
  const intent = paletteIntent(query);
  const profileItems: Item[] = [];
  if (intent.profileId)
    profileItems.push({
      id: 'p',
      label: t('openProfile', { id: intent.profileId }),
      to: `/profiles/${intent.profileId}`,
      icon: <IconUser size={18} />,
    });
  if (intent.profileSearch) {
    // The current database first; across all databases only for something that looks like an e-mail.
    const scope = intent.profileSearch.includes('@')
      ? [...(current ? [current] : []), ...all.filter((d) => d !== current)]
      : current
        ? [current]
        : [];
    for (const d of scope.slice(0, 8))
      profileItems.push({
        id: `s${d.ID}`,
        label: t('searchIn', { q: intent.profileSearch, db: d.name }),
        to: `/databases/${d.ID}/profiles?q=${encodeURIComponent(intent.profileSearch)}`,
        icon: <IconSearch size={18} />,
      });
  }
  const databaseItems: Item[] = all
    .filter((d) => matches(`${d.name} ${d.description}`, query))
    .slice(0, 20)
    .map((d) => ({
      id: `d${d.ID}`,
      label: d.name,
      description: d.description,
      to: `/databases/${d.ID}/profiles`,
      icon: <IconDatabase size={18} />,
    }));
  const pages: Item[] = [
    { id: 'g-db', label: t('databasesOverview'), to: '/databases', icon: <IconFileText size={18} /> },
    { id: 'g-em', label: t('emailings'), to: '/emailings', icon: <IconFileText size={18} /> },
    { id: 'g-st', label: t('statistics'), to: '/statistics', icon: <IconFileText size={18} /> },
  ];
  if (current) {
    const tabs = [
      ['profiles/new', t('newProfile')],
      ['fields', td('tabFields')],
      ['collections', td('tabCollections')],
      ['interests', td('tabInterests')],
      ['selections', td('tabSelections')],
      ['unsubscribe', td('tabUnsubscribe')],
      ['webhooks', td('tabWebhooks')],
      ['import', td('tabImport')],
    ] as const;
    for (const [path, page] of tabs)
      pages.push({
        id: `t-${path}`,
        label: t('inDb', { page, db: current.name }),
        to: `/databases/${current.ID}/${path}`,
        icon: <IconFileText size={18} />,
      });
  }
  const help: Item[] = [{ id: 'help', label: t('shortcuts'), onClick: onHelp, icon: <IconKeyboard size={18} /> }];
  const groups = [
    { label: t('groupProfiles'), items: profileItems },
    { label: t('groupDatabases'), items: databaseItems },
    { label: t('groupPages'), items: pages.filter((p) => matches(p.label, query)) },
    { label: t('groupHelp'), items: help.filter((p) => matches(p.label, query)) },
  ].filter((g) => g.items.length > 0);

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={null} onSpotlightClose={onClose} scrollable maxHeight={420}>
      <Spotlight.Search placeholder={t('placeholder')} aria-label={t('open')} leftSection={<IconSearch size={18} aria-hidden />} />
      <Spotlight.ActionsList aria-label={t('open')}>
        {groups.map((g) => (
          <Spotlight.ActionsGroup key={g.label} label={g.label}>
            {g.items.map((item) => (
              <Spotlight.Action
                key={item.id}
                label={item.label}
                description={item.description}
                leftSection={item.icon}
                onClick={() => (item.to ? void navigate(item.to) : item.onClick?.())}
              />
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {groups.length === 0 && <Spotlight.Empty>{databases.isPending ? tc('loading') : t('nothing')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
