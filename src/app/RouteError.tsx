import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useRevalidator, useRouteError } from 'react-router';
import { QueryError } from '@/components/QueryError';
import { commonMessages } from '@/i18n/common';
import { useT } from '@/i18n/i18n';
import { statusMessages } from '@/i18n/status';
import { useOnline } from './StatusIndicators';

/** Root boundary: only for failures of the shell itself; pages fail inside the shell (PageError). */
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

/** What browsers say when a lazy page's script or CSS cannot be downloaded (offline, or replaced by a deploy). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Unable to preload CSS|Importing a module script failed|error loading dynamically imported module|Loading chunk/i.test(
    message,
  );
}

/**
 * Boundary around the pages, rendered inside the shell: navigation, header and other pages keep working.
 * A page whose code could not be downloaded offers Retry, which loads the app afresh once online (the
 * router keeps a failed lazy import, and after a deploy the old file names are gone anyway).
 */
export function PageError() {
  const error = useRouteError();
  const t = useT(commonMessages);
  const ts = useT(statusMessages);
  const online = useOnline();
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();
  if (isChunkLoadError(error))
    return (
      <Stack role="alert" align="flex-start">
        <Title order={1}>{ts('pageLoadFailedTitle')}</Title>
        <Text>{ts('pageLoadFailed')}</Text>
        <Button onClick={() => window.location.reload()} disabled={!online}>
          {t('retry')}
        </Button>
      </Stack>
    );
  return (
    <Stack>
      <Title order={1}>{t('errorTitle')}</Title>
      <QueryError
        error={error}
        onRetry={() => {
          // Drop what the failed page had cached (it may be what made it fail), then render it again.
          queryClient.removeQueries({ type: 'inactive' });
          void revalidator.revalidate();
        }}
      />
      <Button component={Link} to="/" variant="default" w="fit-content">
        {t('backHome')}
      </Button>
    </Stack>
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
