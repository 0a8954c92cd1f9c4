import { Button, Group, Text } from '@mantine/core';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/** Offset pager for Copernica lists; works with or without a known total (`total=false`). */
export function Pager({
  start,
  limit,
  count,
  total,
  onChange,
  busy,
}: {
  start: number;
  limit: number;
  count: number;
  total?: number;
  onChange: (start: number) => void;
  busy?: boolean;
}) {
  const t = useT(commonMessages);
  const from = count === 0 ? 0 : start + 1;
  const to = start + count;
  const hasNext = total === undefined ? count === limit : to < total;
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === undefined ? t('pageOfUnknown', { from, to }) : t('pageOf', { from, to, total })}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={start === 0 || busy} onClick={() => onChange(Math.max(0, start - limit))}>
          {t('previous')}
        </Button>
        <Button variant="default" size="xs" disabled={!hasNext || busy} onClick={() => onChange(start + limit)}>
          {t('next')}
        </Button>
      </Group>
    </Group>
  );
}
