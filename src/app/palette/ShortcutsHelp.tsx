import { Kbd, Table } from '@mantine/core';
import { AppModal } from '@/components/AppModal';
import { useT } from '@/i18n/i18n';
import { paletteMessages } from './messages';

const SHORTCUTS = [
  [['Ctrl', 'K'], 'kPalette'],
  [['?'], 'kHelp'],
  [['/'], 'kSearch'],
  [['N'], 'kNew'],
  [['F'], 'kFilter'],
  [['E'], 'kExport'],
  [['←', '→'], 'kPages'],
  [['Ctrl', 'S'], 'kSave'],
] as const;

/** The keyboard shortcuts, also reachable from the palette. (Cmd instead of Ctrl on a Mac.) */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const t = useT(paletteMessages);
  return (
    <AppModal opened onClose={onClose} title={t('shortcutsTitle')}>
      <Table aria-label={t('shortcutsTitle')}>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, label]) => (
            <Table.Tr key={label}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{t(label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </AppModal>
  );
}
