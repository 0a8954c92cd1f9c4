import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type Emailing, emailingQueries } from '@/api/emailings';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { TypeBadge } from '../shared/TypeBadge';

/** Subject and sender: the snapshot first (what was really sent), then the emailing object (§10). */
export function EmailingHeader({ emailing }: { emailing: Emailing }) {
  const t = useT(emailingMessages);
  const fmt = useFormat();
  const snapshot = useQuery(emailingQueries.snapshot(emailing.system, emailing.id));
  const subject = snapshot.data?.subject || emailing.subject || emailing.id;
  const from = snapshot.data?.from.email ? snapshot.data.from : emailing.from;
  const targetName = (type: string) =>
    ['database', 'view', 'collection', 'miniview'].includes(type) ? t(`target_${type as 'database'}`) : type;
  return (
    <Stack gap={4}>
      <Anchor component={Link} to={`/emailings${emailing.system === 'ms' ? '?system=ms' : ''}`} size="sm">
        ← {t('back')}
      </Anchor>
      <Title order={1} data-testid="emailing-subject">
        {subject}
      </Title>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light">{emailing.system === 'ms' ? t('ms') : t('publisher')}</Badge>
        <TypeBadge type={emailing.type} />
        {emailing.tags.map((tag) => (
          <Badge key={tag} variant="default">
            {tag}
          </Badge>
        ))}
        {emailing.testgroups > 0 && <Badge color="grape">{t('splitRun', { count: emailing.testgroups })}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('sentAt', { time: fmt.dateTime(emailing.timestamp) })} · {t('fromLabel')}:{' '}
        {from.name ? `${from.name} <${from.email}>` : from.email}
        {emailing.target.type && ` · ${t('target', { type: targetName(emailing.target.type), id: emailing.target.sources[0]?.id ?? '' })}`}
      </Text>
      {emailing.description && <Text size="sm">{emailing.description}</Text>}
    </Stack>
  );
}
