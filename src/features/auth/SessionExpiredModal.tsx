import { Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { stashDraftForSignIn } from '@/api/drafts';
import { oauthAvailableQuery } from '@/api/session';
import { AppModal } from '@/components/AppModal';
import { useT } from '@/i18n/i18n';
import { authMessages } from './messages';
import { SignInForm } from './SignInForm';

/**
 * Shown over the current page when the API answers 401 (session expired or token revoked). The page stays
 * mounted underneath, so forms keep the user's unsaved input; after signing in again the user repeats the
 * action. "Sign in with Copernica" leaves the page: the one draft being edited goes to sessionStorage for
 * the way back (src/api/drafts.ts). The dialog can be closed to read or copy the page first; the next call
 * that needs a session opens it again.
 */
export function SessionExpiredModal({ onSignedIn, onClose }: { onSignedIn: () => void; onClose: () => void }) {
  const t = useT(authMessages);
  const queryClient = useQueryClient();
  const oauth = useQuery(oauthAvailableQuery());
  const returnTo = `${window.location.pathname}${window.location.search}`;
  return (
    <AppModal opened onClose={onClose} title={t('expiredTitle')} centered>
      <Stack>
        <Text size="sm">{t('expiredKeep')}</Text>
        <SignInForm
          returnTo={returnTo}
          oauth={oauth.data === true}
          onLeaving={() => stashDraftForSignIn()}
          onSignedIn={() => {
            onSignedIn();
            // Reload what failed while signed out; drafts in forms are component state and stay.
            void queryClient.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
          }}
        />
      </Stack>
    </AppModal>
  );
}
