import { Modal, type ModalProps } from '@mantine/core';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/** Mantine's Modal with a named close button (its default X has no accessible name: axe button-name). */
export function AppModal({ closeButtonProps, ...props }: ModalProps) {
  const t = useT(commonMessages);
  return <Modal {...props} closeButtonProps={{ 'aria-label': t('close'), ...closeButtonProps }} />;
}
