import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/** A success toast whose close button has an accessible name (Mantine's default has none). */
export function useNotify() {
  const t = useT(commonMessages);
  return useCallback((message: string) => notifications.show({ message, closeButtonProps: { 'aria-label': t('close') } }), [t]);
}
