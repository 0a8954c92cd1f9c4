import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '@/app/query-client';
import { json, stubFetch } from '@/test/render';
import { selectionQueries } from './selections';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const view = (ID: string, name: string, parent: string, hasChildren: boolean) => ({
  ID,
  name,
  'parent-type': parent === 'db' ? 'database' : 'view',
  'parent-id': parent === 'db' ? '1' : parent,
  'has-children': hasChildren,
});
const page = (data: unknown[]) => json({ start: 0, limit: 1000, count: data.length, total: data.length, data });

describe('all views of a database', () => {
  it('walks the tree level by level and names each view by its path', async () => {
    stubFetch((url) => {
      if (url.pathname === '/api/v3/database/1/views') return page([view('10', 'Customers', 'db', true), view('20', 'Leads', 'db', false)]);
      if (url.pathname === '/api/v3/view/10/views') return page([view('11', 'Delft', '10', true)]);
      if (url.pathname === '/api/v3/view/11/views') return page([view('12', 'Opened', '11', false)]);
    });
    const all = await createQueryClient().fetchQuery(selectionQueries.allViews('1'));
    expect(all.map((v) => [v.ID, v.path, v.ancestors])).toEqual([
      ['10', 'Customers', []],
      ['20', 'Leads', []],
      ['11', 'Customers › Delft', ['10']],
      ['12', 'Customers › Delft › Opened', ['10', '11']],
    ]);
  });

  it('leaves out a view removed (by someone else) between listing its parent and listing its children', async () => {
    stubFetch((url) => {
      if (url.pathname === '/api/v3/database/1/views') return page([view('10', 'Customers', 'db', true), view('30', 'Gone', 'db', true)]);
      if (url.pathname === '/api/v3/view/10/views') return page([view('11', 'Delft', '10', false)]);
      if (url.pathname === '/api/v3/view/30/views') return json({ error: { message: 'No view with supplied ID' } }, { status: 400 });
    });
    const all = await createQueryClient().fetchQuery(selectionQueries.allViews('1'));
    expect(all.map((v) => v.path)).toEqual(['Customers', 'Gone', 'Customers › Delft']);
  });

  it('still fails on any other error', async () => {
    stubFetch((url) => {
      if (url.pathname === '/api/v3/database/1/views') return page([view('10', 'Customers', 'db', true)]);
      return json({ error: { message: 'Invalid access token' } }, { status: 403 });
    });
    await expect(createQueryClient().fetchQuery(selectionQueries.allViews('1'))).rejects.toMatchObject({ status: 403 });
  });
});
