import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DatabaseField } from '@/api/databases';
import { profileQueries } from '@/api/profiles';
import { emailField } from '../fields/field-values.utils';
import { type FilterRule, quickSearchRule, toFieldsParam } from './filter.utils';
import { type ListState, parseListState, toListQuery, toSearchParams } from './list-state.utils';

/** The URL's filters plus the quick search (on the e-mail field when there is one). */
function listRules(state: ListState, fields: DatabaseField[] | undefined): FilterRule[] {
  const email = fields ? emailField(fields)?.name : undefined;
  const quick = quickSearchRule(state.q, email);
  return [...state.filters, ...(quick ? [quick] : [])];
}

/** The list's `fields[]` filter. */
function listFilter(state: ListState, fields: DatabaseField[] | undefined) {
  return { ...toFieldsParam(listRules(state, fields), fields ?? []), rules: listRules(state, fields) };
}

/** The page query and the total for a list URL; the route loader prefetches exactly these. */
export function profileListQueries(databaseId: string, params: URLSearchParams, fields: DatabaseField[]) {
  const state = parseListState(params);
  const filter = listFilter(state, fields);
  return [profileQueries.list(databaseId, toListQuery(state, filter.fields)), profileQueries.total(databaseId, filter.fields)] as const;
}

/** URL state → the `fields[]` filter → the page query and the separately fetched total. */
export function useProfileList(databaseId: string, fields: DatabaseField[] | undefined) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params), [params]);
  const filter = useMemo(() => listFilter(state, fields), [state, fields]);
  const enabled = fields !== undefined;
  const list = useQuery({ ...profileQueries.list(databaseId, toListQuery(state, filter.fields)), enabled });
  const total = useQuery({ ...profileQueries.total(databaseId, filter.fields), enabled });
  const setState = (next: ListState) => setParams(toSearchParams(next));
  return { state, setState, filter, list, total };
}
