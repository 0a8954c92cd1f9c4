import { Button, Group, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { isLeavingWithStashedDraft } from '@/api/drafts';
import { AppModal } from '@/components/AppModal';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/** Asks before leaving a page with unsaved edits: in-app navigation (useBlocker) and tab close/reload. */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const t = useT(commonMessages);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!when) return;
    const handler = (e: BeforeUnloadEvent) => {
      // Leaving for a sign-in with the draft kept for the way back: nothing is lost, so do not ask.
      if (!isLeavingWithStashedDraft()) e.preventDefault();
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [when]);
  if (blocker.state !== 'blocked') return null;
  return (
    <AppModal opened onClose={() => blocker.reset()} title={t('unsavedTitle')}>
      <Text size="sm">{t('unsavedBody')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset()}>
          {t('stay')}
        </Button>
        {/* red.9: white on the theme's red.7 misses WCAG AA contrast. */}
        <Button color="red.9" onClick={() => blocker.proceed()}>
          {t('leave')}
        </Button>
      </Group>
    </AppModal>
  );
}
