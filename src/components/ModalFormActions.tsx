import { Button, Group } from '@mantine/core';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/** Cancel and Save at the foot of a form in a modal; Save submits the form and spins while `saving`. */
export function ModalFormActions({ onCancel, saving, disabled }: { onCancel: () => void; saving?: boolean; disabled?: boolean }) {
  const t = useT(commonMessages);
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('cancel')}
      </Button>
      <Button type="submit" loading={saving} disabled={disabled}>
        {t('save')}
      </Button>
    </Group>
  );
}
