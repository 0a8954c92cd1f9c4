import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '@/test/render';
import { ApiError, api, isAlreadyGone, setUnauthorizedHandler, toQueryString } from './client';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  setUnauthorizedHandler(() => {});
});

describe('toQueryString', () => {
  it('repeats arrays as key[] (the fields filter) and skips undefined', () => {
    expect(toQueryString({ start: 0, limit: 100, total: false, fields: ['age>=18', 'city==Delft'], x: undefined })).toBe(
      '?start=0&limit=100&total=false&fields%5B%5D=age%3E%3D18&fields%5B%5D=city%3D%3DDelft',
    );
    expect(toQueryString({})).toBe('');
  });
});

describe('api', () => {
  it('sends the orrery header to the same-origin gateway and parses JSON', async () => {
    const calls = stubFetch(() => json({ start: 0, limit: 100, count: 0, data: [], total: 0 }));
    const page = await api.get('databases', { start: 0 });
    expect(page).toEqual({ start: 0, limit: 100, count: 0, data: [], total: 0 });
    expect(calls[0]?.url.pathname).toBe('/api/v3/databases');
    expect(new Headers(calls[0]?.init?.headers).get('X-Requested-With')).toBe('orrery');
  });

  it("throws ApiError with Copernica's message", async () => {
    stubFetch(() => json({ error: { message: 'No database with supplied ID' } }, { status: 400 }));
    const err = await api.get('database/999').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, message: 'No database with supplied ID' });
  });

  it('keeps the status text when the body is not JSON (load balancer pages)', async () => {
    stubFetch(() => new Response('<html>Refused</html>', { status: 403, statusText: 'Forbidden' }));
    await expect(api.get('databases')).rejects.toMatchObject({ status: 403, message: 'Forbidden' });
  });

  it('calls the unauthorized handler on 401', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    stubFetch(() => json({ error: { message: 'Not signed in' } }, { status: 401 }));
    await expect(api.get('databases')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('reads the new ID from X-Created, or from X-location', async () => {
    stubFetch(() => new Response(null, { status: 201, headers: { 'X-Created': '42' } }));
    await expect(api.post('database/1/profiles', { fields: {} })).resolves.toEqual({ createdId: '42', deleted: undefined });
    stubFetch(() => new Response(null, { status: 201, headers: { 'X-location': 'https://api.copernica.com/v3/profile/77' } }));
    await expect(api.post('database/1/profiles', { fields: {} })).resolves.toMatchObject({ createdId: '77' });
  });

  it('treats an empty 204 and the v2-style 303 as success', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    await expect(api.put('profile/1/fields', { a: 'b' })).resolves.toEqual({ createdId: undefined, deleted: undefined });
    stubFetch(() => new Response(null, { status: 303, headers: { Location: '/profile/1' } }));
    await expect(api.put('profile/1/fields', { a: 'b' })).resolves.toBeDefined();
  });
});

describe('isAlreadyGone', () => {
  it('recognises the removed-entity messages', () => {
    expect(isAlreadyGone(new ApiError(400, 'This profile has already been removed'))).toBe(true);
    expect(isAlreadyGone(new ApiError(400, 'No entity with supplied ID'))).toBe(false);
  });
});
