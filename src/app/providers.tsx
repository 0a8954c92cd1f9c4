import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { LocaleProvider, useLocale } from '@/i18n/i18n';
import { appQueryClient } from './app-query-client';
import { createAppTheme, cssVariablesResolver } from './theme';

function ThemedApp({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const theme = useMemo(() => createAppTheme(locale), [locale]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
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
