import { Badge, SimpleGrid, Table, Text } from '@mantine/core';
import type { EmailingEvent } from '@/api/emailing-events';
import type { Emailing, EmailingStatistics } from '@/api/emailings';
import { useFormat, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { metricMessages } from '../metric-messages';
import { ChartFigure } from '../shared/ChartFigure';
import { FigureLinks } from '../shared/FigureLinks';
import { PullPanel } from '../shared/PullPanel';
import { type CountRow, errorSeverity, errorsByCode, errorsByType } from '../utils/breakdown.utils';
import { selectableErrorFilter } from '../utils/condition.utils';
import type { SelectUrl } from './panel-props';

/** Errors grouped by type and by SMTP code (docs/api/emailings.md §8.1), each row linking to its recipients. */
export function ErrorsPanel({
  emailing,
  stats,
  selectUrl,
}: {
  emailing: Emailing;
  stats: EmailingStatistics;
  selectUrl: Parameters<typeof ErrorTable>[0]['selectUrl'];
}) {
  const t = useT(emailingMessages);
  const tm = useT(metricMessages);
  const fmt = useFormat();
  return (
    <ChartFigure title={t('tabErrors')}>
      <PullPanel scope={{ kind: 'emailing', system: emailing.system, id: emailing.id }} type="errors" expected={stats.errors.total}>
        {(errors) =>
          errors.length === 0 ? (
            <Text size="sm">{t('noEvents')}</Text>
          ) : (
            <>
              <Text size="xs" c="dimmed" mb="xs">
                {t('basedOn', { count: fmt.number(errors.length), type: tm('type_errors') })}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <ErrorTable emailing={emailing} errors={errors} by="type" selectUrl={selectUrl} />
                <ErrorTable emailing={emailing} errors={errors} by="code" selectUrl={selectUrl} />
              </SimpleGrid>
            </>
          )
        }
      </PullPanel>
    </ChartFigure>
  );
}

function ErrorTable({
  emailing,
  errors,
  by,
  selectUrl,
}: {
  emailing: Emailing;
  errors: EmailingEvent[];
  by: 'type' | 'code';
  selectUrl: SelectUrl;
}) {
  const t = useT(emailingMessages);
  const fmt = useFormat();
  const rows: CountRow[] = by === 'type' ? errorsByType(errors) : errorsByCode(errors);
  const field = by === 'type' ? 'errortype' : 'errorcode';
  return (
    <section aria-label={by === 'type' ? t('errorsByType') : t('errorsByCode')}>
      <Text fw={600} mb="xs">
        {by === 'type' ? t('errorsByType') : t('errorsByCode')}
      </Text>
      <Table striped data-testid={`errors-by-${by}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{by === 'type' ? t('errorType') : t('errorCode')}</Table.Th>
            <Table.Th ta="right">{t('errorsTotal')}</Table.Th>
            <Table.Th ta="right">{t('destinationsUnique')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const severity = by === 'code' ? errorSeverity(r.key) : undefined;
            const filterValue = selectableErrorFilter(by, r.key);
            return (
              <Table.Tr key={r.key}>
                <Table.Td>
                  <Text size="sm" component="span">
                    {r.key || '—'}
                  </Text>
                  {severity && (
                    <Badge ml="xs" size="xs" variant="dot" color={severity === 'hard' ? 'red' : severity === 'soft' ? 'yellow' : 'gray'}>
                      {t(severity === 'hard' ? 'hard' : severity === 'soft' ? 'soft' : 'unknownSeverity')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{fmt.number(r.total)}</Table.Td>
                <Table.Td ta="right">{fmt.number(r.unique)}</Table.Td>
                <Table.Td>
                  <FigureLinks
                    emailing={emailing}
                    selectUrl={selectUrl}
                    filter={filterValue ? { result: 'error', errors: filterValue } : undefined}
                    events="errors"
                    match={{ field, value: r.key }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}
