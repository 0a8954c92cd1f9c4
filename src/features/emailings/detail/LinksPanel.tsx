import { Table, Text } from '@mantine/core';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { ChartBody, ChartFigure } from '../shared/ChartFigure';
import { BarChart } from '../shared/charts/Charts';
import { FigureLinks } from '../shared/FigureLinks';
import { PullPanel } from '../shared/PullPanel';
import { topLinks } from '../utils/breakdown.utils';
import type { StatisticsPanelProps } from './panel-props';

const TOP = 10;

/** Clicks per link, from the whole click list (docs/api/emailings.md §11.3 "top links"). */
export function LinksPanel({ emailing, stats, selectUrl }: StatisticsPanelProps) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const fmt = useFormat();
  return (
    <ChartFigure title={t('topLinks')}>
      <PullPanel scope={{ kind: 'emailing', system: emailing.system, id: emailing.id }} type="clicks" expected={stats.clicks.total}>
        {(clicks) => {
          const rows = topLinks(clicks);
          if (rows.length === 0) return <Text size="sm">{t('noEvents')}</Text>;
          // Publisher clicks are matched on link_id, MS clicks on the link text (§8.1).
          const matchField = emailing.system === 'publisher' ? 'link_id' : 'link';
          return (
            <>
              <Text size="xs" c="dimmed" mb="xs">
                {t('basedOn', { count: fmt.number(clicks.length), type: tm('type_clicks') })}
              </Text>
              <ChartBody h={Math.max(160, Math.min(rows.length, TOP) * 32)}>
                <BarChart
                  h={Math.max(160, Math.min(rows.length, TOP) * 32)}
                  data={rows.slice(0, TOP).map((r) => ({ link: r.title || r.link, total: r.total, unique: r.unique }))}
                  dataKey="link"
                  orientation="vertical"
                  labelWidth={200}
                  series={[
                    { name: 'total', label: t('clicksTotal'), color: 'teal.8' },
                    { name: 'unique', label: t('clickersUnique'), color: 'blue.7' },
                  ]}
                  valueFormatter={(v) => fmt.number(v)}
                  withLegend
                />
              </ChartBody>
              <Table.ScrollContainer minWidth={640} mt="sm">
                <Table striped data-testid="top-links">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('link')}</Table.Th>
                      <Table.Th ta="right">{t('clicksTotal')}</Table.Th>
                      <Table.Th ta="right">{t('clickersUnique')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => {
                      return (
                        <Table.Tr key={r.key}>
                          <Table.Td>
                            <Text size="sm" style={{ wordBreak: 'break-all' }}>
                              {r.link}
                            </Text>
                            {r.title && (
                              <Text size="xs" c="dimmed">
                                {r.title}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right">{fmt.number(r.total)}</Table.Td>
                          <Table.Td ta="right">{fmt.number(r.unique)}</Table.Td>
                          <Table.Td>
                            <FigureLinks
                              emailing={emailing}
                              selectUrl={selectUrl}
                              filter={{ result: 'clickonurl', url: r.link }}
                              events="clicks"
                              match={{ field: matchField, value: r.key }}
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          );
        }}
      </PullPanel>
    </ChartFigure>
  );
}
