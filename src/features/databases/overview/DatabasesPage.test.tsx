import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { DatabasesPage } from './DatabasesPage';

const wrap = (items: unknown[]) => ({ start: 0, limit: 1000, count: items.length, data: items, total: items.length });
const field = (ID: string) => ({
  ID,
  name: `f${ID}`,
  type: 'text',
  value: '',
  displayed: true,
  ordered: false,
  length: '50',
  textlines: '1',
  hidden: false,
  index: false,
});
const db = (ID: string, name: string) => ({
  ID,
  name,
  description: `${name} database`,
  archived: false,
  created: '2024-01-02 10:00:00',
  fields: wrap([field('1'), field('2')]),
  interests: wrap([{ ID: '1', name: 'golf', group: 'sports' }]),
  collections: wrap([]),
});

describe('DatabasesPage', () => {
  it('lists the databases with links', async () => {
    stubFetch((url) =>
      url.pathname === '/api/v3/databases' ? json({ ...wrap([db('1', 'Customers'), db('2', 'Newsletter')]), limit: 100 }) : undefined,
    );
    renderWithProviders(<DatabasesPage />);
    expect(await screen.findByRole('link', { name: 'Customers' })).toHaveAttribute('href', '/databases/1');
    expect(screen.getByRole('link', { name: 'Newsletter' })).toBeInTheDocument();
  });

  it('says so when there are none', async () => {
    stubFetch(() => json({ start: 0, limit: 100, count: 0, data: [], total: 0 }));
    renderWithProviders(<DatabasesPage />, { locale: 'nl' });
    expect(await screen.findByText('Dit account heeft nog geen databases.')).toBeInTheDocument();
  });

  it("shows Copernica's error message", async () => {
    stubFetch(() => json({ error: { message: 'Invalid access token' } }, { status: 400 }));
    renderWithProviders(<DatabasesPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid access token');
  });
});
