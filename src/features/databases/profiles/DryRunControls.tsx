import { Button, Code, Group, Text, TextInput } from '@mantine/core';
import { useT } from '@/i18n/i18n';
import { bulkMessages } from './bulk-messages';

/** The button that checks what a bulk change or import would do, with the line saying that nothing is written yet. */
export function DryRunButton({
  label,
  hint,
  onClick,
  loading,
  disabled,
}: {
  label: string;
  hint: string;
  onClick: () => void;
  loading?: boolean;
  disabled?: boolean;
}) {
  return (
    <Group>
      <Button variant="default" onClick={onClick} loading={loading} disabled={disabled}>
        {label}
      </Button>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Group>
  );
}

/** For a large change (see `needsTypedConfirmation`): the user types the number of records before the run starts. */
export function TypedCountConfirmation({ count, value, onChange }: { count: number; value: string; onChange: (typed: string) => void }) {
  const t = useT(bulkMessages);
  return (
    <TextInput
      label={t('typeToConfirm', { count: String(count) })}
      description={<Code>{String(count)}</Code>}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autoComplete="off"
    />
  );
}
