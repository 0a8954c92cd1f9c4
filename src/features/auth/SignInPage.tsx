import { Alert, Anchor, Button, Center, Divider, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLogin } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { oauthLoginUrl, sessionQueries, signInWithToken } from '@/api/session';
import { useT } from '@/i18n/i18n';
import { authMessages } from './messages';
import { safeReturnTo } from './return-to';

export function SignInPage() {
  const t = useT(authMessages);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQueries.current());
  const returnTo = safeReturnTo(params.get('returnTo'));
  const form = useForm({
    initialValues: { token: '' },
    validate: { token: (v) => (v.trim() ? null : t('tokenRequired')) },
  });
  const signIn = useMutation({
    mutationFn: (token: string) => signInWithToken(token),
    meta: { quiet: true },
    onSuccess: (next) => {
      queryClient.setQueryData(sessionQueries.all(), next);
      void navigate(returnTo, { replace: true });
    },
  });

  const oauthEnabled = session.data && !session.data.signedIn && session.data.oauth;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440}>
        <Stack>
          <Title order={1} size="h2">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
          {params.get('expired') && (
            <Alert color="yellow" variant="light">
              {t('expired')}
            </Alert>
          )}
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
                autoFocus
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
              <Button component="a" href={oauthLoginUrl(returnTo)} variant="default">
                {t('oauth')}
              </Button>
            </>
          )}
          <Text size="xs" c="dimmed">
            <Anchor href="https://www.copernica.com/en/documentation/restv3/rest-api" target="_blank" rel="noreferrer noopener">
              Copernica REST API
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
