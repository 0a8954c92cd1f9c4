import { SimpleGrid, Table, Text } from '@mantine/core';
import type { Emailing, EmailingStatistics } from '@/api/emailings';
import { useFormat, useT } from '@/i18n/i18n';
import { eventMessages } from '../events/event-messages';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { ChartBody, ChartFigure } from '../shared/ChartFigure';
import { BarChart } from '../shared/charts/Charts';
import { PullPanel } from '../shared/PullPanel';
import { type CountRow, devices, mailClients, operatingSystems } from '../utils/breakdown.utils';
import { DomainsPanel } from './DomainsPanel';

/** Devices, mail clients and operating systems of the impressions (`device`, `useragent`, §8.1). */
export function AudiencePanel({ emailing, stats }: { emailing: Emailing; stats: EmailingStatistics }) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const fmt = useFormat();
  const tv = useT(eventMessages);
  const deviceName = (key: string) => (DEVICES.includes(key) ? tv(`device_${key as 'desktop'}`) : key);
  return (
    <>
      <ChartFigure title={t('devices')}>
        <PullPanel
          scope={{ kind: 'emailing', system: emailing.system, id: emailing.id }}
          type="impressions"
          expected={stats.impressions.total}
        >
          {(impressions) =>
            impressions.length === 0 ? (
              <Text size="sm">{t('noEvents')}</Text>
            ) : (
              <>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('basedOn', { count: fmt.number(impressions.length), type: tm('type_impressions') })}
                </Text>
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  <CountChart
                    title={t('devices')}
                    rows={devices(impressions).map((r) => ({ ...r, label: deviceName(r.key) }))}
                    testId="devices"
                  />
                  <CountChart title={t('mailClients')} rows={mailClients(impressions)} testId="mail-clients" />
                  <CountChart title={t('operatingSystems')} rows={operatingSystems(impressions)} testId="operating-systems" />
                </SimpleGrid>
              </>
            )
          }
        </PullPanel>
      </ChartFigure>
      <DomainsPanel emailing={emailing} stats={stats} />
    </>
  );
}

const DEVICES = ['desktop', 'mobile', 'tablet', 'unknown'];
/** Room per bar, so every category label fits beside its bar. */
const BAR_HEIGHT = 36;

function CountChart({ title, rows, testId }: { title: string; rows: (CountRow & { label?: string })[]; testId: string }) {
  const t = useT(emailingMessages);
  const fmt = useFormat();
  const shown = rows.slice(0, 8).map((r) => ({ ...r, label: r.label ?? r.key }));
  const h = Math.max(120, shown.length * BAR_HEIGHT + 40);
  return (
    <section aria-label={title}>
      <Text fw={600} mb="xs">
        {title}
      </Text>
      <ChartBody h={h}>
        <BarChart
          h={h}
          data={shown}
          dataKey="label"
          orientation="vertical"
          labelWidth={110}
          withBarValueLabel
          series={[{ name: 'total', label: t('impressionsTotal'), color: 'blue.7' }]}
          valueFormatter={(v) => fmt.number(v)}
        />
      </ChartBody>
      <Table mt="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{title}</Table.Th>
            <Table.Th ta="right">{t('impressionsTotal')}</Table.Th>
            <Table.Th ta="right">{t('openersUnique')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label ?? r.key}</Table.Td>
              <Table.Td ta="right">{fmt.number(r.total)}</Table.Td>
              <Table.Td ta="right">{fmt.number(r.unique)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
