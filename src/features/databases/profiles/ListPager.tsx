import { Button, Group, Loader, NativeSelect, Text } from '@mantine/core';
import { useFormat, useT } from '@/i18n/i18n';
import { PAGE_SIZES } from './list-state.utils';
import { profilesMessages } from './messages';

/** Pager for lists browsed with `total=false`: the total shows when its own request answers. */
export function ListPager({
  start,
  limit,
  count,
  total,
  totalPending,
  busy,
  onStart,
  onLimit,
}: {
  start: number;
  limit: number;
  count: number;
  total?: number;
  totalPending: boolean;
  busy: boolean;
  onStart: (start: number) => void;
  onLimit: (limit: number) => void;
}) {
  const t = useT(profilesMessages);
  const fmt = useFormat();
  const hasNext = total === undefined ? count === limit : start + count < total;
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Group gap="xs">
        <Text size="sm" aria-live="polite">
          {t('range', { from: count ? start + 1 : 0, to: start + count })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="profiles-total">
          {total !== undefined ? `· ${t('total', { total })}` : totalPending ? `· ${t('totalLoading')}` : ''}
        </Text>
        {totalPending && <Loader size={12} aria-hidden />}
      </Group>
      <Group gap="xs">
        <NativeSelect
          size="xs"
          aria-label={t('pageSize')}
          value={String(limit)}
          data={PAGE_SIZES.map((n) => ({ value: String(n), label: fmt.number(n) }))}
          onChange={(e) => onLimit(Number(e.currentTarget.value))}
        />
        <Button size="xs" variant="default" disabled={start === 0 || busy} onClick={() => onStart(Math.max(0, start - limit))}>
          {t('previous')}
        </Button>
        <Button size="xs" variant="default" disabled={!hasNext || busy} onClick={() => onStart(start + limit)}>
          {t('next')}
        </Button>
      </Group>
    </Group>
  );
}
