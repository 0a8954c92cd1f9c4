import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { getState, scheduleDelete, sendAllPending, sendLeftBehind, UNDO_WINDOW_MS, undoDelete } from './queue';

type Call = { url: string; method: string; keepalive: boolean };
let calls: Call[];
let answer: () => Response;

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  answer = () => new Response(null, { status: 204 });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET', keepalive: init.keepalive === true });
    return answer();
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const request = (path: string, route = '/list') => ({ path, label: path, route });

describe('undoable delete queue', () => {
  test('Undo within the window sends no request at all', async () => {
    scheduleDelete(request('profile/1'));
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS - 1);
    expect(undoDelete('profile/1')).toBe(true);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 3);
    expect(calls).toEqual([]);
    expect(getState().pending).toEqual([]);
  });

  test('without Undo exactly one DELETE goes out when the window ends, even after a double click', async () => {
    const settled = vi.fn();
    scheduleDelete({ ...request('profile/2'), onSettled: settled });
    scheduleDelete(request('profile/2'));
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS - 1);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ url: '/api/v3/profile/2', method: 'DELETE', keepalive: false }]);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 3);
    expect(calls).toHaveLength(1);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(undoDelete('profile/2')).toBe(false);
  });

  test('leaving the page sends at once with keepalive, once; the timer does not send it again', async () => {
    scheduleDelete(request('subprofile/3'));
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ url: '/api/v3/subprofile/3', method: 'DELETE', keepalive: true }]);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 2);
    expect(calls).toHaveLength(1);
  });

  test('a route change sends the deletes queued on other pages only', async () => {
    scheduleDelete(request('subprofile/4', '/databases/1/profiles/9'));
    scheduleDelete(request('subprofile/5', '/databases/1/profiles/10'));
    sendLeftBehind('/databases/1/profiles/10');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.url)).toEqual(['/api/v3/subprofile/4']);
    expect(getState().pending.map((p) => p.path)).toEqual(['subprofile/5']);
    undoDelete('subprofile/5');
  });

  test('a failed DELETE leaves the queue (the row shows again) and keeps the API message', async () => {
    answer = () => new Response(JSON.stringify({ error: { message: 'No profile with supplied ID' } }), { status: 400 });
    scheduleDelete(request('profile/6'));
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);
    expect(getState().pending).toEqual([]);
    expect(getState().failed).toEqual([{ path: 'profile/6', label: 'profile/6', message: 'No profile with supplied ID' }]);
  });

  test('"already removed" counts as done, not as a failure', async () => {
    answer = () => new Response(JSON.stringify({ error: { message: 'This profile has already been removed' } }), { status: 400 });
    scheduleDelete(request('profile/7'));
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);
    expect(getState().failed.map((f) => f.path)).not.toContain('profile/7');
  });

  test('signing out sends every queued delete first and waits for the answers', async () => {
    scheduleDelete(request('profile/8'));
    scheduleDelete(request('profile/9'));
    await sendAllPending();
    expect(calls.map((c) => c.url)).toEqual(['/api/v3/profile/8', '/api/v3/profile/9']);
    expect(getState().pending).toEqual([]);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 2);
    expect(calls).toHaveLength(2);
  });
});
