import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { ProfilesPage } from './ProfilesPage';

const wrap = (items: unknown[]) => ({ start: 0, limit: 1000, count: items.length, data: items, total: items.length });
const field = (ID: string, name: string, type = 'text') => ({
  ID,
  name,
  type,
  value: '',
  displayed: true,
  ordered: false,
  length: '255',
  textlines: '1',
  hidden: false,
  index: false,
});
const database = {
  ID: '1',
  name: 'Customers',
  description: '',
  archived: false,
  created: '2024-01-01 00:00:00',
  fields: wrap([field('1', 'email', 'email'), field('2', 'age', 'integer')]),
  interests: wrap([]),
  collections: wrap([]),
};
const profile = (id: number) => ({
  ID: String(id),
  fields: { email: `p${id}@example.org`, age: '40' },
  interests: [],
  database: '1',
  modified: '2024-03-01 10:00:00',
});

describe('ProfilesPage', () => {
  it('browses with total=false, asks for the total separately, and maps URL filters to fields[]', async () => {
    let releaseTotal: (() => void) | undefined;
    const calls = stubFetch((url) => {
      if (url.pathname === '/api/v3/database/1') return json(database);
      if (url.pathname === '/api/v3/database/1/profiles' && url.searchParams.get('total') === 'false')
        return json({ start: 0, limit: 100, count: 2, data: [profile(7), profile(8)] });
      if (url.pathname === '/api/v3/database/1/profiles')
        return new Promise((resolve) => {
          releaseTotal = () => resolve(json({ start: 0, limit: 1, count: 1, data: [profile(7)], total: 123456 }));
        });
      return undefined;
    });
    renderWithProviders(<ProfilesPage />, {
      route: '/databases/1/profiles?f=age%3E%3D18&q=example&orderby=age&order=desc',
      path: '/databases/:databaseId/profiles',
    });

    // Rows arrive while the count is still pending; rows open through real links.
    expect(await screen.findByRole('link', { name: '7' })).toHaveAttribute('href', '/databases/1/profiles/7');
    expect(screen.getByTestId('profiles-total')).toHaveTextContent('Counting');
    releaseTotal?.();
    expect(await screen.findByText(/123,456 profiles/)).toBeInTheDocument();

    const list = calls.find((c) => c.url.searchParams.get('total') === 'false');
    expect(list?.url.searchParams.getAll('fields[]')).toEqual(['age>=18', 'email=~%example%']);
    expect(list?.url.searchParams.get('orderby')).toBe('age');
    expect(list?.url.searchParams.get('order')).toBe('desc');
    expect(screen.getByRole('columnheader', { name: /age/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('tells an empty database from a filter without matches', async () => {
    stubFetch((url) => {
      if (url.pathname === '/api/v3/database/1') return json(database);
      return json({ start: 0, limit: 100, count: 0, data: [], total: 0 });
    });
    renderWithProviders(<ProfilesPage />, {
      route: '/databases/1/profiles?f=age%3D%3D1',
      path: '/databases/:databaseId/profiles',
      locale: 'nl',
    });
    expect(await screen.findByText('Geen enkel profiel voldoet aan dit filter.')).toBeInTheDocument();
  });

  it("shows Copernica's message when the list fails", async () => {
    stubFetch((url) => {
      if (url.pathname === '/api/v3/database/1') return json(database);
      return json({ error: { message: 'No database with supplied ID' } }, { status: 400 });
    });
    renderWithProviders(<ProfilesPage />, { route: '/databases/1/profiles', path: '/databases/:databaseId/profiles' });
    expect(await screen.findByRole('alert')).toHaveTextContent('No database with supplied ID');
  });
});
