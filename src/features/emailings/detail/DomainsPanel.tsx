import { Button, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type DatabaseField, databaseQueries } from '@/api/databases';
import { pullQueries } from '@/api/emailing-pulls';
import { type Emailing, type EmailingStatistics, targetDatabaseId } from '@/api/emailings';
import { fetchAll } from '@/api/paging';
import { ProgressWithCancel } from '@/components/ProgressWithCancel';
import { QueryError } from '@/components/QueryError';
import { useFormat, useLocale, useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { ChartFigure } from '../shared/ChartFigure';
import { domainBreakdown } from '../utils/breakdown.utils';
import { formatRate } from '../utils/format.utils';
import { ratio } from '../utils/metrics.utils';

type Phase = { label: string; fetched: number; total?: number };

/** The email field of a database: the first field of type `email`, else one named like "email". */
export function emailFieldName(fields: DatabaseField[]): string | undefined {
  return (fields.find((f) => f.type === 'email') ?? fields.find((f) => /^e-?mail/i.test(f.name)))?.name;
}

/**
 * Recipients by email domain. Events carry no addresses, so this joins destinations → profiles →
 * email field (profile targets only); it reads every destination and profile, hence on request only.
 */
export function DomainsPanel({ emailing, stats }: { emailing: Emailing; stats: EmailingStatistics }) {
  const t = useT(emailingMessages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [started, setStarted] = useState(false);
  const [phase, setPhase] = useState<Phase>();
  const databaseId = targetDatabaseId(emailing.target);
  const profileTarget = ['database', 'view'].includes(emailing.target.type) && !!databaseId;
  const queryKey = ['emailing-domains', emailing.system, emailing.id] as const;

  const domains = useQuery({
    queryKey,
    enabled: started && profileTarget,
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) => {
      const db = databaseId ?? '';
      const fields = await queryClient.fetchQuery(databaseQueries.fields(db));
      const emailField = emailFieldName(fields.data);
      if (!emailField) return null;
      const report = (label: string) => (p: { fetched: number; total?: number }) => setPhase({ label, ...p });
      const destinations = await fetchAll<Record<string, unknown>>(
        `${emailing.system}/emailing/${encodeURIComponent(emailing.id)}/destinations`,
        {},
        { signal, onProgress: report(t('destinations')) },
      );
      // by ID, not by offset: big offsets are slow (docs/api/conventions.md §6.3)
      const profiles = await fetchAll<{ ID: string; fields: Record<string, string> }>(
        `database/${encodeURIComponent(db)}/profiles`,
        { dataonly: true },
        { signal, onProgress: report(emailField), byId: true },
      );
      const scope = { kind: 'emailing', system: emailing.system, id: emailing.id } as const;
      const [errors, impressions, clicks] = await Promise.all(
        (['errors', 'impressions', 'clicks'] as const).map((type) => queryClient.fetchQuery(pullQueries.events(scope, type))),
      );
      const emailByProfile = new Map(profiles.map((p) => [String(p.ID), p.fields[emailField] ?? '']));
      // Publisher events name a destination by its `internal` number, MS events by its ID (§2, §6).
      const keyOf = (d: Record<string, unknown>) => String(emailing.system === 'publisher' ? (d.internal ?? d.ID) : d.ID);
      const profileOf = new Map(destinations.map((d) => [keyOf(d), String(d.profile ?? '')]));
      return domainBreakdown([...profileOf.keys()], (k) => emailByProfile.get(profileOf.get(k) ?? ''), {
        errors: errors ?? [],
        impressions: impressions ?? [],
        clicks: clicks ?? [],
      });
    },
  });

  const pct = (a: number, b: number) => formatRate(ratio(a, b), locale === 'nl' ? 'nl-NL' : 'en-GB');
  return (
    <ChartFigure title={t('domains')} hint={t('domainsHint')}>
      {!profileTarget ? (
        <Text size="sm">{t('noEmailField')}</Text>
      ) : domains.data === null ? (
        <Text size="sm">{t('noEmailField')}</Text>
      ) : domains.data ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="domains">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('domain')}</Table.Th>
                <Table.Th ta="right">{t('destinations')}</Table.Th>
                <Table.Th ta="right">{t('errored')}</Table.Th>
                <Table.Th ta="right">{t('opened')}</Table.Th>
                <Table.Th ta="right">{t('clicked')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {domains.data.slice(0, 50).map((r) => (
                <Table.Tr key={r.domain}>
                  <Table.Td>{r.domain}</Table.Td>
                  <Table.Td ta="right">{fmt.number(r.destinations)}</Table.Td>
                  <Table.Td ta="right">{`${fmt.number(r.errored)} (${pct(r.errored, r.destinations)})`}</Table.Td>
                  <Table.Td ta="right">{`${fmt.number(r.opened)} (${pct(r.opened, r.destinations)})`}</Table.Td>
                  <Table.Td ta="right">{`${fmt.number(r.clicked)} (${pct(r.clicked, r.destinations)})`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : domains.isError ? (
        <QueryError error={domains.error} onRetry={() => void domains.refetch()} />
      ) : domains.fetchStatus === 'fetching' ? (
        <Stack gap="xs">
          <ProgressWithCancel
            done={phase?.fetched ?? 0}
            total={phase?.total}
            label={phase?.label ?? t('domains')}
            status={`${phase?.label}: ${phase?.total ? t('pulling', { fetched: fmt.number(phase.fetched), total: fmt.number(phase.total) }) : '…'}`}
            onCancel={() => {
              void queryClient.cancelQueries({ queryKey });
              setStarted(false);
            }}
          />
        </Stack>
      ) : (
        <Button size="xs" onClick={() => setStarted(true)}>
          {t('analyse', { type: t('domains').toLowerCase(), count: fmt.number(stats.destinations) })}
        </Button>
      )}
    </ChartFigure>
  );
}
