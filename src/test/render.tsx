import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { theme } from '@/app/theme';
import { type Locale, LocaleProvider } from '@/i18n/i18n';

type Options = { route?: string; path?: string; locale?: Locale };

// Module-level provider component: a fresh QueryClient per rendered tree, no retries.
function TestProviders({ children, route = '/', path, locale = 'en' }: Options & { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }));
  return (
    <LocaleProvider locale={locale}>
      <MantineProvider theme={theme} env="test">
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={[route]}>
            {path ? (
              <Routes>
                <Route path={path} element={children} />
              </Routes>
            ) : (
              children
            )}
          </MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>
    </LocaleProvider>
  );
}

export function renderWithProviders(ui: ReactNode, options: Options = {}) {
  return render(<TestProviders {...options}>{ui}</TestProviders>);
}

/** A `fetch` stand-in that answers by URL; unknown requests fail loudly. */
export function stubFetch(handler: (url: URL, init: RequestInit | undefined) => Response | Promise<Response> | undefined) {
  const calls: { url: URL; init: RequestInit | undefined }[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    calls.push({ url, init });
    const res = await handler(url, init);
    if (!res) throw new Error(`unexpected request ${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    return res;
  };
  globalThis.fetch = fn as typeof fetch;
  return calls;
}

export function json(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });
}
