import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type Emailing, type EmailingStatistics, type SplitGroup, splitRunQueries } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { SegmentedChoice } from '@/components/SegmentedChoice';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useFormat, useT } from '@/i18n/i18n';
import { computeRates, LIST_RATES } from '../metric-definitions';
import { ChartFigure } from '../shared/ChartFigure';
import { RateLegend } from '../shared/RateLegend';
import { useRateWords } from '../shared/useRateWords';
import { splitRunVerdict } from '../utils/significance.utils';
import { type Criterion, SplitRunVerdict } from './SplitRunVerdict';
import { splitRunMessages } from './split-run-messages';

const CONFIDENCES = ['0.9', '0.95', '0.99'];

/**
 * A Publisher split run (docs/api/emailings.md §5.3): per group the same rates as everywhere (group statistics
 * carry no deliveries, so the group's deliveries list gives them), which test group won on opens or clicks,
 * and whether that difference could be chance (utils/significance.utils.ts).
 */
export function SplitRunPanel({ emailing }: { emailing: Emailing }) {
  const t = useT(splitRunMessages);
  const fmt = useFormat();
  const { words, format, tag } = useRateWords();
  const [criterion, setCriterion] = useState<Criterion>('clickRate');
  const [confidence, setConfidence] = useState('0.95');
  const groups = useQuery(splitRunQueries.groups(emailing.id));
  const stats = useQueries({ queries: (groups.data ?? []).map((g) => splitRunQueries.statistics(g.ID)) });
  const deliveries = useQueries({ queries: (groups.data ?? []).map((g) => splitRunQueries.deliveries(g.ID)) });

  if (groups.isPending)
    return (
      <Frame>
        <TableSkeleton rows={3} />
      </Frame>
    );
  if (groups.isError)
    return (
      <Frame>
        <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
      </Frame>
    );

  const rows = groups.data.map((g, i) => ({ group: g, stats: groupStatistics(g, stats[i]?.data, deliveries[i]?.data) }));
  const loading = rows.some((r) => r.stats === undefined) && ![...stats, ...deliveries].some((q) => q.isError);
  const tests = rows.filter((r) => !r.group.isFinal);
  const verdict = loading
    ? undefined
    : splitRunVerdict(
        tests.map(({ stats: s }) =>
          s && s.deliveries > 0
            ? { successes: criterion === 'openRate' ? s.impressions.unique : s.clicks.unique, trials: s.deliveries }
            : null,
        ),
        Number(confidence),
      );
  const winnerId = verdict && verdict.kind === 'significant' ? tests[verdict.winner]?.group.ID : undefined;
  const cell = (i: number, value: string) => (rows[i]?.stats ? value : stats[i]?.isError || deliveries[i]?.isError ? '!' : '…');

  return (
    <Frame>
      <Stack gap="sm">
        <Group gap="lg" wrap="wrap">
          <Group gap="xs">
            <Text size="sm" id="split-criterion">
              {t('winnerBy')}
            </Text>
            <SegmentedChoice
              size="xs"
              aria-labelledby="split-criterion"
              value={criterion}
              onChange={(v) => setCriterion(v as Criterion)}
              data={(['openRate', 'clickRate'] as const).map((id) => ({ value: id, label: words(id).name }))}
            />
          </Group>
          <Group gap="xs">
            <Text size="sm" id="split-confidence">
              {t('confidence')}
            </Text>
            <SegmentedChoice
              size="xs"
              aria-labelledby="split-confidence"
              value={confidence}
              onChange={setConfidence}
              data={CONFIDENCES.map((c) => ({ value: c, label: new Intl.NumberFormat(tag, { style: 'percent' }).format(Number(c)) }))}
            />
          </Group>
        </Group>
        {verdict ? <SplitRunVerdict verdict={verdict} criterion={criterion} groups={tests} /> : <TableSkeleton rows={1} />}
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="split-run">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('group')}</Table.Th>
                <Table.Th>{t('subject')}</Table.Th>
                <Table.Th ta="right">{t('sent')}</Table.Th>
                <Table.Th ta="right">{t('delivered')}</Table.Th>
                {LIST_RATES.map((id) => (
                  <Table.Th key={id} ta="right">
                    {words(id).name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ group: g, stats: s }, i) => {
                const rates = s ? computeRates(s) : undefined;
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
                      {g.ID === winnerId && (
                        <Badge ml="xs" size="xs" color="teal" data-testid="group-winner">
                          {t('winner')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{g.subject}</Table.Td>
                    <Table.Td ta="right">{fmt.number(g.destinations)}</Table.Td>
                    <Table.Td ta="right" data-testid="group-delivered">
                      {cell(i, s ? fmt.number(s.deliveries) : '')}
                    </Table.Td>
                    {LIST_RATES.map((id) => (
                      <Table.Td key={id} ta="right" data-testid={`group-${id}`}>
                        {cell(i, rates ? format(id, rates[id]) : '')}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <RateLegend ids={LIST_RATES} />
      </Stack>
    </Frame>
  );
}

function Frame({ children }: { children: ReactNode }) {
  const t = useT(splitRunMessages);
  return (
    <ChartFigure title={t('title')} hint={t('hint')}>
      {children}
    </ChartFigure>
  );
}

/** A group's statistics in the emailing's shape: its own destinations and delivered messages (0 = unknown, so its rates show "—"). */
function groupStatistics(g: SplitGroup, s: EmailingStatistics | undefined, delivered: number | null | undefined) {
  if (!s || delivered === undefined) return undefined;
  return { ...s, destinations: g.destinations, deliveries: delivered ?? 0, dominant: undefined } satisfies EmailingStatistics;
}
