import { Anchor, Grid, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { pullQueries } from '@/api/emailing-pulls';
import { type Emailing, emailingQueries } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useFormat, useLocale, useT } from '@/i18n/i18n';
import { PullPanel } from '../../shared/PullPanel';
import { formatRate } from '../../utils/format.utils';
import { buildClickMap, type ClickMap as ClickMapData, type LinkFigure } from './clickMap.utils';
import { EmailFrame } from './EmailFrame';
import { clickMapMessages } from './messages';

/** The side list stays readable; the Links tab has every link. */
const SHOWN_UNMATCHED = 15;

/**
 * The message with each link's clicks on the link itself (switchable), and beside it the clicked links that
 * could not be placed. The clicks come from the same cached pull as the Links tab; the frame stays sandboxed.
 */
export function ClickMap({ emailing, html }: { emailing: Emailing; html: string }) {
  const t = useT(clickMapMessages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const [on, setOn] = useState(true);
  const scope = { kind: 'emailing', system: emailing.system, id: emailing.id } as const;
  const stats = useQuery(emailingQueries.statistics(emailing.system, emailing.id));
  // Observes the pull that PullPanel starts (same key), so the frame can show the result too.
  const clicks = useQuery({ ...pullQueries.events(scope, 'clicks'), enabled: false });
  const map = useMemo(
    () =>
      on && clicks.data
        ? buildClickMap(html, clicks.data, (f) =>
            t('badge', { unique: fmt.number(f.unique), total: fmt.number(f.total), share: formatRate(f.share, tag) }),
          )
        : undefined,
    [on, clicks.data, html, t, fmt, tag],
  );

  return (
    <>
      <Switch
        label={t('toggle')}
        description={t('toggleHint')}
        checked={on}
        onChange={(e) => setOn(e.currentTarget.checked)}
        mb="sm"
        data-testid="clickmap-toggle"
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: on ? 8 : 12 }}>
          <EmailFrame html={map?.html ?? html} />
        </Grid.Col>
        {on && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            {stats.isPending ? (
              <TableSkeleton rows={3} />
            ) : stats.isError ? (
              <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
            ) : (
              <PullPanel scope={scope} type="clicks" expected={stats.data.clicks.total}>
                {(events) => (events.length === 0 ? <Text size="sm">{t('noClicks')}</Text> : map && <ClickMapSide map={map} />)}
              </PullPanel>
            )}
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}

function ClickMapSide({ map }: { map: ClickMapData }) {
  const t = useT(clickMapMessages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const placedShare = map.figures.filter((f) => map.matched.has(f.url)).reduce((sum, f) => sum + f.share, 0);
  const rows = map.unmatched.slice(0, SHOWN_UNMATCHED);
  return (
    <section aria-labelledby="clickmap-unmatched" data-testid="clickmap-side">
      <Text size="sm" mb="sm" data-testid="clickmap-summary">
        {t('summary', { matched: map.matched.size, links: map.figures.length, share: formatRate(placedShare, tag) })}
      </Text>
      <Title order={3} size="h5" id="clickmap-unmatched">
        {t('unmatchedTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('unmatchedHint')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('unmatchedNone')}</Text>
      ) : (
        <Table striped data-testid="clickmap-unmatched">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('colLink')}</Table.Th>
              <Table.Th ta="right">{t('colUnique')}</Table.Th>
              <Table.Th ta="right">{t('colTotal')}</Table.Th>
              <Table.Th ta="right">{t('colShare')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((f: LinkFigure) => (
              <Table.Tr key={f.url}>
                <Table.Td style={{ wordBreak: 'break-all' }}>{f.url || '—'}</Table.Td>
                <Table.Td ta="right">{fmt.number(f.unique)}</Table.Td>
                <Table.Td ta="right">{fmt.number(f.total)}</Table.Td>
                <Table.Td ta="right">{formatRate(f.share, tag)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {map.unmatched.length > rows.length && (
        <Text size="xs" mt={4}>
          {t('more', { count: map.unmatched.length - rows.length })}
        </Text>
      )}
      <Anchor component={Link} to="?tab=links" size="sm" mt="sm" display="block">
        {t('table')}
      </Anchor>
    </section>
  );
}
