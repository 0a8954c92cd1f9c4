import { Group, NavLink, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useT } from '@/i18n/i18n';
import { accountMessages } from './messages';

/** Heading and the three account-wide views. */
export function StatisticsNav() {
  const t = useT(accountMessages);
  const { pathname } = useLocation();
  const links = [
    { to: '/statistics', label: t('navOverview') },
    { to: '/statistics/events', label: t('navEvents') },
    { to: '/statistics/compare', label: t('navCompare') },
  ];
  return (
    <>
      <Title order={1}>{t('title')}</Title>
      <Group gap="xs" component="nav" aria-label={t('title')}>
        {links.map((l) => (
          <NavLink key={l.to} component={Link} to={l.to} label={l.label} active={pathname === l.to} w="auto" variant="light" />
        ))}
      </Group>
    </>
  );
}
