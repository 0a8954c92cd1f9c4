import { Group, Progress, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { type Emailing, emailingQueries } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { SegmentedChoice } from '@/components/SegmentedChoice';
import { useFormat, useLocale, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { ChartBody, ChartFigure } from '../shared/ChartFigure';
import { LineChart } from '../shared/charts/Charts';
import { useNearViewport } from '../shared/useNearViewport';
import { axisLabel } from '../utils/axis.utils';
import { nowWallClockMs } from '../utils/time.utils';
import { buildSeries, buildWindows, defaultGranularity, type Granularity } from '../utils/timeseries.utils';

/**
 * Opens and clicks per hour (first 48 hours) or per day, from one statistics call per window
 * (docs/api/emailings.md §7.5). Each window is its own cached query; the browser runs them in parallel.
 * The chart sits below the first screen: its calls (up to 48) start only when it scrolls near the
 * viewport, so they never compete with the key figures.
 */
export function TimelineChart({ emailing }: { emailing: Emailing }) {
  const t = useT(emailingMessages);
  const fmt = useFormat();
  const now = useMemo(() => nowWallClockMs(), []);
  const [granularity, setGranularity] = useState<Granularity>(() => defaultGranularity(emailing.timestamp, now));
  const [mode, setMode] = useState<'window' | 'cumulative'>('window');
  const windows = useMemo(() => buildWindows(emailing.timestamp, granularity, now), [emailing.timestamp, granularity, now]);
  const near = useNearViewport();
  const results = useQueries({
    queries: windows.map((w) => ({ ...emailingQueries.statistics(emailing.system, emailing.id, w), enabled: near.seen })),
  });
  const done = results.filter((r) => r.data).length;
  const failed = results.find((r) => r.isError);
  const { locale } = useLocale();
  const series = buildSeries(
    windows,
    results.map((r) => r.data),
    granularity,
  ).map((p) => ({ ...p, label: axisLabel(p.begin, granularity, locale) }));
  const complete = done === windows.length;

  const lines =
    mode === 'window'
      ? [
          { name: 'opens', label: t('seriesOpens'), color: 'blue.7' },
          { name: 'clicks', label: t('seriesClicks'), color: 'teal.8' },
        ]
      : [
          { name: 'cumulativeOpens', label: t('seriesCumOpens'), color: 'blue.7' },
          { name: 'cumulativeClicks', label: t('seriesCumClicks'), color: 'teal.8' },
        ];

  return (
    <div ref={near.ref}>
      <ChartFigure
        title={t('overTime')}
        hint={t('timeZoneNote')}
        actions={
          <Group gap="xs">
            <SegmentedChoice
              size="xs"
              aria-label={t('overTime')}
              value={granularity}
              onChange={(v) => setGranularity(v as Granularity)}
              data={[
                { value: 'hour', label: t('first48') },
                { value: 'day', label: t('daily') },
              ]}
            />
            <SegmentedChoice
              size="xs"
              aria-label={t('cumulative')}
              value={mode}
              onChange={(v) => setMode(v as 'window' | 'cumulative')}
              data={[
                { value: 'window', label: t('perWindow') },
                { value: 'cumulative', label: t('cumulative') },
              ]}
            />
          </Group>
        }
        table={
          complete
            ? {
                columns: [
                  t('windowCol'),
                  t('seriesOpens'),
                  t('seriesOpeners'),
                  t('seriesClicks'),
                  t('seriesClickers'),
                  t('seriesCumOpens'),
                  t('seriesCumClicks'),
                ],
                rows: series.map((p) =>
                  [p.begin, p.opens, p.openers, p.clicks, p.clickers, p.cumulativeOpens, p.cumulativeClicks].map((v) =>
                    typeof v === 'number' ? fmt.number(v) : v,
                  ),
                ),
              }
            : undefined
        }
      >
        {failed ? (
          <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
        ) : !complete ? (
          <div aria-busy="true">
            <Progress
              value={windows.length ? (done / windows.length) * 100 : 0}
              aria-label={t('loadingWindows', { done, total: windows.length })}
            />
            <Text size="sm" mt="xs" aria-live="polite">
              {t('loadingWindows', { done, total: windows.length })}
            </Text>
          </div>
        ) : series.length === 0 ? (
          <Text size="sm">{t('noData')}</Text>
        ) : (
          <div data-testid="timeline-chart" data-windows={windows.length}>
            <ChartBody h={280}>
              <LineChart h={280} data={series} dataKey="label" series={lines} valueFormatter={(v) => fmt.number(v)} withLegend />
            </ChartBody>
          </div>
        )}
      </ChartFigure>
    </div>
  );
}
