// The Email condition over the emailings module's Publisher data (docs/api/selections.md §4.6, §6.3 "Email"):
// tables `emailing`, `destination`, the event tables and `link` (emailings/schema.ts; times are "wall seconds").
//
//   D        = Publisher destinations of the record, sent in the window, optionally of one template / document
//   _nothing / _not_document  → no D at all
//   _something / _document    → n = |{d ∈ D : d has required-result}|, then `n <operator> number`
//
// As for MiniView, D is grouped once per query (not correlated per profile); when n = 0 satisfies the
// comparison, profiles without any destination match too (NOT IN the complement).
import type { Props } from '../condition-types.ts';
import type { Window } from '../time-window.ts';
import { resolveWindow } from '../time-window.ts';
import { and, type CompileEnv, lit, type Pred, type RowScope, TRUE } from './sql.ts';

/**
 * `n <operator> number` for the mailing conditions (defaults `>` and `0`). `<>` is documented as "between":
 * with a range like "2-5" it is an inclusive range, with one number it means "not equal" (§6.3).
 */
export function compareCount(n: string, operator: unknown, number: unknown): string {
  const raw = typeof number === 'string' ? number.trim() : '0';
  const range = /^(-?\d+)\s*-\s*(-?\d+)$/.exec(raw);
  const k = Number.parseInt(raw, 10) || 0;
  switch (operator) {
    case '<':
      return `${n} < ${k}`;
    case '=':
      return `${n} = ${k}`;
    case '!=':
      return `${n} <> ${k}`;
    case '<>':
      return range ? `${n} BETWEEN ${Number(range[1])} AND ${Number(range[2])}` : `${n} <> ${k}`;
    default:
      return `${n} > ${k}`;
  }
}

/** Whether `0 <operator> number` holds (then records that received nothing match as well). */
function zeroSatisfies(operator: unknown, number: unknown): boolean {
  const raw = typeof number === 'string' ? number.trim() : '0';
  const range = /^(-?\d+)\s*-\s*(-?\d+)$/.exec(raw);
  const k = Number.parseInt(raw, 10) || 0;
  if (operator === '<>' && range) return Number(range[1]) <= 0 && 0 <= Number(range[2]);
  return { '<': 0 < k, '=': k === 0, '!=': k !== 0, '<>': k !== 0 }[String(operator)] ?? 0 > k;
}

const wallSeconds = (stamp: string) =>
  Date.UTC(
    +stamp.slice(0, 4),
    +stamp.slice(5, 7) - 1,
    +stamp.slice(8, 10),
    +stamp.slice(11, 13),
    +stamp.slice(14, 16),
    +stamp.slice(17, 19),
  ) / 1000;

const has = (table: string) => `EXISTS (SELECT 1 FROM ${table} x WHERE x.destination = d.internal)`;
const lacks = (table: string) => `NOT ${has(table)}`;

/** SQL test on one destination row `d` for `required-result`. */
function resultTest(props: Props): string {
  const url = String(props['clicked-url'] ?? '');
  switch (props['required-result']) {
    case 'view':
      return has('impression');
    case 'viewnoclick':
      return `${has('impression')} AND ${lacks('click')}`;
    case 'anyclick':
      return has('click');
    case 'clickonurl':
      return `EXISTS (SELECT 1 FROM click x JOIN link l ON l.id = x.link_id WHERE x.destination = d.internal AND instr(l.url, ${lit(url)}) > 0)`;
    case 'noclick':
      return lacks('click');
    case 'error':
      return `EXISTS (SELECT 1 FROM error x WHERE x.destination = d.internal AND ${errorFilter(String(props['required-errors'] ?? ''))})`;
    case 'noerror':
      return lacks('error');
    case 'abuse':
      return has('abuse');
    case 'noabuse':
      return lacks('abuse');
    case 'nothing':
      return ['impression', 'click', 'error', 'abuse'].map(lacks).join(' AND ');
    case 'anything':
      return `(${['impression', 'click', 'error', 'abuse'].map(has).join(' OR ')})`;
    default: // nocheck: just sent
      return TRUE;
  }
}

/** `required-errors`: an error type, `temp` (4xx), `final` (5xx), or an error code; empty = any error. */
function errorFilter(raw: string): string {
  const value = raw.trim();
  if (value === '') return TRUE;
  if (value === 'temp') return `x.errorcode LIKE '4%'`;
  if (value === 'final') return `x.errorcode LIKE '5%'`;
  if (['mailmessage', 'unreachable', 'nocontent', 'nohost', 'nodata', 'privateiprange', 'other'].includes(value))
    return `x.errortype = ${lit(value)}`;
  return `x.errorcode = ${lit(value)}`;
}

/** A publisher template or document by name or ID. */
function byNameOrId(table: string, value: string): string {
  return `(SELECT id FROM ${table} WHERE name = ${lit(value)}${/^\d+$/.test(value) ? ` OR id = ${Number(value)}` : ''})`;
}

/** The destinations D of the condition, as `SELECT owner, internal …`; `owner` = the profile (or subprofile) ID. */
function destinations(scope: RowScope, props: Props, w: Window, withDocument: boolean): string {
  const where = [`e.system = 'publisher'`];
  if (w.lo !== null) where.push(`d.timestampsent >= ${wallSeconds(w.lo)}`);
  if (w.hi !== null) where.push(`d.timestampsent < ${wallSeconds(w.hi)}`);
  const template = String(props.template ?? '').trim();
  if (template !== '') where.push(`e.template_id IN ${byNameOrId('publisher_template', template)}`);
  const document = String(props.document ?? '').trim();
  if (withDocument) where.push(`e.document_id IN ${byNameOrId('publisher_document', document)}`);
  if (scope.level === 'mini') {
    return `SELECT d.subprofile_id AS owner, d.internal FROM destination d JOIN emailing e ON e.id = d.emailing_id WHERE ${and([...where, 'd.subprofile_id IS NOT NULL'])}`;
  }
  const destination = props['required-destination'];
  // Addressed to the profile itself, to one of its subprofiles, or either (§4.6 required-destination).
  const toProfile = `SELECT d.profile_id AS owner, d.internal FROM destination d JOIN emailing e ON e.id = d.emailing_id WHERE ${and([...where, 'd.subprofile_id IS NULL'])}`;
  const toSubprofile = `SELECT s.profile_id AS owner, d.internal FROM destination d JOIN emailing e ON e.id = d.emailing_id JOIN subprofiles s ON s.id = d.subprofile_id WHERE ${and(where)}`;
  if (destination === 'profile') return toProfile;
  if (destination === 'subprofile') return toSubprofile;
  return `${toProfile} UNION ALL ${toSubprofile}`;
}

/** The Email predicate, or null when the emailings data is not there (then the empty-history rule applies). */
export function compileEmailResults(env: CompileEnv, scope: RowScope, props: Props): Pred | null {
  if (!env.hasTable('destination') || !env.hasTable('emailing')) return null;
  const w = resolveWindow(props, env.now);
  const mode = String(props['match-mode']);
  const withDocument = mode.endsWith('_document');
  const all = destinations(scope, props, w, withDocument);
  if (mode.endsWith('_nothing') || mode.endsWith('_not_document')) {
    return (a) => `${a}.id NOT IN (SELECT owner FROM (${all}) WHERE owner IS NOT NULL)`;
  }
  const test = resultTest(props);
  const counted = `SELECT owner, COUNT(*) AS n FROM (${all}) d WHERE owner IS NOT NULL AND ${test} GROUP BY owner`;
  if (zeroSatisfies(props.operator, props.number)) {
    return (a) => `${a}.id NOT IN (SELECT owner FROM (${counted}) WHERE NOT (${compareCount('n', props.operator, props.number)}))`;
  }
  return (a) => `${a}.id IN (SELECT owner FROM (${counted}) WHERE ${compareCount('n', props.operator, props.number)})`;
}
