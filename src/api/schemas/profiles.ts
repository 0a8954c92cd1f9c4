import * as z from 'zod/mini';
import type { ResponseSchema } from '../client';
import type { Interest, Paged, Profile, Subprofile } from '../wire-types';
import { id, paged, text } from './common';
import { interestSchema } from './databases';

/** Field values are strings on the wire; "" for empty (docs/api/databases.md §0). */
const fieldValues = z.record(z.string(), text);
/** `removed` is false or the time of removal. */
const removed = z.optional(z.nullable(z.union([z.literal(false), z.string()])));
const noNull = <T>(v: T | null) => v ?? undefined;

/** With `dataonly` a list leaves out `database`, `secret`, `created` and `removed`. */
export const profileSchema = z.pipe(
  z.looseObject({
    ID: id,
    fields: fieldValues,
    interests: z.optional(z.array(z.string())),
    database: z.optional(id),
    secret: z.optional(text),
    created: z.optional(text),
    modified: text,
    removed,
  }),
  z.transform((p): Profile => ({ ...p, interests: p.interests ?? [], database: p.database ?? '', removed: noNull(p.removed) })),
);

export const subprofileSchema = z.pipe(
  z.looseObject({
    ID: id,
    fields: fieldValues,
    profile: id,
    collection: id,
    secret: z.optional(text),
    created: z.optional(text),
    modified: text,
    removed,
  }),
  z.transform((s) => ({ ...s, removed: noNull(s.removed) })),
);

export const profileSchemas = {
  profile: profileSchema satisfies ResponseSchema<Profile>,
  profiles: paged(profileSchema) satisfies ResponseSchema<Paged<Profile>>,
  fieldValues: fieldValues satisfies ResponseSchema<Record<string, string>>,
  interestObjects: z.array(interestSchema) satisfies ResponseSchema<Interest[]>,
  subprofile: subprofileSchema satisfies ResponseSchema<Subprofile>,
  subprofiles: paged(subprofileSchema) satisfies ResponseSchema<Paged<Subprofile>>,
};
