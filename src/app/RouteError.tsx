import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Link, useRouteError } from 'react-router';
import { QueryError } from '@/components/QueryError';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';

/** Route-level boundary: unexpected errors (and 5xx the pages chose not to handle inline). */
export function RouteError() {
  const error = useRouteError();
  const t = useT(commonMessages);
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('errorTitle')}</Title>
        <QueryError error={error} onRetry={() => window.location.reload()} />
        <Button component={Link} to="/" variant="default" w="fit-content">
          {t('backHome')}
        </Button>
      </Stack>
    </Container>
  );
}

export function NotFound() {
  const t = useT(commonMessages);
  return (
    <Stack>
      <Title order={1}>{t('notFoundTitle')}</Title>
      <Text>{t('notFoundBody')}</Text>
      <Button component={Link} to="/" variant="default" w="fit-content">
        {t('backHome')}
      </Button>
    </Stack>
  );
}
