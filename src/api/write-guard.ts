import { type DefaultError, type UseMutationOptions, type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { ApiError, NetworkError } from './client';

/**
 * The mutation policy every form that writes follows, so each write happens exactly once:
 * - one at a time: a second submit while one is in flight (double click, Enter or Ctrl+S pressed twice,
 *   a click while the first answer is on its way) is refused, whatever the button's state shows;
 * - offline: the write waits for the connection (`networkMode: 'online'`, `waiting` is true) instead of failing;
 *   it starts by itself, once, when the browser is back online;
 * - no retry here: repeating an idempotent PUT/DELETE after a lost connection is the client's job
 *   (src/api/client.ts), and a POST is never repeated automatically (see `isOutcomeUnknown`).
 *
 * Adopting it: use `useSafeMutation` where a resource hook used `useMutation`; a form may use `submit`
 * (false when refused), `busy` (lock the save controls) and `waiting` (say "waiting for the connection").
 * A create also wraps its POST in `createOnce` (create-outcome.ts) and shows `CreateOutcomeNotice` when the
 * answer was lost; a record form notes its PUTs in own-writes.ts so its conflict check knows them.
 */
export type SafeMutation<TData, TVariables, TContext = unknown> = UseMutationResult<TData, DefaultError, TVariables, TContext> & {
  /** Starts the write unless one is in flight; false when refused. */
  submit: (variables: TVariables, callbacks?: SubmitCallbacks<TData, TVariables>) => boolean;
  /** In flight (sending, or waiting for the connection): lock the form and its save controls. */
  busy: boolean;
  /** Paused until the browser is online again. */
  waiting: boolean;
};

type SubmitCallbacks<TData, TVariables> = {
  onSuccess?: (data: TData, variables: TVariables) => void;
  onError?: (error: DefaultError, variables: TVariables) => void;
};

/**
 * `useMutation` with the policy above. `mutate` ignores a call while one is in flight; `mutateAsync` hands a
 * second caller the promise of the write already in flight instead of starting another. So swapping
 * `useMutation` for this hook makes every existing caller (button, Enter, hotkey) safe without changes.
 */
export function useSafeMutation<TData = unknown, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, DefaultError, TVariables, TContext>,
): SafeMutation<TData, TVariables, TContext> {
  const mutation = useMutation<TData, DefaultError, TVariables, TContext>({ networkMode: 'online', retry: false, ...options });
  // A ref, not the mutation's state: two clicks in one frame both see `isPending === false`.
  const inFlight = useRef<Promise<TData> | null>(null);
  const start = mutation.mutateAsync;
  type Args = Parameters<typeof start>;
  const mutateAsync = useCallback(
    (...args: Args) => {
      if (inFlight.current) return inFlight.current;
      const running = start(...args).finally(() => {
        inFlight.current = null;
      });
      inFlight.current = running;
      return running;
    },
    [start],
  ) as typeof start;
  const mutate = useCallback(
    (...args: Args) => {
      if (!inFlight.current) mutateAsync(...args).catch(() => {}); // errors go to the callbacks and the state
    },
    [mutateAsync],
  ) as typeof mutation.mutate;
  const submit = useCallback(
    (variables: TVariables, callbacks: SubmitCallbacks<TData, TVariables> = {}) => {
      if (inFlight.current) return false;
      const options = {
        onSuccess: (data: TData, vars: TVariables) => callbacks.onSuccess?.(data, vars),
        onError: (error: DefaultError, vars: TVariables) => callbacks.onError?.(error, vars),
      };
      mutate(...([variables, options] as unknown as Args));
      return true;
    },
    [mutate],
  );
  return { ...mutation, mutate, mutateAsync, submit, busy: mutation.isPending, waiting: mutation.isPaused };
}

/**
 * Did the server perhaps do it? True when no answer came back (connection reset, offline, timed out) or a
 * proxy answered instead (502/504): the write may have been stored. Copernica has no idempotency keys, so a
 * create with this outcome must be looked up, never sent again blindly (docs/api/conventions.md §12).
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 502 || error.status === 504;
  // The client reports a missing answer as a NetworkError (a bare fetch() rejects with a TypeError).
  return error instanceof NetworkError || error instanceof TypeError;
}
