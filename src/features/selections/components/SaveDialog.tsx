import { Alert, Badge, Button, Group, List, Loader, Modal, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { fetchMember, fetchMemberIds, type Member, type SelectionScope } from '@/api/selections';
import { commonMessages } from '@/i18n/common';
import { useFormat, useT } from '@/i18n/i18n';
import type { ScratchSelection } from '../live/scratch-selection';
import { selectionMessages } from '../messages';

type Diff = { enter: string[]; leave: string[]; enterSample: Member[]; leaveSample: Member[] };
const SAMPLE = 5;

async function sampleOf(scope: SelectionScope, ids: string[]): Promise<Member[]> {
  const found = await Promise.all(ids.slice(0, SAMPLE).map((id) => fetchMember(scope, id)));
  return found.filter((m): m is Member => m !== null);
}

/** Who enters and who leaves compared with the saved selection: the draft's scratch copy vs the saved one. */
async function computeDiff(scope: SelectionScope, savedId: string | undefined, scratch: ScratchSelection): Promise<Diff> {
  const [draftIds, savedIds] = await Promise.all([scratch.memberIds(), savedId ? fetchMemberIds(scope, savedId) : Promise.resolve([])]);
  const saved = new Set(savedIds);
  const now = new Set(draftIds);
  const enter = draftIds.filter((id) => !saved.has(id));
  const leave = savedIds.filter((id) => !now.has(id));
  const [enterSample, leaveSample] = await Promise.all([sampleOf(scope, enter), sampleOf(scope, leave)]);
  return { enter, leave, enterSample, leaveSample };
}

function Sample({ members }: { members: Member[] }) {
  return (
    <List size="xs" spacing={2}>
      {members.map((m) => (
        <List.Item key={m.ID}>
          #{m.ID} {Object.values(m.fields).filter(Boolean).slice(0, 2).join(' · ')}
        </List.Item>
      ))}
    </List>
  );
}

type Props = {
  opened: boolean;
  onClose: () => void;
  scope: SelectionScope;
  savedId?: string;
  lastBuilt?: string;
  calls: number;
  withScratch: <T>(read: (scratch: ScratchSelection) => Promise<T>) => Promise<T>;
  onConfirm: () => void;
  saving: boolean;
  progress: { done: number; total: number } | null;
  failure: string | null;
};

/** Before saving: "+N enter / −M leave" with samples of both, the number of API calls, then progress. */
export function SaveDialog({
  opened,
  onClose,
  scope,
  savedId,
  lastBuilt,
  calls,
  withScratch,
  onConfirm,
  saving,
  progress,
  failure,
}: Props) {
  const t = useT(selectionMessages);
  const tc = useT(commonMessages);
  const fmt = useFormat();
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    setDiff(null);
    setError(null);
    withScratch((s) => computeDiff(scope, savedId, s))
      .then((d) => live && setDiff(d))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [opened, scope, savedId, withScratch]);

  return (
    <Modal opened={opened} onClose={onClose} title={t('reviewTitle')} size="lg">
      <Stack gap="sm">
        {!diff && !error && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('reviewComputing')}</Text>
          </Group>
        )}
        {error && (
          <Text size="sm" c="red.8">
            {t('reviewFailed', { message: error })}
          </Text>
        )}
        {diff && (
          <Group align="flex-start" grow data-testid="save-diff">
            <Stack gap={4}>
              <Badge color="green" variant="light" size="lg" data-testid="diff-enter">
                {t('reviewEnter', { count: fmt.number(diff.enter.length) })}
              </Badge>
              <Sample members={diff.enterSample} />
            </Stack>
            <Stack gap={4}>
              <Badge color="red" variant="light" size="lg" data-testid="diff-leave">
                {t('reviewLeave', { count: fmt.number(diff.leave.length) })}
              </Badge>
              <Sample members={diff.leaveSample} />
            </Stack>
          </Group>
        )}
        {!savedId && <Text size="sm">{t('reviewNew')}</Text>}
        {savedId && lastBuilt && (
          <Text size="xs" c="dimmed">
            {t('reviewStale', { time: fmt.dateTime(lastBuilt) })}
          </Text>
        )}
        <Text size="sm">{t('steps', { count: calls })}</Text>
        {progress && (
          <Stack gap={4}>
            <Progress value={(progress.done / Math.max(1, progress.total)) * 100} aria-label={t('saveProgress', progress)} />
            <Text size="xs">{t('saveProgress', progress)}</Text>
          </Stack>
        )}
        {failure && (
          <Alert color="red" variant="light" role="alert">
            <Text size="sm">{failure}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {tc('cancel')}
          </Button>
          <Button onClick={onConfirm} loading={saving} data-testid="confirm-save">
            {t('confirmSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
