import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { LocaleProvider, useLocale } from '@/i18n/i18n';
import { appQueryClient } from './app-query-client';
import { createAppTheme, cssVariablesResolver } from './theme';

// Toasts wait in Mantine's notifications store until this container mounts, so it need not be in the entry chunk.
const Notifications = lazy(() => import('@mantine/notifications').then((m) => ({ default: m.Notifications })));

function ThemedApp({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const theme = useMemo(() => createAppTheme(locale), [locale]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Suspense fallback={null}>
        <Notifications position="top-right" />
      </Suspense>
      <QueryClientProvider client={appQueryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <LocaleProvider>
      <ThemedApp>{children}</ThemedApp>
    </LocaleProvider>
  );
}
