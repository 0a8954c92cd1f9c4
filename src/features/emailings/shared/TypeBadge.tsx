import { Badge } from '@mantine/core';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';

/** An emailing's kind (`mass` or `individual`, docs/api/emailings.md §4) in the user's language; unknown kinds as the API says them. */
export function TypeBadge({ type }: { type: string }) {
  const t = useT(emailingMessages);
  const label = type === 'mass' ? t('typeMass') : type === 'individual' ? t('typeIndividual') : type;
  return (
    <Badge variant="light" color="gray" size="sm">
      {label}
    </Badge>
  );
}
