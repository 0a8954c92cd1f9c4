import { ActionIcon, Badge, Divider, Popover, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useT } from '@/i18n/i18n';
import type { RateGroup } from '../metric-definitions';
import { metricMessages } from '../metric-messages';

/**
 * The ⓘ next to a figure: what it counts in a sentence, its formula in words, whose definition it is, and
 * — for developers only — the API's names and the call it comes from.
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
  return (
    <Popover width={340} position="bottom" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('explain', { name })}>
          <IconInfoCircle size={16} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
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
      </Popover.Dropdown>
    </Popover>
  );
}
