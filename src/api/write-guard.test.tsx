import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from './client';
import { isOutcomeUnknown, useSafeMutation } from './write-guard';

function wrapper() {
  const client = new QueryClient();
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function deferred() {
  let resolve: (v: string) => void = () => {};
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('useSafeMutation', () => {
  afterEach(() => onlineManager.setOnline(true));

  it('refuses a second submit while the first is in flight, also within the same tick', async () => {
    const pending = deferred();
    const write = vi.fn(() => pending.promise);
    const { result } = renderHook(() => useSafeMutation({ mutationFn: write }), { wrapper: wrapper() });
    let accepted: boolean[] = [];
    act(() => {
      accepted = [result.current.submit(undefined), result.current.submit(undefined)];
    });
    expect(accepted).toEqual([true, false]);
    await waitFor(() => expect(result.current.busy).toBe(true));
    expect(result.current.submit(undefined)).toBe(false);
    await act(async () => pending.resolve('ok'));
    await waitFor(() => expect(result.current.busy).toBe(false));
    expect(write).toHaveBeenCalledTimes(1);
    // Once settled, the next submit goes through.
    act(() => void result.current.submit(undefined));
    await waitFor(() => expect(write).toHaveBeenCalledTimes(2));
  });

  it('guards plain mutate() and mutateAsync() too: existing callers get one write', async () => {
    const pending = deferred();
    const write = vi.fn(() => pending.promise);
    const { result } = renderHook(() => useSafeMutation({ mutationFn: write }), { wrapper: wrapper() });
    let first: Promise<string> | undefined;
    let second: Promise<string> | undefined;
    act(() => {
      result.current.mutate(undefined);
      result.current.mutate(undefined);
    });
    act(() => {
      first = result.current.mutateAsync(undefined);
      second = result.current.mutateAsync(undefined);
    });
    expect(first).toBe(second); // the second caller waits for the write in flight
    await act(async () => pending.resolve('done'));
    expect(await second).toBe('done');
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('never retries a failed write by itself', async () => {
    const write = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const onError = vi.fn();
    const { result } = renderHook(() => useSafeMutation({ mutationFn: write }), { wrapper: wrapper() });
    act(() => void result.current.submit(undefined, { onError }));
    await waitFor(() => expect(onError).toHaveBeenCalled());
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('offline: waits (paused) without calling the API, then writes exactly once when back online', async () => {
    onlineManager.setOnline(false);
    const write = vi.fn().mockResolvedValue('ok');
    const { result } = renderHook(() => useSafeMutation({ mutationFn: write }), { wrapper: wrapper() });
    act(() => void result.current.submit(undefined));
    await waitFor(() => expect(result.current.waiting).toBe(true));
    expect(result.current.busy).toBe(true);
    expect(result.current.submit(undefined)).toBe(false);
    expect(write).not.toHaveBeenCalled();
    act(() => onlineManager.setOnline(true));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(write).toHaveBeenCalledTimes(1);
  });
});

describe('isOutcomeUnknown', () => {
  it('is true for a lost answer or a proxy error, false for an answer from the API', () => {
    expect(isOutcomeUnknown(new TypeError('Failed to fetch'))).toBe(true);
    expect(isOutcomeUnknown(new NetworkError())).toBe(true);
    expect(isOutcomeUnknown(new NetworkError({ timedOut: true }))).toBe(true);
    expect(isOutcomeUnknown(new ApiError(502, 'Copernica is unavailable'))).toBe(true);
    expect(isOutcomeUnknown(new ApiError(504, 'Copernica did not answer in time'))).toBe(true);
    expect(isOutcomeUnknown(new ApiError(400, 'Invalid value'))).toBe(false);
    expect(isOutcomeUnknown(new ApiError(401, 'Not signed in'))).toBe(false);
  });
});
