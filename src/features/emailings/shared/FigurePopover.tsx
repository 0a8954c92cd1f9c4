import { ActionIcon, Badge, Popover, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useT } from '@/i18n/i18n';
import { metricMessages } from '../metric-messages';

/** The ⓘ next to a figure: what it counts, its formula in the API's own names, and where it comes from. */
export function FigurePopover({
  name,
  description,
  formula,
  source,
  kind,
}: {
  name: string;
  description?: string;
  formula: string;
  source: string;
  kind?: 'C' | 'I' | '-';
}) {
  const t = useT(metricMessages);
  return (
    <Popover width={320} position="bottom" withArrow shadow="md">
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
          {kind && kind !== '-' && (
            <Badge variant="light" size="sm" w="fit-content">
              {kind === 'C' ? t('kindC') : t('kindI')}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {t('formula')}
          </Text>
          <Text size="sm" ff="monospace" data-testid="figure-formula">
            {formula}
          </Text>
          <Text size="xs" c="dimmed">
            {t('source')}
          </Text>
          <Text size="sm" ff="monospace">
            {t('sourceValue', { path: source })}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
