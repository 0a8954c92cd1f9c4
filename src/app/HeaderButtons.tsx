import { ActionIcon, Group, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun, IconUserCircle } from '@tabler/icons-react';
import type { Identity } from '@/api/session';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/**
 * The same buttons without tooltip and menu, for the moment before `HeaderMenus` has loaded (same size, so
 * nothing moves). The colour-scheme button works already; a click on the account button is remembered, and
 * the menu opens as soon as it has loaded.
 */
export function HeaderButtons({ account, onAccountClick }: { account: Identity; onAccountClick: () => void }) {
  return (
    <>
      <ColorSchemeButton />
      <AccountButton account={account} onClick={onAccountClick} />
    </>
  );
}

export function ColorSchemeButton(props: Record<string, unknown>) {
  const t = useT(commonMessages);
  const { setColorScheme } = useMantineColorScheme();
  const colorScheme = useComputedColorScheme('light');
  return (
    <ActionIcon
      {...props}
      variant="default"
      size="lg"
      aria-label={t('toggleColorScheme')}
      onClick={() => setColorScheme(colorScheme === 'dark' ? 'light' : 'dark')}
    >
      {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
    </ActionIcon>
  );
}

export function AccountButton({ account, ...props }: { account: Identity } & Record<string, unknown>) {
  return (
    <UnstyledButton {...props} aria-label={account.name} data-testid="account-menu">
      <Group gap={6} wrap="nowrap">
        <IconUserCircle size={22} aria-hidden />
        <Text size="sm" visibleFrom="xs" data-testid="account-name">
          {account.name}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
