import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type Destination, eventQueries } from '@/api/emailing-events';
import { type Emailing, targetDatabaseId } from '@/api/emailings';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { recipientLinks } from './recipient.utils';

/**
 * Who received this message: its profile (and subprofile), linked into the database pages. The
 * database comes from the emailing's target, or is asked from the API for a view/collection/miniview
 * target that does not list it (same lookup as "select these profiles").
 */
export function Recipient({ emailing, destination }: { emailing: Emailing | undefined; destination: Destination }) {
  const t = useT(emailingMessages);
  const listed = emailing ? targetDatabaseId(emailing.target) : undefined;
  const firstSource = emailing?.target.sources[0];
  const resolved = useQuery({ ...eventQueries.databaseOf(firstSource ?? { id: '', type: '' }), enabled: !listed && !!firstSource });
  const links = recipientLinks(listed ?? (resolved.data || undefined), destination.profile, destination.subprofile);

  return (
    <Card withBorder component="section" aria-labelledby="recipient-title" data-testid="destination-recipient">
      <Title order={2} size="h4" id="recipient-title" mb="xs">
        {t('recipient')}
      </Title>
      {!links.profile && !links.subprofile ? (
        <Text size="sm">{t('recipientNone')}</Text>
      ) : (
        <Group gap="xl">
          {links.profile && (
            <Anchor component={Link} to={links.profile.url} size="sm" data-testid="recipient-profile">
              {t('recipientProfile', { id: links.profile.id })}
            </Anchor>
          )}
          {links.subprofile &&
            (links.subprofile.url ? (
              <Anchor component={Link} to={links.subprofile.url} size="sm" data-testid="recipient-subprofile">
                {t('recipientSubprofile', { id: links.subprofile.id })}
              </Anchor>
            ) : (
              <Text size="sm">{t('recipientSubprofile', { id: links.subprofile.id })}</Text>
            ))}
        </Group>
      )}
    </Card>
  );
}
