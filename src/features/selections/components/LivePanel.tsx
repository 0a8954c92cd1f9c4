import { Alert, Badge, Group, Loader, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { StackedTable } from '@/components/StackedTable';
import { useFormat, useT } from '@/i18n/i18n';
import type { LiveCounts } from '../live/useLiveCounts';
import { selectionMessages } from '../messages';

/** Height of the sample table with its five rows: kept free while counting, so nothing below it jumps. */
const SAMPLE_HEIGHT = 200;

/** The count of the whole draft, how it was counted, a sample of members, and the draft in plain words. */
export function LivePanel({ live, subprofiles, sentence }: { live: LiveCounts; subprofiles: boolean; sentence: string }) {
  const t = useT(selectionMessages);
  const fmt = useFormat();
  const unit = t(subprofiles ? 'subprofiles' : 'profiles');
  const columns = live.sample[0] ? Object.keys(live.sample[0].fields).slice(0, 3) : [];

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('liveCount')}
        </Title>
        <Group gap="xs" align="baseline" aria-live="polite">
          <Text size="xl" fw={700} data-testid="live-count" data-pending={live.pending ? 'true' : 'false'} data-version={live.version}>
            {live.view ? t('liveCountOf', { count: fmt.number(live.view.count), unit }) : live.error ? t('countFailed') : t('counting')}
          </Text>
          {live.pending && <Loader size="xs" role="status" aria-label={t('counting')} />}
        </Group>
        {/* The line keeps its height while counting, so the panel does not grow when the count arrives. */}
        <Group gap={6} mih={22}>
          {live.view && !live.pending && (
            <>
              <Badge variant="light" color="gray" size="sm">
                {t(live.view.source === 'filter' ? 'countSourceFilter' : 'countSourceScratch')}
              </Badge>
              {live.elapsedMs !== undefined && (
                <Text size="xs" c="dimmed">
                  {t('countTook', { ms: live.elapsedMs })}
                </Text>
              )}
            </>
          )}
        </Group>
        {live.error !== undefined && (
          <Alert color="red" variant="light" p="xs" role="alert">
            <Text size="sm">{live.error instanceof Error ? live.error.message : String(live.error)}</Text>
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('inPlainWords')}
          </Text>
          <Text size="sm" data-testid="selection-sentence">
            {sentence}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('sample', { unit })}
          </Text>
          {live.sample.length === 0 && live.pending ? (
            <Skeleton height={SAMPLE_HEIGHT} aria-hidden />
          ) : live.sample.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('noSample')}
            </Text>
          ) : (
            <StackedTable fz="xs" data-testid="live-sample">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>ID</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {live.sample.map((m) => (
                  <Table.Tr key={m.ID}>
                    <Table.Td>{m.ID}</Table.Td>
                    {columns.map((c) => (
                      <Table.Td key={c}>{m.fields[c]}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackedTable>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
