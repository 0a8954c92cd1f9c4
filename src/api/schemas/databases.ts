import * as z from 'zod/mini';
import type { ResponseSchema } from '../client';
import type { Collection, Database, DatabaseField, Intentions, Interest, Paged, UnsubscribeBehavior } from '../wire-types';
import { flag, id, paged, text } from './common';

/** Shapes from docs/api/databases.md §0. */

export const fieldSchema = z.looseObject({
  ID: id,
  name: z.string(),
  type: text,
  value: text,
  displayed: flag,
  ordered: flag,
  length: text,
  textlines: text,
  hidden: flag,
  index: flag,
  lock: z.optional(flag),
});

export const interestSchema = z.looseObject({ ID: id, name: z.string(), group: text });

/** "1 or null" per channel: kept as sent, the screens read it as truthy/falsy. */
const channel = z.optional(z.nullable(z.union([z.number(), z.boolean(), z.string()])));
const intentionsSchema = z.optional(
  z.nullable(
    z.pipe(
      z.looseObject({ email: channel, sms: channel, fax: channel, pdf: channel }),
      z.transform(
        (i): Intentions => ({ ...i, email: toChannel(i.email), sms: toChannel(i.sms), fax: toChannel(i.fax), pdf: toChannel(i.pdf) }),
      ),
    ),
  ),
);
function toChannel(v: number | boolean | string | null | undefined): number | boolean | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? Number(v) || null : v;
}
const optionalIntentions = z.pipe(
  intentionsSchema,
  z.transform((i) => i ?? undefined),
);

export const collectionSchema = z.looseObject({
  ID: id,
  name: z.string(),
  database: id,
  fields: paged(fieldSchema),
  intentions: optionalIntentions,
});

export const databaseSchema = z.looseObject({
  ID: id,
  name: z.string(),
  description: text,
  archived: flag,
  created: text,
  fields: paged(fieldSchema),
  interests: paged(interestSchema),
  collections: paged(collectionSchema),
  intentions: optionalIntentions,
});

export const unsubscribeSchema = z.looseObject({
  behavior: z.string(),
  fields: z.optional(z.nullable(z.record(z.string(), text))),
});

// The declared types are what the screens use; these lines make the compiler check the schemas produce them.
export const schemas = {
  database: databaseSchema satisfies ResponseSchema<Database>,
  databases: paged(databaseSchema) satisfies ResponseSchema<Paged<Database>>,
  fields: paged(fieldSchema) satisfies ResponseSchema<Paged<DatabaseField>>,
  interests: paged(interestSchema) satisfies ResponseSchema<Paged<Interest>>,
  collection: collectionSchema satisfies ResponseSchema<Collection>,
  collections: paged(collectionSchema) satisfies ResponseSchema<Paged<Collection>>,
  unsubscribe: z.pipe(
    unsubscribeSchema,
    z.transform((u): UnsubscribeBehavior => ({ ...u, behavior: u.behavior as UnsubscribeBehavior['behavior'], fields: u.fields ?? {} })),
  ) satisfies ResponseSchema<UnsubscribeBehavior>,
};
