import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Paged, PageParams } from './paging';

/** Shapes from shared/api/databases.md §0. IDs are strings of digits on the wire. */
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

export type Collection = { ID: string; name: string; database: string; fields: Paged<DatabaseField> };

export type Database = {
  ID: string;
  name: string;
  description: string;
  archived: boolean;
  created: string;
  fields: Paged<DatabaseField>;
  interests: Paged<Interest>;
  collections: Paged<Collection>;
};

export const databaseQueries = {
  all: () => ['databases'] as const,
  lists: () => [...databaseQueries.all(), 'list'] as const,
  list: (page: PageParams) =>
    queryOptions({
      queryKey: [...databaseQueries.lists(), page] as const,
      queryFn: ({ signal }) => api.get<Paged<Database>>('databases', page, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...databaseQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => api.get<Database>(`database/${encodeURIComponent(id)}`, undefined, signal),
    }),
};
