import '@mantine/charts/styles.layer.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useFormat, useLocale, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { ChartBody, ChartFigure } from '../shared/ChartFigure';
import { FigurePopover } from '../shared/FigurePopover';
import { formatRate } from '../utils/format.utils';
import { computeRates, messagesPerDay, RATE_DEFINITIONS, sumStatistics } from '../utils/metrics.utils';
import { daysInRange } from '../utils/time.utils';
import { accountMessages } from './messages';
import { type EmailingWithStats, MAX_BARS, ratePoints } from './overview.utils';
import { accountViewMessages } from './views-messages';

/** Copernica's account key figures (statistics-account-mailings.md, docs/api/emailings.md §11.2) and per-emailing rates. */
export function PeriodOverview({ items, from, to }: { items: EmailingWithStats[]; from: string; to: string }) {
  const t = useT(accountMessages);
  const tv = useT(accountViewMessages);
  const te = useT(emailingMessages);
  const tm = useT(metricMessages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const sum = useMemo(() => sumStatistics(items.map((i) => i.stats)), [items]);
  const rates = computeRates(sum);
  const source = '/{publisher,ms}/emailings + /{publisher,ms}/emailing/$id/statistics';
  const figures = [
    { id: 'sentMailings', name: t('sentMailings'), value: fmt.number(items.length), formula: t('sentMailingsInfo') },
    { id: 'totalSent', name: t('totalSent'), value: fmt.number(sum.destinations), formula: 'Σ destinations' },
    {
      id: 'perDay',
      name: t('perDay'),
      value: formatRate(messagesPerDay(sum.destinations, daysInRange(from, to)), tag, false),
      formula: `Σ destinations / ${daysInRange(from, to)}`,
    },
    { id: 'impressionsTotal', name: tm('impressionsTotal'), value: fmt.number(sum.impressions.total), formula: 'Σ impressions.total' },
    { id: 'impressionsUnique', name: tm('impressionsUnique'), value: fmt.number(sum.impressions.unique), formula: 'Σ impressions.unique' },
    { id: 'openRate', name: tm('openRate'), value: formatRate(rates.openRate, tag), formula: 'Σ impressions.unique / Σ destinations' },
    { id: 'clicksTotal', name: tm('clicksTotal'), value: fmt.number(sum.clicks.total), formula: 'Σ clicks.total' },
    { id: 'clicksUnique', name: tm('clicksUnique'), value: fmt.number(sum.clicks.unique), formula: 'Σ clicks.unique' },
    { id: 'ctr', name: tm('ctr'), value: formatRate(rates.ctr, tag), formula: `Σ ${RATE_DEFINITIONS.ctr.formula}` },
    { id: 'abuses', name: tm('abuses'), value: fmt.number(sum.abuses.total), formula: 'Σ abuses.total' },
    { id: 'abusesUnique', name: tm('abusesUniqueLabel'), value: fmt.number(sum.abuses.unique), formula: 'Σ abuses.unique' },
    {
      id: 'complaintRate',
      name: tm('complaintRate'),
      value: formatRate(rates.complaintRate, tag),
      formula: 'Σ abuses.unique / Σ destinations',
    },
  ];
  const points = useMemo(() => ratePoints(items), [items]);

  return (
    <Stack gap="lg">
      <section aria-labelledby="period-figures">
        <Title order={2} size="h3" id="period-figures" mb="sm">
          {t('keyFigures')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          {figures.map((f) => (
            <Card key={f.id} withBorder padding="sm" data-testid={`period-${f.id}`}>
              <Group justify="space-between" wrap="nowrap" gap={4}>
                <Text size="sm" c="dimmed">
                  {f.name}
                </Text>
                <FigurePopover name={f.name} formula={f.formula} source={source} />
              </Group>
              <Text fz={24} fw={700} data-testid="period-value">
                {f.value}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      <ChartFigure
        title={t('ratesOverTime')}
        hint={items.length > MAX_BARS ? tv('barsCapped', { shown: MAX_BARS, total: items.length }) : undefined}
        table={{
          columns: [t('emailing'), t('openRate'), t('clickRate'), t('bounceRate')],
          rows: points.map((p) => [p.label, formatRate(p.openRate, tag), formatRate(p.clickRate, tag), formatRate(p.bounceRate, tag)]),
        }}
      >
        <ChartBody h={260}>
          <BarChart
            h={260}
            data={points}
            dataKey="label"
            data-testid="period-bars"
            series={[
              { name: 'openRate', label: t('openRate'), color: 'blue.7' },
              { name: 'clickRate', label: t('clickRate'), color: 'teal.8' },
              { name: 'bounceRate', label: t('bounceRate'), color: 'red.7' },
            ]}
            valueFormatter={(v) => formatRate(v, tag)}
            withLegend
            xAxisProps={{ hide: points.length > 8 }}
          />
        </ChartBody>
      </ChartFigure>
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="period-emailings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('emailing')}</Table.Th>
              <Table.Th>{t('system')}</Table.Th>
              <Table.Th>{t('sent')}</Table.Th>
              <Table.Th ta="right">{t('destinations')}</Table.Th>
              <Table.Th ta="right">{t('openRate')}</Table.Th>
              <Table.Th ta="right">{t('clickRate')}</Table.Th>
              <Table.Th ta="right">{t('bounceRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map(({ emailing, stats }) => {
              const r = computeRates(stats);
              return (
                <Table.Tr key={`${emailing.system}:${emailing.id}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/emailings/${emailing.system}/${encodeURIComponent(emailing.id)}`}>
                      {emailing.subject || emailing.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{emailing.system === 'ms' ? te('ms') : te('publisher')}</Table.Td>
                  <Table.Td>{fmt.dateTime(emailing.timestamp)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(stats.destinations)}</Table.Td>
                  <Table.Td ta="right">{formatRate(r.openRate, tag)}</Table.Td>
                  <Table.Td ta="right">{formatRate(r.clickRate, tag)}</Table.Td>
                  <Table.Td ta="right">{formatRate(r.bounceRate, tag)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
