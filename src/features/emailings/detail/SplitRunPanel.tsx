import { Badge, Table, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { type Emailing, splitRunQueries } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useFormat, useLocale, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { ChartFigure } from '../shared/ChartFigure';
import { formatRate } from '../utils/format.utils';
import { ratio } from '../utils/metrics.utils';

/**
 * A Publisher split run: the test groups and the final group side by side (docs/api/emailings.md §5.3). Group
 * statistics carry no destinations or deliveries, so rates use the group's own `destinations`.
 */
export function SplitRunPanel({ emailing }: { emailing: Emailing }) {
  const t = useT(emailingMessages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const groups = useQuery(splitRunQueries.groups(emailing.id));
  const stats = useQueries({ queries: (groups.data ?? []).map((g) => splitRunQueries.statistics(g.ID)) });

  return (
    <ChartFigure title={t('splitRunTitle')} hint={t('splitRunHint')}>
      {groups.isPending ? (
        <TableSkeleton rows={3} />
      ) : groups.isError ? (
        <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="split-run">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('group')}</Table.Th>
                <Table.Th>{t('subject')}</Table.Th>
                <Table.Th ta="right">{t('destinations')}</Table.Th>
                <Table.Th ta="right">{t('groupOpenRate')}</Table.Th>
                <Table.Th ta="right">{t('groupClickRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.data.map((g, i) => {
                const s = stats[i]?.data;
                return (
                  <Table.Tr key={g.ID} data-testid={`group-${g.ID}`}>
                    <Table.Td>
                      <Text size="sm" component="span">
                        {g.name}
                      </Text>
                      {g.isFinal && (
                        <Badge ml="xs" size="xs" variant="default">
                          {t('finalGroup')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{g.subject}</Table.Td>
                    <Table.Td ta="right">{fmt.number(g.destinations)}</Table.Td>
                    <Table.Td ta="right" data-testid="group-open-rate">
                      {s ? formatRate(ratio(s.impressions.unique, g.destinations), tag) : stats[i]?.isError ? '!' : '…'}
                    </Table.Td>
                    <Table.Td ta="right">
                      {s ? formatRate(ratio(s.clicks.unique, g.destinations), tag) : stats[i]?.isError ? '!' : '…'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ChartFigure>
  );
}
