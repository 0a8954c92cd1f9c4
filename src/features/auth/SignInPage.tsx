import { Alert, Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '@/i18n/i18n';
import { authMessages } from './messages';
import { safeReturnTo } from './return-to';
import { SignInForm } from './SignInForm';

export function SignInPage() {
  const t = useT(authMessages);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));

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
          {params.get('error') && (
            <Alert color="red" variant="light" role="alert" title={t('failed')}>
              {params.get('error')}
            </Alert>
          )}
          <SignInForm returnTo={returnTo} onSignedIn={() => void navigate(returnTo, { replace: true })} />
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
