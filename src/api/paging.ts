import * as z from 'zod/mini';
import { api, type Query, type ResponseSchema } from './client';
import { paged } from './schemas/common';
import type { Paged } from './wire-types';

export type { Paged } from './wire-types';

export type PageParams = { start: number; limit: number };

export const MAX_PAGE_SIZE = 1000;

export type FetchAllProgress = { fetched: number; total?: number };

type FetchAllOptions = { signal?: AbortSignal; onProgress?: (p: FetchAllProgress) => void };

/** The wrapper is always checked; items only when the caller knows their shape. */
const anyPage = paged(z.unknown());

/**
 * Reads a whole list, 1000 per request (the documented maximum), asking `total` once so a progress bar
 * can show how far it is. Aborts between and during requests via `signal`; the client waits out 429s.
 * For (sub)profiles prefer `byId`: it iterates by ID (`orderby=id` + `fields[]=id>LAST`), which
 * docs/api/conventions.md §6.3 recommends over large offsets on a list that may change meanwhile.
 */
export async function fetchAll<T>(
  path: string,
  query: Query,
  opts?: FetchAllOptions & { byId?: false; page?: ResponseSchema<Paged<T>> },
): Promise<T[]>;
export async function fetchAll<T extends { ID: string }>(
  path: string,
  query: Query,
  opts: FetchAllOptions & { byId: true; page?: ResponseSchema<Paged<T>> },
): Promise<T[]>;
export async function fetchAll<T>(
  path: string,
  query: Query,
  opts: FetchAllOptions & { byId?: boolean; page?: ResponseSchema<Paged<T>> } = {},
): Promise<T[]> {
  const schema = opts.page ?? (anyPage as ResponseSchema<Paged<T>>);
  const out: T[] = [];
  let total: number | undefined;
  const baseFilters = (query.fields as readonly string[] | undefined) ?? [];
  for (let start = 0, lastId = 0; ; ) {
    opts.signal?.throwIfAborted();
    const pageQuery: Query = opts.byId
      ? {
          ...query,
          orderby: 'id',
          order: 'asc',
          start: 0,
          limit: MAX_PAGE_SIZE,
          fields: [...baseFilters, `id>${lastId}`],
          total: total === undefined,
        }
      : { ...query, start, limit: MAX_PAGE_SIZE, total: total === undefined };
    const page = await api.get(path, pageQuery, opts.signal, schema);
    if (total === undefined) total = page.total;
    out.push(...page.data);
    opts.onProgress?.({ fetched: out.length, total });
    if (page.count < MAX_PAGE_SIZE || page.data.length === 0 || (!opts.byId && total !== undefined && out.length >= total)) return out;
    start += page.count;
    lastId = Number((page.data[page.data.length - 1] as { ID?: string } | undefined)?.ID ?? lastId);
  }
}
