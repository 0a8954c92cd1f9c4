import { Button, Group, Progress, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/** A long read in progress: a bar (`done` of `total`), a line saying how far it is, and Cancel. */
export function ProgressWithCancel({
  done,
  total,
  label,
  status,
  onCancel,
}: {
  done: number;
  total: number | undefined;
  /** The bar's accessible name. */
  label: string;
  status: ReactNode;
  onCancel: () => void;
}) {
  const t = useT(commonMessages);
  return (
    <>
      <Progress value={total ? (done / total) * 100 : 0} aria-label={label} animated />
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {status}
        </Text>
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </Group>
    </>
  );
}
