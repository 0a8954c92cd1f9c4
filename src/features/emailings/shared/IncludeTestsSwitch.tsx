import { Switch } from '@mantine/core';
import { useT } from '@/i18n/i18n';
import { testSendMessages } from './test-send-messages';

/**
 * Overviews leave Publisher test sends out (`test=no`, docs/api/emailings.md §4.1); this switch brings them
 * back. The Marketing Suite list has no `test` parameter, so it has nothing to switch.
 */
export function IncludeTestsSwitch({ checked, onChange }: { checked: boolean; onChange: (include: boolean) => void }) {
  const t = useT(testSendMessages);
  return (
    <Switch
      label={t('includeTests')}
      description={t('includeTestsHint')}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      data-testid="include-tests"
    />
  );
}
