import { ActionIcon, Badge, Divider, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { placeNextTo } from '@/components/top-layer';
import { useT } from '@/i18n/i18n';
import type { RateGroup } from '../metric-definitions';
import { metricMessages } from '../metric-messages';
import classes from './FigurePopover.module.css';

/**
 * The ⓘ next to a figure: what it counts in a sentence, its formula in words, whose definition it is, and
 * — for developers only — the API's names and the call it comes from.
 *
 * The browser's own popover (`popover` / `popovertarget`) rather than Mantine's: a page shows dozens of these,
 * and each of Mantine's renders twice as it mounts (its positioning library keeps the anchor in state). Its
 * content renders only while it is open.
 */
export function FigurePopover({
  name,
  description,
  formula,
  group,
  api,
  source,
}: {
  name: string;
  description?: string;
  /** the formula in words ("unique clicks ÷ delivered messages") */
  formula?: string;
  group?: RateGroup;
  /** the same in the API's names */
  api: string;
  source: string;
}) {
  const t = useT(metricMessages);
  const panelId = `figure-${useId().replace(/[^\w-]/g, '')}`;
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const el = panel.current;
    if (!el || !open) return;
    const follow = () => button.current && el.matches(':popover-open') && placeNextTo(el, button.current, 'bottom');
    // Closed by Escape, by a click elsewhere or by its button: the content goes too.
    const onToggle = (e: Event) => {
      if ((e as Event & { newState?: string }).newState === 'closed') setOpen(false);
      else follow();
    };
    follow();
    el.addEventListener('toggle', onToggle);
    window.addEventListener('scroll', follow, { capture: true, passive: true });
    window.addEventListener('resize', follow);
    return () => {
      el.removeEventListener('toggle', onToggle);
      window.removeEventListener('scroll', follow, { capture: true });
      window.removeEventListener('resize', follow);
    };
  }, [open]);

  return (
    <>
      <ActionIcon
        ref={button}
        variant="subtle"
        color="gray"
        size="sm"
        aria-label={t('explain', { name })}
        popoverTarget={panelId}
        // A click renders the content first; the browser then opens the popover (the click's default action).
        onClick={() => setOpen(true)}
      >
        <IconInfoCircle size={16} aria-hidden />
      </ActionIcon>
      <div ref={panel} id={panelId} popover="auto" className={classes.panel}>
        {open && (
          <Stack gap={6}>
            <Text fw={600} size="sm">
              {name}
            </Text>
            {description && <Text size="sm">{description}</Text>}
            {group && group !== 'other' && (
              <Badge variant="light" size="sm" w="fit-content">
                {group === 'copernica' ? t('groupCopernica') : t('groupIndustry')}
              </Badge>
            )}
            {formula && (
              <>
                <Text size="xs" c="dimmed">
                  {t('formula')}
                </Text>
                <Text size="sm" data-testid="figure-formula">
                  {formula}
                </Text>
              </>
            )}
            <Divider label={t('developerDetail')} labelPosition="left" />
            <Text size="xs" ff="monospace" data-testid="figure-api">
              {api}
            </Text>
            <Text size="xs" ff="monospace">
              {t('sourceValue', { path: source })}
            </Text>
          </Stack>
        )}
      </div>
    </>
  );
}
