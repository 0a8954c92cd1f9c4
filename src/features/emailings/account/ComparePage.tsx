import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { type EmailingStatistics, type EmailingSystem, emailingQueries, isEmailingSystem } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useFormat, useLocale, useT } from '@/i18n/i18n';
import { MAX_COMPARE } from '../list/list.utils';
import { computeRates, HEADLINE_RATES, RATE_ORDER } from '../metric-definitions';
import { metricMessages } from '../metric-messages';
import { ChartBody, ChartFigure } from '../shared/ChartFigure';
import { BarChart } from '../shared/charts/Charts';
import { useRateWords } from '../shared/useRateWords';
import { formatRate } from '../utils/format.utils';
import { ComparePicker } from './ComparePicker';
import { accountMessages } from './messages';
import { StatisticsNav } from './StatisticsNav';
import { accountViewMessages } from './views-messages';

const COUNTS = [
  ['destinations', (s) => s.destinations],
  ['deliveries', (s) => s.deliveries],
  ['impressionsTotal', (s) => s.impressions.total],
  ['impressionsUnique', (s) => s.impressions.unique],
  ['clicksTotal', (s) => s.clicks.total],
  ['clicksUnique', (s) => s.clicks.unique],
  ['errors', (s) => s.errors.total],
  ['unsubscribes', (s) => s.unsubscribes.total],
  ['abuses', (s) => s.abuses.total],
] as const satisfies readonly (readonly [string, (s: EmailingStatistics) => number])[];

/** Parses `?e=publisher:4127&e=ms:633` (at most four). */
export function parseCompareKeys(values: string[]): { system: EmailingSystem; id: string }[] {
  return values
    .map((v) => v.split(':'))
    .filter((p): p is [EmailingSystem, string] => isEmailingSystem(p[0]) && !!p[1])
    .map(([system, id]) => ({ system, id }))
    .slice(0, MAX_COMPARE);
}

/** /statistics/compare — up to four emailings side by side, same figures, same formulas. */
export function ComparePage() {
  const t = useT(accountMessages);
  const tm = useT(metricMessages);
  const tv = useT(accountViewMessages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const { words, format } = useRateWords();
  const [params, setParams] = useSearchParams();
  const keys = parseCompareKeys(params.getAll('e'));
  const details = useQueries({ queries: keys.map((k) => emailingQueries.detail(k.system, k.id)) });
  const stats = useQueries({ queries: keys.map((k) => emailingQueries.statistics(k.system, k.id)) });
  const failed = [...details, ...stats].find((q) => q.isError);
  const ready = keys.length > 0 && [...details, ...stats].every((q) => q.data);
  const includeTests = params.get('tests') === 'include';
  const choose = (chosen: string[], include = includeTests) =>
    setParams(new URLSearchParams([...chosen.map((k) => ['e', k]), ...(include ? [['tests', 'include']] : [])]), { replace: true });
  const knownLabel = (key: string) => details[keys.findIndex((k) => `${k.system}:${k.id}` === key)]?.data?.subject || undefined;

  const body = () => {
    if (keys.length === 0)
      return (
        <Stack align="flex-start">
          <Text>{t('compareEmpty')}</Text>
          <Anchor component={Link} to="/emailings">
            {t('toList')}
          </Anchor>
        </Stack>
      );
    if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
    if (!ready) return <TableSkeleton rows={6} />;
    const columns = keys.map((k, i) => ({ key: `${k.system}:${k.id}`, emailing: details[i]?.data, stats: stats[i]?.data }));
    const name = (c: (typeof columns)[number]) => c.emailing?.subject || c.key;
    const remove = (key: string) => choose(columns.filter((c) => c.key !== key).map((c) => c.key));
    return (
      <Stack>
        {columns.length === 1 && <Text size="sm">{tv('pickOne')}</Text>}
        <ChartFigure title={t('headline')}>
          <ChartBody h={260}>
            <BarChart
              h={260}
              data={HEADLINE_RATES.map((id) => ({
                rate: tm(id),
                ...Object.fromEntries(columns.map((c, i) => [`e${i}`, c.stats ? computeRates(c.stats)[id] : null])),
              }))}
              dataKey="rate"
              series={columns.map((c, i) => ({
                name: `e${i}`,
                label: name(c),
                color: ['indigo.7', 'teal.8', 'orange.8', 'grape.7'][i] ?? 'gray.7',
              }))}
              valueFormatter={(v) => formatRate(v, tag)}
              withLegend
            />
          </ChartBody>
        </ChartFigure>
        <Table.ScrollContainer minWidth={720}>
          <Table striped withColumnBorders data-testid="compare-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('metric')}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c.key} ta="right">
                    <Anchor component={Link} to={`/emailings/${c.key.replace(':', '/')}`} size="sm">
                      {name(c)}
                    </Anchor>
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      ml={4}
                      onClick={() => remove(c.key)}
                      aria-label={t('remove', { subject: name(c) })}
                    >
                      ×
                    </Button>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {COUNTS.map(([id, read]) => (
                <Table.Tr key={id} data-testid={`compare-${id}`}>
                  <Table.Th scope="row" fw={400}>
                    {tm(id)}
                  </Table.Th>
                  {columns.map((c) => (
                    <Table.Td key={c.key} ta="right">
                      {c.stats ? fmt.number(read(c.stats)) : ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              {RATE_ORDER.map((id) => (
                <Table.Tr key={id} data-testid={`compare-${id}`}>
                  <Table.Th scope="row" fw={400}>
                    {words(id).name}
                    <Text size="xs" c="dimmed" data-testid="compare-formula">
                      {words(id).formula}
                    </Text>
                  </Table.Th>
                  {columns.map((c) => (
                    <Table.Td key={c.key} ta="right">
                      {c.stats ? format(id, computeRates(c.stats)[id]) : ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    );
  };

  return (
    <Stack>
      <StatisticsNav />
      <ComparePicker
        chosen={keys.map((k) => `${k.system}:${k.id}`)}
        onChange={(chosen) => choose(chosen)}
        includeTests={includeTests}
        onIncludeTests={(include) =>
          choose(
            keys.map((k) => `${k.system}:${k.id}`),
            include,
          )
        }
        knownLabel={knownLabel}
      />
      {body()}
    </Stack>
  );
}
