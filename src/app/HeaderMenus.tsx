import { Menu } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import type { Identity } from '@/api/session';
import { HintTooltip } from '@/components/HintTooltip';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { AccountButton, ColorSchemeButton } from './HeaderButtons';

/**
 * The header's floating parts (the colour-scheme tooltip and the account menu). The menu needs Mantine's
 * Popover and floating-ui, so they load just after the first paint instead of with the entry chunk;
 * until then `HeaderButtons` shows the same buttons. `menuOpened`: the account button was clicked before.
 */
export function HeaderMenus({ account, onSignOut, menuOpened }: { account: Identity; onSignOut: () => void; menuOpened: boolean }) {
  const t = useT(commonMessages);
  return (
    <>
      <HintTooltip label={t('toggleColorScheme')}>
        <ColorSchemeButton />
      </HintTooltip>
      <Menu position="bottom-end" defaultOpened={menuOpened}>
        <Menu.Target>
          <AccountButton account={account} />
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{account.company || account.name}</Menu.Label>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={onSignOut}>
            {t('signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
