import type { ResponseSchema } from '../client';
import type { RawEmailing, RawStatistics } from '../emailing-shapes';
import type { Paged } from '../wire-types';
import { anyObject, paged } from './common';

/**
 * Emailings mix strings and numbers and differ between Publisher and Marketing Suite (docs/api/emailings.md
 * §2); emailing-shapes.ts normalises the values. Here only what normalising relies on: objects, and lists
 * that are lists.
 */
export const emailingSchemas = {
  object: anyObject satisfies ResponseSchema<RawStatistics>,
  emailing: anyObject as ResponseSchema<RawEmailing>,
  list: paged(anyObject) as ResponseSchema<Paged<RawEmailing>>,
};
