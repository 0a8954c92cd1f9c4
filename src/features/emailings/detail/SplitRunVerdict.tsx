import { Alert, Text } from '@mantine/core';
import type { EmailingStatistics, SplitGroup } from '@/api/emailings';
import { useT } from '@/i18n/i18n';
import { computeRate } from '../metric-definitions';
import { useRateWords } from '../shared/useRateWords';
import { formatRate } from '../utils/format.utils';
import { MIN_PER_CELL, type SplitRunVerdict as Verdict } from '../utils/significance.utils';
import { splitRunMessages } from './split-run-messages';

/** The rate a split run is judged on. */
export type Criterion = 'openRate' | 'clickRate';

type TestGroup = { group: SplitGroup; stats: EmailingStatistics | undefined };

/** The verdict in words: who won, how sure we are, and the p-value as "turns up by chance in x % of split runs". */
export function SplitRunVerdict({ verdict, criterion, groups }: { verdict: Verdict; criterion: Criterion; groups: TestGroup[] }) {
  const t = useT(splitRunMessages);
  const { words, format, tag } = useRateWords();
  const rate = words(criterion).name.toLocaleLowerCase(tag);
  const name = (i: number) => groups[i]?.group.name ?? '';
  const value = (i: number) => {
    const s = groups[i]?.stats;
    return format(criterion, s ? computeRate(criterion, s) : null);
  };
  const percent = (v: number) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const p = (v: number) =>
    v < 0.001 ? t('pBelow', { p: (0.001).toLocaleString(tag) }) : v.toLocaleString(tag, { maximumFractionDigits: 3 });

  let title: string;
  let body: string;
  let color = 'gray';
  switch (verdict.kind) {
    case 'noData':
      title = t('noDataTitle');
      body = t('noDataBody');
      break;
    case 'tie':
      title = t('tieTitle');
      body = t('tieBody', { rate, a: value(verdict.winner) });
      break;
    case 'tooFew':
      title = t('notYetTitle');
      body = t('tooFewBody', { winner: name(verdict.winner), rate, min: MIN_PER_CELL });
      color = 'yellow';
      break;
    default: {
      const vars = {
        winner: name(verdict.winner),
        runnerUp: name(verdict.runnerUp),
        rate,
        a: value(verdict.winner),
        b: value(verdict.runnerUp),
        confidence: percent(verdict.confidence),
        alpha: percent(1 - verdict.confidence),
        chance: formatRate(verdict.pValue, tag),
        p: p(verdict.pValue),
      };
      const significant = verdict.kind === 'significant';
      title = significant ? t('significantTitle', vars) : t('notYetTitle');
      body = significant ? t('significantBody', vars) : t('notYetBody', vars);
      color = significant ? 'teal' : 'yellow';
    }
  }
  return (
    <Alert color={color} title={title} data-testid="split-run-verdict">
      <Text size="sm">{body}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('method', { rate })}
      </Text>
    </Alert>
  );
}
