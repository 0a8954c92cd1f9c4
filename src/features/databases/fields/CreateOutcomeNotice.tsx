import { Alert, Anchor, Button, Group, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type CheckedOutcome, CreateOutcomeUnknown } from '@/api/create-outcome';
import { useT } from '@/i18n/i18n';
import { recordMessages } from './messages';

type State = { kind: 'checking' } | { kind: 'done'; outcome: CheckedOutcome } | { kind: 'failed' };

/**
 * After a create whose answer was lost: looks the record up and says "it was created — open it" or "it was
 * not created — try again". `onOutcome` lets the form block a second create while the first one exists.
 */
export function CreateOutcomeNotice({
  error,
  linkTo,
  onOutcome,
}: {
  error: CreateOutcomeUnknown;
  linkTo: (id: string) => string;
  onOutcome?: (outcome: CheckedOutcome | null) => void;
}) {
  const t = useT(recordMessages);
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one lookup per lost create and per "check again"
  useEffect(() => {
    let current = true;
    setState({ kind: 'checking' });
    onOutcome?.(null);
    error.check().then(
      (outcome) => {
        if (!current) return;
        setState({ kind: 'done', outcome });
        onOutcome?.(outcome);
      },
      () => current && setState({ kind: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [error, attempt]);

  if (state.kind === 'checking')
    return (
      <Alert color="yellow" role="status">
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm">{t('outcomeChecking')}</Text>
        </Group>
      </Alert>
    );
  if (state.kind === 'failed')
    return (
      <Alert color="red" role="alert">
        <Text size="sm">{t('outcomeUnknown')}</Text>
        <Button size="xs" variant="default" mt="xs" onClick={() => setAttempt((n) => n + 1)}>
          {t('outcomeCheckAgain')}
        </Button>
      </Alert>
    );
  if (state.outcome.created)
    return (
      <Alert color="green" role="status">
        <Text size="sm">
          {t('outcomeCreated', { id: state.outcome.id })}{' '}
          <Anchor component={Link} to={linkTo(state.outcome.id)}>
            {t('outcomeOpen')}
          </Anchor>
        </Text>
      </Alert>
    );
  return (
    <Alert color="orange" role="alert">
      <Text size="sm">{t('outcomeNotCreated')}</Text>
    </Alert>
  );
}

export function isCreateOutcomeUnknown(error: unknown): error is CreateOutcomeUnknown {
  return error instanceof CreateOutcomeUnknown;
}
