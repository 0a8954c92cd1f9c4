import { Alert, Button, Divider, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLogin } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { oauthLoginUrl, type Session, sessionQueries, signInWithToken } from '@/api/session';
import { useT } from '@/i18n/i18n';
import { authMessages } from './messages';

/**
 * Token sign-in plus, when the gateway has an OAuth client, "Sign in with Copernica". `oauth` overrides what
 * the session query says (the session-expired dialog asks separately, so the signed-in layout stays mounted);
 * `onLeaving` runs just before the OAuth link leaves the page.
 */
export function SignInForm({
  returnTo,
  onSignedIn,
  oauth,
  onLeaving,
}: {
  returnTo: string;
  onSignedIn: (session: Session) => void;
  oauth?: boolean;
  onLeaving?: () => void;
}) {
  const t = useT(authMessages);
  const queryClient = useQueryClient();
  const session = useQuery(sessionQueries.current());
  const form = useForm({
    initialValues: { token: '' },
    validate: { token: (v) => (v.trim() ? null : t('tokenRequired')) },
  });
  const signIn = useMutation({
    mutationFn: (token: string) => signInWithToken(token),
    meta: { quiet: true },
    onSuccess: (next) => {
      queryClient.setQueryData(sessionQueries.all(), next);
      onSignedIn(next);
    },
  });
  const oauthEnabled = oauth ?? (session.data && !session.data.signedIn && session.data.oauth);

  return (
    <Stack>
      {signIn.isError && (
        <Alert color="red" variant="light" title={t('failed')} role="alert">
          {signIn.error.message}
        </Alert>
      )}
      <form onSubmit={form.onSubmit(({ token }) => signIn.mutate(token.trim()))}>
        <Stack>
          <PasswordInput
            label={t('tokenLabel')}
            description={t('tokenDescription')}
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('token')}
          />
          <Button type="submit" loading={signIn.isPending} leftSection={<IconLogin size={18} />}>
            {t('submit')}
          </Button>
        </Stack>
      </form>
      {oauthEnabled && (
        <>
          <Divider label={t('or')} labelPosition="center" />
          <Button component="a" href={oauthLoginUrl(returnTo)} variant="default" onClick={() => onLeaving?.()}>
            {t('oauth')}
          </Button>
        </>
      )}
    </Stack>
  );
}
