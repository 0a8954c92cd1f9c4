import { Button, EmptyState, Group, Loader, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMailOff, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { pullQueries, usePullProgress } from '@/api/emailing-pulls';
import { type EmailingSystem, isEmailingSystem, testFilter } from '@/api/emailings';
import { Pager } from '@/components/Pager';
import { QueryError } from '@/components/QueryError';
import { SegmentedChoice } from '@/components/SegmentedChoice';
import { TableSkeleton } from '@/components/TableSkeleton';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { IncludeTestsSwitch } from '../shared/IncludeTestsSwitch';
import { dayAfter, dayStart } from '../utils/time.utils';
import { EmailingsTable } from './EmailingsTable';
import { isSort, MAX_COMPARE, searchEmailings, sortEmailings } from './list.utils';

const PAGE_SIZE = 25;

/** /emailings: both mailing systems, searchable, sortable, with the key rates per visible row. */
export function EmailingsPage() {
  const t = useT(emailingMessages);
  const tc = useT(commonMessages);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const system: EmailingSystem = isEmailingSystem(params.get('system')) ? (params.get('system') as EmailingSystem) : 'publisher';
  const sortParam = params.get('sort');
  const sort = isSort(sortParam) ? sortParam : 'newest';
  const search = params.get('q') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const start = Math.max(0, Number(params.get('start')) || 0);
  const includeTests = params.get('tests') === 'include';
  const [selected, setSelected] = useState<string[]>([]);

  const filter = { fromdate: from ? dayStart(from) : undefined, todate: to ? dayAfter(to) : undefined, ...testFilter(includeTests) };
  const options = pullQueries.emailings(system, filter);
  const emailings = useQuery(options);
  const progress = usePullProgress(options.queryKey);
  const visible = useMemo(() => sortEmailings(searchEmailings(emailings.data ?? [], search), sort), [emailings.data, search, sort]);
  const page = visible.slice(start, start + PAGE_SIZE);

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('start' in changes)) next.delete('start');
    setParams(next, { replace: true });
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={1}>{t('title')}</Title>
          {emailings.isFetching && !emailings.isPending && <Loader size="xs" role="status" aria-label={tc('refreshing')} />}
        </Group>
        <Button
          disabled={selected.length < 2}
          onClick={() =>
            void navigate(
              `/statistics/compare?${[...selected.map((k) => `e=${encodeURIComponent(k)}`), ...(includeTests ? ['tests=include'] : [])].join('&')}`,
            )
          }
        >
          {t('compare')} ({selected.length}/{MAX_COMPARE})
        </Button>
      </Group>
      <SegmentedChoice
        aria-label={t('systemLabel')}
        value={system}
        onChange={(v) => update({ system: v === 'publisher' ? '' : v })}
        data={[
          { value: 'publisher', label: t('publisher') },
          { value: 'ms', label: t('ms') },
        ]}
      />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          defaultValue={search}
          onChange={(e) => update({ q: e.currentTarget.value })}
          w={280}
        />
        <TextInput type="date" label={t('sentFrom')} value={from} onChange={(e) => update({ from: e.currentTarget.value })} />
        <TextInput type="date" label={t('sentTo')} value={to} onChange={(e) => update({ to: e.currentTarget.value })} />
        <Select
          label={t('sort')}
          value={sort}
          allowDeselect={false}
          onChange={(v) => update({ sort: v === 'newest' || !v ? '' : v })}
          data={[
            { value: 'newest', label: t('sortNewest') },
            { value: 'oldest', label: t('sortOldest') },
            { value: 'subject', label: t('sortSubject') },
            { value: 'destinations', label: t('sortDestinations') },
          ]}
        />
        {system === 'publisher' && <IncludeTestsSwitch checked={includeTests} onChange={(on) => update({ tests: on ? 'include' : '' })} />}
      </Group>
      {emailings.isPending ? (
        <Stack>
          {progress?.total ? (
            <Progress
              value={(progress.fetched / progress.total) * 100}
              aria-label={t('loadingAll', { fetched: progress.fetched, total: progress.total })}
            />
          ) : null}
          <TableSkeleton />
        </Stack>
      ) : emailings.isError ? (
        <QueryError error={emailings.error} onRetry={() => void emailings.refetch()} />
      ) : visible.length === 0 ? (
        <EmptyState icon={<IconMailOff />} title={t('noEmailings')} description={t('noEmailingsBody')} />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('emailingsCount', { count: visible.length })} · {t('rowRatesHint')}
          </Text>
          <EmailingsTable emailings={page} selected={selected} onSelect={setSelected} />
          <Pager
            start={start}
            limit={PAGE_SIZE}
            count={page.length}
            total={visible.length}
            onChange={(s) => update({ start: s ? String(s) : '' })}
          />
        </>
      )}
    </Stack>
  );
}
