import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Emailing, EmailingStatistics } from '@/api/emailings';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { COPERNICA_RATES, computeRates, HEADLINE_RATES, INDUSTRY_RATES, RATE_DEFINITIONS, type RateId } from '../metric-definitions';
import { FigurePopover } from '../shared/FigurePopover';
import { useRateWords } from '../shared/useRateWords';

/**
 * The industry's rates first (open rate, click rate, click-to-open, bounces, unsubscribes, complaints), then
 * Copernica's own figures under their Copernica names. Every rate says what it counts and its formula in
 * words; the API's names are only in the ⓘ (docs/api/emailings.md §11.3).
 */
export function RatesPanel({ emailing, stats }: { emailing: Emailing; stats: EmailingStatistics }) {
  const t = useT(emailingMessages);
  const { words, format } = useRateWords();
  const rates = computeRates(stats);
  const source = `/${emailing.system}/emailing/${emailing.id}/statistics`;
  const popover = (id: RateId) => {
    const w = words(id);
    return (
      <FigurePopover
        name={w.name}
        description={w.meaning}
        formula={w.formula}
        group={RATE_DEFINITIONS[id].group}
        api={w.api}
        source={source}
      />
    );
  };
  const table = (ids: RateId[], testId: string) => (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid={testId}>
        <Table.Tbody>
          {ids.map((id) => (
            <Table.Tr key={id} data-testid={`rate-${id}`}>
              <Table.Th scope="row" fw={400} w="32%">
                <Group gap={4} wrap="nowrap">
                  <span data-testid="rate-name">{words(id).name}</span>
                  {popover(id)}
                </Group>
              </Table.Th>
              <Table.Td ta="right" fw={600} w="12%" data-testid="rate-value">
                {format(id, rates[id])}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{words(id).meaning}</Text>
                <Text size="xs" c="dimmed" data-testid="rate-formula">
                  {words(id).formula}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <section aria-labelledby="rates">
      <Title order={2} size="h3" id="rates" mb="sm">
        {t('rates')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {HEADLINE_RATES.map((id) => (
          <Card key={id} withBorder padding="sm" data-testid={`rate-${id}`}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" gap={4}>
                <Text size="sm" c="dimmed" data-testid="rate-name">
                  {words(id).name}
                </Text>
                {popover(id)}
              </Group>
              <Text fz={26} fw={700} data-testid="rate-value">
                {format(id, rates[id])}
              </Text>
              <Text size="xs">{words(id).meaning}</Text>
              <Text size="xs" c="dimmed" data-testid="rate-formula">
                {words(id).formula}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('otherRates')}
      </Title>
      {table(
        INDUSTRY_RATES.filter((id) => !HEADLINE_RATES.includes(id)),
        'industry-rates',
      )}
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('copernicaRates')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('copernicaRatesHint')}
      </Text>
      {table(COPERNICA_RATES, 'copernica-rates')}
    </section>
  );
}
