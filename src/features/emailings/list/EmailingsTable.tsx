import { Anchor, Checkbox, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type Emailing, emailingQueries } from '@/api/emailings';
import { StackedTable } from '@/components/StackedTable';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { computeRates, LIST_RATES } from '../metric-definitions';
import { RateLegend } from '../shared/RateLegend';
import { TypeBadge } from '../shared/TypeBadge';
import { useRateWords } from '../shared/useRateWords';
import { formatRate } from '../utils/format.utils';
import { compareKey, MAX_COMPARE } from './list.utils';

/**
 * One page of emailings. The rates need each emailing's statistics (MS lists carry no counters, and
 * Publisher counters have no uniques): one query per visible row, all started at once (no waterfall),
 * cached per emailing and shared with the emailing page.
 */
export function EmailingsTable({
  emailings,
  selected,
  onSelect,
}: {
  emailings: Emailing[];
  selected: string[];
  onSelect: (keys: string[]) => void;
}) {
  const t = useT(emailingMessages);
  const fmt = useFormat();
  const { words, tag } = useRateWords();
  const stats = useQueries({ queries: emailings.map((e) => emailingQueries.statistics(e.system, e.id)) });

  function toggle(key: string, on: boolean) {
    onSelect(on ? [...selected, key].slice(0, MAX_COMPARE) : selected.filter((k) => k !== key));
  }

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <StackedTable striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <VisuallyHidden>{t('compareHint')}</VisuallyHidden>
              </Table.Th>
              <Table.Th>{t('colSubject')}</Table.Th>
              <Table.Th>{t('colSent')}</Table.Th>
              <Table.Th>{t('colType')}</Table.Th>
              <Table.Th ta="right">{t('colDestinations')}</Table.Th>
              {LIST_RATES.map((id) => (
                <Table.Th key={id} ta="right">
                  {words(id).name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {emailings.map((e, i) => {
              const key = compareKey(e);
              const s = stats[i];
              const rates = s?.data ? computeRates(s.data) : undefined;
              const rate = (value: number | null | undefined) =>
                rates ? formatRate(value ?? null, tag) : s?.isError ? '!' : <Skeleton height={14} width={48} ml="auto" />;
              return (
                <Table.Tr key={key} data-testid={`emailing-row-${key}`}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('selectRow', { subject: e.subject || e.id })}
                      checked={selected.includes(key)}
                      disabled={!selected.includes(key) && selected.length >= MAX_COMPARE}
                      onChange={(ev) => toggle(key, ev.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/emailings/${e.system}/${encodeURIComponent(e.id)}`} fw={500}>
                      {e.subject || e.id}
                    </Anchor>
                    {e.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {e.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{fmt.dateTime(e.timestamp)}</Table.Td>
                  <Table.Td>
                    <TypeBadge type={e.type} />
                  </Table.Td>
                  <Table.Td ta="right">{fmt.number(e.destinations)}</Table.Td>
                  {LIST_RATES.map((id) => (
                    <Table.Td key={id} ta="right" data-testid={`row-${id}`}>
                      {rate(rates?.[id])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </StackedTable>
      </Table.ScrollContainer>
      <RateLegend ids={LIST_RATES} />
    </>
  );
}
