import { Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '@/i18n/i18n';
import { authMessages } from './messages';
import { SignInForm } from './SignInForm';

/**
 * Shown over the current page when the API answers 401 (session expired or token revoked). The page
 * stays mounted underneath, so forms keep the user's unsaved input; after signing in again the user
 * simply repeats the action.
 */
export function SessionExpiredModal({ opened, onSignedIn }: { opened: boolean; onSignedIn: () => void }) {
  const t = useT(authMessages);
  const queryClient = useQueryClient();
  const returnTo = `${window.location.pathname}${window.location.search}`;
  return (
    <Modal
      opened={opened}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('expiredTitle')}
      centered
    >
      <Stack>
        <Text size="sm">{t('expiredKeep')}</Text>
        <SignInForm
          returnTo={returnTo}
          onSignedIn={() => {
            onSignedIn();
            // Reload what failed while signed out; drafts in forms are component state and stay.
            void queryClient.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
          }}
        />
      </Stack>
    </Modal>
  );
}
