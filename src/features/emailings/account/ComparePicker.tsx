import { Loader, MultiSelect, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { pullQueries } from '@/api/emailing-pulls';
import { EMAILING_SYSTEMS, testFilter } from '@/api/emailings';
import { QueryError } from '@/components/QueryError';
import { useT } from '@/i18n/i18n';
import { MAX_COMPARE } from '../list/list.utils';
import { emailingMessages } from '../messages';
import { IncludeTestsSwitch } from '../shared/IncludeTestsSwitch';
import { pickerOptions } from './compare.utils';
import { accountViewMessages } from './views-messages';

/** The dropdown renders at most this many matches; typing narrows a list of thousands. */
const SHOWN_OPTIONS = 50;

/**
 * The Compare tab's own picker: both systems' emailings (test sends left out unless switched on), searchable,
 * up to four. The chosen keys live in the URL, so a comparison can be shared and reloaded.
 */
export function ComparePicker({
  chosen,
  onChange,
  includeTests,
  onIncludeTests,
  knownLabel,
}: {
  chosen: string[];
  onChange: (keys: string[]) => void;
  includeTests: boolean;
  onIncludeTests: (include: boolean) => void;
  knownLabel: (key: string) => string | undefined;
}) {
  const t = useT(accountViewMessages);
  const te = useT(emailingMessages);
  const lists = useQueries({ queries: EMAILING_SYSTEMS.map((system) => pullQueries.emailings(system, testFilter(includeTests))) });
  const failed = lists.find((q) => q.isError);
  const loading = lists.some((q) => q.isPending);
  const emailings = useMemo(() => lists.flatMap((q) => q.data ?? []), [lists]);
  const options = useMemo(
    () => pickerOptions(emailings, chosen, (e) => (e.system === 'ms' ? te('ms') : te('publisher')), knownLabel),
    [emailings, chosen, te, knownLabel],
  );

  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('pickLabel')}
        description={t('pickDescription', { max: MAX_COMPARE })}
        placeholder={loading ? t('pickLoading') : chosen.length < MAX_COMPARE ? t('pickPlaceholder') : undefined}
        data={options}
        value={chosen}
        onChange={onChange}
        maxValues={MAX_COMPARE}
        searchable
        clearable
        hidePickedOptions
        limit={SHOWN_OPTIONS}
        nothingFoundMessage={loading ? t('pickLoading') : t('pickNothing')}
        rightSection={loading ? <Loader size="xs" role="status" aria-label={t('pickLoading')} /> : undefined}
        data-testid="compare-picker"
        maw={720}
      />
      {chosen.length >= MAX_COMPARE && (
        <Text size="xs" c="dimmed">
          {t('pickFull')}
        </Text>
      )}
      {!loading && !failed && emailings.length === 0 && <Text size="sm">{t('pickNone')}</Text>}
      {failed && <QueryError error={failed.error} onRetry={() => void failed.refetch()} />}
      <IncludeTestsSwitch checked={includeTests} onChange={onIncludeTests} />
    </Stack>
  );
}
