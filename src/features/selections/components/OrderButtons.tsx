import { ActionIcon } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { HintTooltip } from '@/components/HintTooltip';
import { useT } from '@/i18n/i18n';
import { selectionMessages } from '../messages';

/** Move up, move down and remove, for one item of an ordered list (a rule, or a condition within a rule). */
export function OrderButtons({
  index,
  count,
  onMove,
  removeLabel,
  onRemove,
}: {
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  removeLabel: string;
  onRemove: () => void;
}) {
  const t = useT(selectionMessages);
  return (
    <>
      <HintTooltip label={t('moveUp')}>
        <ActionIcon variant="subtle" aria-label={t('moveUp')} disabled={index === 0} onClick={() => onMove(-1)}>
          <IconArrowUp size={16} aria-hidden />
        </ActionIcon>
      </HintTooltip>
      <HintTooltip label={t('moveDown')}>
        <ActionIcon variant="subtle" aria-label={t('moveDown')} disabled={index === count - 1} onClick={() => onMove(1)}>
          <IconArrowDown size={16} aria-hidden />
        </ActionIcon>
      </HintTooltip>
      <HintTooltip label={removeLabel}>
        <ActionIcon variant="subtle" color="red.8" aria-label={removeLabel} onClick={onRemove}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </HintTooltip>
    </>
  );
}
