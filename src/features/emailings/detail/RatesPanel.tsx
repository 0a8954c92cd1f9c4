import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Emailing, EmailingStatistics } from '@/api/emailings';
import { useLocale, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { FigurePopover } from '../shared/FigurePopover';
import { formatRate } from '../utils/format.utils';
import { computeRates, HEADLINE_RATES, OTHER_RATES, RATE_DEFINITIONS, type RateId } from '../utils/metrics.utils';

/**
 * Open rate, click rate, click-to-open and Copernica's CTR side by side, each with its own name and
 * formula (they are easily confused: CTR here is Copernica's dominant-result ratio, §11.2), then the rest.
 */
export function RatesPanel({ emailing, stats }: { emailing: Emailing; stats: EmailingStatistics }) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const { locale } = useLocale();
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const rates = computeRates(stats);
  const source = `/${emailing.system}/emailing/${emailing.id}/statistics`;
  const show = (id: RateId) => formatRate(rates[id], tag, RATE_DEFINITIONS[id].isRatio);
  const popover = (id: RateId) => (
    <FigurePopover name={tm(id)} formula={RATE_DEFINITIONS[id].formula} source={source} kind={RATE_DEFINITIONS[id].kind} />
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
                <Text size="sm" c="dimmed">
                  {tm(id)}
                </Text>
                {popover(id)}
              </Group>
              <Text fz={26} fw={700} data-testid="rate-value">
                {show(id)}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {RATE_DEFINITIONS[id].formula}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('otherRates')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Tbody>
            {OTHER_RATES.map((id) => (
              <Table.Tr key={id} data-testid={`rate-${id}`}>
                <Table.Th scope="row" fw={400}>
                  <Group gap={4} wrap="nowrap">
                    {tm(id)}
                    {popover(id)}
                  </Group>
                </Table.Th>
                <Table.Td ta="right" fw={600} data-testid="rate-value">
                  {show(id)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {RATE_DEFINITIONS[id].formula}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
