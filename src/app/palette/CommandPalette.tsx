import { Button, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useT } from '@/i18n/i18n';
import { paletteMessages } from './messages';

// The shell stays light: Spotlight, its CSS and the data it needs load on first use.
const PaletteDialog = lazy(() => import('./PaletteDialog').then((m) => ({ default: m.PaletteDialog })));
const ShortcutsHelp = lazy(() => import('./ShortcutsHelp').then((m) => ({ default: m.ShortcutsHelp })));

/** Ctrl/Cmd+K opens the command palette; "?" shows the keyboard shortcuts. Mounted once in the shell. */
export function CommandPalette() {
  const t = useT(paletteMessages);
  const [opened, setOpened] = useState(false);
  const [help, setHelp] = useState(false);
  useHotkeys([
    ['mod+K', () => setOpened(true)],
    ['shift+?', () => setHelp(true)],
  ]);
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={<Kbd size="xs">Ctrl K</Kbd>}
        onClick={() => setOpened(true)}
        visibleFrom="sm"
        aria-keyshortcuts="Control+K Meta+K"
      >
        {t('open')}
      </Button>
      <Suspense>
        {opened && <PaletteDialog onClose={() => setOpened(false)} onHelp={() => setHelp(true)} />}
        {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      </Suspense>
    </>
  );
}
