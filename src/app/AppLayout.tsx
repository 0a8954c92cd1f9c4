import { Burger, Center, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartBar, IconDatabase, IconMail } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from '@/api/client';
import { sessionQueries, signOut } from '@/api/session';
import { QueryError } from '@/components/QueryError';
import { SegmentedChoice } from '@/components/SegmentedChoice';
import { PendingDeletes } from '@/components/undoable-delete/PendingDeletes';
import { sendAllPending } from '@/components/undoable-delete/queue';
import { sweepAllScratches, useSweepOrphanedScratches } from '@/features/selections/live/scratch-registry';
import { commonMessages } from '@/i18n/common';
import { type Locale, useLocale, useT } from '@/i18n/i18n';
import { HeaderButtons } from './HeaderButtons';
import { CommandPalette } from './palette/CommandPalette';
import { StatusIndicators } from './StatusIndicators';

// Loaded only when needed: the sign-in form is not part of the entry chunk.
const SessionExpiredModal = lazy(() => import('@/features/auth/SessionExpiredModal').then((m) => ({ default: m.SessionExpiredModal })));
// The account menu and tooltip bring Popover and floating-ui: they follow the first paint (see HeaderMenus).
const loadHeaderMenus = () => import('./HeaderMenus');
const HeaderMenus = lazy(() => loadHeaderMenus().then((m) => ({ default: m.HeaderMenus })));

const NAV = [
  { to: '/databases', label: 'navDatabases', icon: IconDatabase },
  { to: '/emailings', label: 'navEmailings', icon: IconMail },
  { to: '/statistics', label: 'navStatistics', icon: IconChartBar },
] as const;

/** The signed-in frame: header with account and preferences, navigation, and the page outlet. */
export function AppLayout() {
  const t = useT(commonMessages);
  const session = useQuery(sessionQueries.current());
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { locale, setLocale } = useLocale();

  const returnTo = `${location.pathname}${location.search}${location.hash}`;

  // A 401 anywhere (expired or revoked session) opens a sign-in dialog over the page, which stays
  // mounted underneath so unsaved input survives.
  const [sessionExpired, setSessionExpired] = useState(false);
  const [accountMenuRequested, setAccountMenuRequested] = useState(false);
  // Fetched while the session is being asked for, so the menus are usually there before the header is.
  useEffect(() => void loadHeaderMenus(), []);
  useEffect(() => {
    setUnauthorizedHandler(() => setSessionExpired(true));
    return () => setUnauthorizedHandler(() => {});
  }, []);

  // Live-count scratch selections a closed tab could not delete (docs/selections-live-counts.md).
  useSweepOrphanedScratches(session.data?.signedIn ? session.data.account.id : undefined);

  // Close the mobile navigation after following a link.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => closeNav(), [location.pathname, closeNav]);

  if (session.isPending)
    return (
      <Center h="100vh">
        <Loader role="status" aria-label={t('loading')} />
      </Center>
    );
  if (session.isError)
    return (
      <Center h="100vh" p="md">
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  if (!session.data.signedIn) return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;

  const account = session.data.account;

  async function handleSignOut() {
    await sendAllPending(); // a delete still offering Undo is sent while the session exists
    await sweepAllScratches(account.id); // sign-out clears the storage that remembers them
    await signOut();
    queryClient.clear();
    void navigate('/sign-in');
  }

  return (
    <div className="app-frame">
      <header className="app-header">
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('toggleNavigation')} />
            <UnstyledButton component={Link} to="/" aria-label={t('appName')}>
              <Group gap={6} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={24} height={24} />
                <Text fw={700}>{t('appName')}</Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <CommandPalette />
            <SegmentedChoice
              size="xs"
              aria-label={t('language')}
              value={locale}
              onChange={(v) => setLocale(v as Locale)}
              data={[
                { value: 'en', label: 'EN' },
                { value: 'nl', label: 'NL' },
              ]}
            />
            <Suspense fallback={<HeaderButtons account={account} onAccountClick={() => setAccountMenuRequested(true)} />}>
              <HeaderMenus account={account} onSignOut={() => void handleSignOut()} menuOpened={accountMenuRequested} />
            </Suspense>
          </Group>
        </Group>
      </header>
      <nav className="app-navbar" aria-label={t('mainNavigation')} data-collapsed={navOpen ? undefined : true}>
        {NAV.map((item) => (
          <Link
            key={item.to}
            to={item.to}
            className="app-navlink"
            aria-current={location.pathname.startsWith(item.to) ? 'page' : undefined}
          >
            <item.icon size={18} aria-hidden />
            {t(item.label)}
          </Link>
        ))}
      </nav>
      <main className="app-main" id="main" tabIndex={-1}>
        <Outlet />
        <PendingDeletes />
      </main>
      <StatusIndicators />
      {sessionExpired && (
        <Suspense fallback={null}>
          <SessionExpiredModal onSignedIn={() => setSessionExpired(false)} onClose={() => setSessionExpired(false)} />
        </Suspense>
      )}
    </div>
  );
}
