import { Skeleton, Stack } from '@mantine/core';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/** First-load placeholder for tables and lists. */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  const t = useT(commonMessages);
  return (
    <Stack gap="xs" aria-busy="true" aria-label={t('loading')}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} height={32} radius="sm" />
      ))}
    </Stack>
  );
}
