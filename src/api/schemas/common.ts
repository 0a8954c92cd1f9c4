import * as z from 'zod/mini';
import type { ResponseSchema } from '../client';
import type { Paged } from '../wire-types';

/**
 * Building blocks for checking the API's answers at the boundary. Lenient where Copernica is: extra keys
 * are kept, IDs and counters may come as strings or numbers (docs/api/conventions.md §10), documented
 * nullable values become "". Strict where the screens depend on it: objects are objects, lists are lists.
 */

/** An ID: a string of digits on the wire, a number now and then. */
export const id = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((v) => String(v)),
);

/** A text value that may be missing, null or numeric; the screens treat all of them as text. */
export const text = z.pipe(
  z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()]))),
  z.transform((v) => (v === undefined || v === null ? '' : String(v))),
);

/** A yes/no that Copernica may send as a boolean, 0/1 or "0"/"1". */
export const flag = z.pipe(
  z.optional(z.nullable(z.union([z.boolean(), z.number(), z.string()]))),
  z.transform((v) => v === true || v === 1 || v === '1' || v === 'true' || v === 'yes'),
);

/** A count: a number or a numeric string. */
export const count = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((v) => Number(v) || 0),
);

/** Copernica's list wrapper (docs/api/conventions.md §6.1); `total` is absent with `total=false`. */
export function paged<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({
    start: count,
    limit: count,
    count: count,
    total: z.optional(count),
    data: z.array(item),
  });
}

/** Any JSON object (the answer is normalised elsewhere); `null`, arrays and scalars are refused. */
export const anyObject = z.record(z.string(), z.unknown());

/** A list of IDs (`…/subprofileids`, `…/profileids`): numbers or strings on the wire. */
export const idList = z.array(id);

/**
 * For resources without an item schema yet: the wrapper is checked and every item must be an object, so
 * `null`, HTML or `{"foo":1}` fail here, not in a component. The item type stays the caller's promise.
 */
export function looseList<T>(): ResponseSchema<Paged<T>> {
  return paged(anyObject) as unknown as ResponseSchema<Paged<T>>;
}

/** The same for a single object. */
export function looseEntity<T>(): ResponseSchema<T> {
  return anyObject as unknown as ResponseSchema<T>;
}
