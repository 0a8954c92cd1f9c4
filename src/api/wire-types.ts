/**
 * The shapes of Copernica's answers as the screens use them, after the response schemas in `schemas/` have
 * checked and normalised them. Kept apart from the resource modules so that schemas and resources both
 * depend on these types and not on each other. The resource modules re-export them.
 */

/** Copernica's list wrapper (docs/api/conventions.md §6.1). `total` is absent when asked with `total=false`. */
export type Paged<T> = { start: number; limit: number; count: number; data: T[]; total?: number };

/** Shapes from docs/api/databases.md §0. IDs are strings of digits on the wire. */
export type FieldType =
  | 'text'
  | 'email'
  | 'phone'
  | 'phone_fax'
  | 'phone_gsm'
  | 'integer'
  | 'float'
  | 'date'
  | 'empty_date'
  | 'datetime'
  | 'empty_datetime'
  | 'select'
  | 'big'
  | 'foreign_key';

export type DatabaseField = {
  ID: string;
  name: string;
  type: FieldType | string;
  value: string;
  displayed: boolean;
  ordered: boolean;
  length: string;
  textlines: string;
  hidden: boolean;
  index: boolean;
  lock?: boolean;
};

export type Interest = { ID: string; name: string; group: string };

/** "1 or null" per channel (docs/api/databases.md §0); treated as truthy/falsy. */
export type Intentions = {
  email: number | boolean | null;
  sms: number | boolean | null;
  fax: number | boolean | null;
  pdf: number | boolean | null;
};

export type Collection = { ID: string; name: string; database: string; fields: Paged<DatabaseField>; intentions?: Intentions };

export type Database = {
  ID: string;
  name: string;
  description: string;
  archived: boolean;
  created: string;
  fields: Paged<DatabaseField>;
  interests: Paged<Interest>;
  collections: Paged<Collection>;
  intentions?: Intentions;
};

/** Unsubscribe behaviour of a database or collection (docs/api/databases.md §5; US spelling on the wire). */
export type UnsubscribeBehavior = { behavior: 'nothing' | 'remove' | 'update'; fields: Record<string, string> };

/** GET profile/$id (docs/api/databases.md §0). Field values are always strings; `removed` is false or a timestamp. */
export type Profile = {
  ID: string;
  fields: Record<string, string>;
  interests: string[];
  database: string;
  secret?: string;
  created?: string;
  modified: string;
  removed?: false | string;
};

/** GET subprofile/$id (docs/api/databases.md §0; `secret` comes second on the wire). */
export type Subprofile = {
  ID: string;
  secret?: string;
  fields: Record<string, string>;
  profile: string;
  collection: string;
  created?: string;
  modified: string;
  removed?: false | string;
};
