// The five time-filter conventions of docs/api/emailings.md §2 and the `fields[]` grammar of docs/api/conventions.md §7,
// turned into SQL conditions. Every event and statistics endpoint accepts all of them (digest's "superset"
// recommendation); the SPA only sends the documented one per endpoint.

import type { Query } from '../core/context.ts';
import { type Condition as CoreCondition, parseCondition as parseCoreCondition, SQL_OP } from '../core/filter.ts';
import { ApiError, intPrefix } from '../core/http.ts';
import { parseWall, timeParam } from './time.ts';

export interface Where {
  sql: string[];
  params: unknown[];
}

export function add(w: Where, sql: string, ...params: unknown[]): void {
  w.sql.push(sql);
  w.params.push(...params);
}

export const emptyWhere = (): Where => ({ sql: [], params: [] });
export const whereSql = (w: Where) => (w.sql.length ? ` WHERE ${w.sql.join(' AND ')}` : '');

export type Condition = CoreCondition;

/** `name<op>value` with the core's grammar (docs/api/conventions.md §7); event property names compare lower-cased. */
export function parseCondition(expression: string): Condition | undefined {
  const c = parseCoreCondition(expression);
  return c && { ...c, name: c.name.toLowerCase() };
}

/** The `fields[]` conditions of a request; a non-array `fields` is ignored (docs/api/conventions.md §7). */
export function conditions(query: Query): Condition[] {
  return (query.list('fields') ?? []).map(parseCondition).filter((c): c is Condition => c !== undefined);
}

/** A condition on a wall-seconds column; LIKE compares the formatted `YYYY-MM-DD hh:mm:ss` text. */
function timeCondition(w: Where, column: string, c: Condition, now: Date): void {
  if (c.op === '=~' || c.op === '!~') {
    w.sql.push(`datetime(${column}, 'unixepoch') ${SQL_OP[c.op]} ?`);
    w.params.push(c.value);
    return;
  }
  const ts = parseWall(c.value, now);
  if (ts === null) throw new ApiError(`Invalid value in fields parameter: ${c.name}${c.op}${c.value}`);
  w.sql.push(`${column} ${SQL_OP[c.op]} ?`);
  w.params.push(ts);
}

function idCondition(w: Where, column: string, c: Condition): void {
  if (c.op === '=~' || c.op === '!~') {
    w.sql.push(`CAST(${column} AS TEXT) ${SQL_OP[c.op]} ?`);
    w.params.push(c.value);
    return;
  }
  w.sql.push(`${column} ${SQL_OP[c.op]} ?`);
  w.params.push(intPrefix(c.value));
}

/**
 * Filters of an event list: `begintime` (inclusive) / `endtime` (exclusive), `fields[]` on `timestamp`
 * and `id` (Publisher), and `from`/`to` dates. Unknown names in `fields[]` are ignored.
 */
export function eventFilter(w: Where, query: Query, now: Date, alias = ''): void {
  const ts = `${alias}ts`;
  const begin = timeParam('begintime', query.get('begintime'), now);
  const end = timeParam('endtime', query.get('endtime'), now);
  if (begin !== undefined) add(w, `${ts} >= ?`, begin);
  if (end !== undefined) add(w, `${ts} < ?`, end);
  for (const c of conditions(query)) {
    if (c.name === 'timestamp') timeCondition(w, ts, c, now);
    else if (c.name === 'id') idCondition(w, `${alias}id`, c);
  }
}

/** Destination lists: `fields[]` on `timestampsent` (and `id`, which compares the internal number). */
export function destinationFilter(w: Where, query: Query, now: Date, alias = ''): void {
  for (const c of conditions(query)) {
    if (c.name === 'timestampsent') timeCondition(w, `${alias}timestampsent`, c, now);
    else if (c.name === 'id' || c.name === 'internal') idCondition(w, `${alias}internal`, c);
  }
}

/** `from` (inclusive) and `to` (exclusive), `YYYY-MM-DD` (docs/api/emailings.md §2: the doc example reads as one day). */
export function periodFilter(w: Where, query: Query, now: Date, column: string): void {
  const from = timeParam('from', query.get('from'), now);
  const to = timeParam('to', query.get('to'), now);
  if (from !== undefined) add(w, `${column} >= ?`, from);
  if (to !== undefined) add(w, `${column} < ?`, to);
}

/** `fromdate` / `todate` on emailing lists: sent at or after / before. */
export function sendDateFilter(w: Where, query: Query, now: Date, column: string): void {
  const from = timeParam('fromdate', query.get('fromdate'), now);
  const to = timeParam('todate', query.get('todate'), now);
  if (from !== undefined) add(w, `${column} >= ?`, from);
  if (to !== undefined) add(w, `${column} < ?`, to);
}

/** A half-open time window [lo, hi) for statistics. */
export interface Window {
  lo: number;
  hi: number;
}

export const ALL_TIME: Window = { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };

/**
 * The window of a statistics call: `begintime`/`endtime`, narrowed by `fields[]` range conditions on
 * `timestamp` and by `from`/`to` (superset). Returns undefined when no time filter is given.
 */
export function statisticsWindow(query: Query, now: Date): Window | undefined {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  let given = false;
  const narrow = (l: number, h: number) => {
    given = true;
    lo = Math.max(lo, l);
    hi = Math.min(hi, h);
  };
  const begin = timeParam('begintime', query.get('begintime'), now);
  const end = timeParam('endtime', query.get('endtime'), now);
  if (begin !== undefined) narrow(begin, Number.POSITIVE_INFINITY);
  if (end !== undefined) narrow(Number.NEGATIVE_INFINITY, end);
  for (const c of conditions(query)) {
    if (c.name !== 'timestamp' || c.op === '=~' || c.op === '!~' || c.op === '!=' || c.op === '<>') continue;
    const ts = parseWall(c.value, now);
    if (ts === null) throw new ApiError(`Invalid value in fields parameter: ${c.name}${c.op}${c.value}`);
    if (c.op === '==') narrow(ts, ts + 1);
    else if (c.op === '<') narrow(Number.NEGATIVE_INFINITY, ts);
    else if (c.op === '<=') narrow(Number.NEGATIVE_INFINITY, ts + 1);
    else if (c.op === '>') narrow(ts + 1, Number.POSITIVE_INFINITY);
    else narrow(ts, Number.POSITIVE_INFINITY);
  }
  const from = timeParam('from', query.get('from'), now);
  const to = timeParam('to', query.get('to'), now);
  if (from !== undefined) narrow(from, Number.POSITIVE_INFINITY);
  if (to !== undefined) narrow(Number.NEGATIVE_INFINITY, to);
  return given ? { lo, hi } : undefined;
}

/** `yes`/`no`/`both` style filters (type, followups, test); anything unknown means "both". */
export function tristate(query: Query, name: string, yes = 'yes', no = 'no'): boolean | undefined {
  const v = query.get(name)?.toLowerCase();
  if (v === yes || v === 'true' || v === '1') return true;
  if (v === no || v === 'false' || v === '0') return false;
  return undefined;
}
