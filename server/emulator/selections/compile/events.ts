// Conditions about interests, other sets and events (docs/api/selections.md §6.3).
import { subprofileTable } from '../../core/storage.ts';
import type { Props } from '../condition-types.ts';
import { resolveWindow, type Window } from '../time-window.ts';
import { compareCount, compileEmailResults } from './email.ts';
import { and, type CompileEnv, FALSE, inWindow, lit, not, or, type Pred, type RowScope, TRUE } from './sql.ts';

/**
 * Interest: has (or lacks) an interest, or any interest of a group (group resolved to interest IDs here).
 * Views only (subprofiles have none). As the only condition of a view, `id IN (holders)` lets SQLite start
 * from the interest index; next to other conditions a correlated EXISTS on the (profile, interest) key is
 * cheaper than building the holder list (measured on 1M profiles, see bench/emulator-selections.bench.ts).
 */
export function compileInterest(env: CompileEnv, scope: RowScope, props: Props, alone: boolean): Pred {
  const mode = String(props['match-mode']);
  const without = mode.includes('without');
  let ids: number[];
  if (mode.includes('group')) {
    const rows = env.db
      .prepare('SELECT id FROM interests WHERE database_id = ? AND group_name = ? COLLATE NOCASE ORDER BY id')
      .all(scope.databaseId, String(props['interest-group'] ?? '')) as { id: number }[];
    ids = rows.map((r) => r.id);
  } else {
    ids = typeof props.interest === 'number' ? [props.interest] : []; // a deleted interest is held by nobody
  }
  if (ids.length === 0) return () => (without ? TRUE : FALSE);
  const list = ids.length === 1 ? `= ${ids[0]}` : `IN (${ids.join(', ')})`;
  if (alone) return (a) => `${a}.id ${without ? 'NOT IN' : 'IN'} (SELECT profile_id FROM profile_interests WHERE interest_id ${list})`;
  return (a) =>
    `${without ? 'NOT ' : ''}EXISTS (SELECT 1 FROM profile_interests pi WHERE pi.profile_id = ${a}.id AND pi.interest_id ${list})`;
}

/** ReferView: in (or not in) another view; a deleted view is an empty set (docs/api/selections.md V5). */
export function compileReferView(env: CompileEnv, props: Props, target: number | null): Pred {
  const set = target === null ? null : env.referencedSet('view', target);
  const inside = props['check-type'] !== 'no';
  if (!set) return () => (inside ? FALSE : TRUE);
  return (a) => `${a}.id ${inside ? 'IN' : 'NOT IN'} (SELECT ${set.alias}.id FROM ${set.source})`;
}

const count = (raw: unknown, fallback: number) => (typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : fallback);

/**
 * MiniView: the number c of the profile's subprofiles in the miniview lies in [min, max] (defaults 1 and
 * unbounded). Grouping the miniview once beats a correlated COUNT per profile. Inside a miniview the
 * subject is one subprofile, so c is 0 or 1.
 */
export function compileMiniView(env: CompileEnv, scope: RowScope, props: Props, target: number | null): Pred {
  const min = count(props['min-subprofiles'], 1);
  const max = count(props['max-subprofiles'], Number.POSITIVE_INFINITY);
  if (min > max) return () => FALSE;
  const set = target === null ? null : env.referencedSet('mini', target);
  const zeroMatches = min <= 0;
  if (!set) return () => (zeroMatches ? TRUE : FALSE);
  const { alias: q, source } = set;
  if (scope.level === 'mini') {
    const oneMatches = min <= 1 && max >= 1;
    if (zeroMatches === oneMatches) return () => (oneMatches ? TRUE : FALSE);
    return (a) => `${a}.id ${oneMatches ? 'IN' : 'NOT IN'} (SELECT ${q}.id FROM ${source})`;
  }
  const finiteMax = Number.isFinite(max);
  // Group with a temp b-tree (`+profile_id`): walking the profile_id index instead reads a row per subprofile.
  const grouped = (having: string) => `SELECT ${q}.profile_id FROM ${source} GROUP BY +${q}.profile_id HAVING ${having}`;
  if (zeroMatches) {
    if (!finiteMax) return () => TRUE;
    return (a) => `${a}.id NOT IN (${grouped(`COUNT(*) > ${max}`)})`;
  }
  // "Has any" (the usual 1..999) needs no counting.
  if (min <= 1 && !finiteMax) return (a) => `${a}.id IN (SELECT ${q}.profile_id FROM ${source})`;
  return (a) => `${a}.id IN (${grouped(finiteMax ? `COUNT(*) BETWEEN ${min} AND ${max}` : `COUNT(*) >= ${min}`)})`;
}

/** Subprofiles (of any collection of the database) that satisfy `test`, as a set of profile IDs. */
function subprofileEvents(env: CompileEnv, scope: RowScope, test: (s: string) => string): string | null {
  const collections = env.db.prepare('SELECT id FROM collections WHERE database_id = ? ORDER BY id').all(scope.databaseId) as {
    id: number;
  }[];
  if (collections.length === 0) return null;
  return collections.map((c) => `SELECT s.profile_id FROM ${subprofileTable(c.id)} s WHERE ${test('s')}`).join(' UNION ALL ');
}

/**
 * Change (docs/api/selections.md §6.3), from the core's change log (profile_field_changes, profile_interest_changes,
 * subprofile_field_changes: one row per real change made through the API, stamped like `modified`) and the
 * record timestamps: new = created in the window; field = a logged change of the field (any field without
 * one); interest / gotinterest / lostinterest = a logged change (gain / loss) of the interest (any without
 * one); edit = a logged field or interest change in the window, or — for edits the log does not hold, such as
 * demo data — modified in the window and not just created; subprofile events from the subprofiles' created /
 * removed and their edits the same way. `any` = any of these. Subprofiles have no interests. Every log
 * lookup is a non-correlated `IN (SELECT … )` on a covering index, run once per statement.
 */
export function compileChange(env: CompileEnv, scope: RowScope, props: Props): Pred {
  const w: Window = resolveWindow(props, env.now);
  const type = String(props['change-type']);
  const mini = scope.level === 'mini';
  const inLog = (table: string, column: string, where: string[]): Pred => {
    const test = and([...where, inWindow('ts', w)]);
    return (a) => `${a}.id IN (SELECT ${column} FROM ${table}${test === TRUE ? '' : ` WHERE ${test}`})`;
  };
  const fieldLog = (fieldId: unknown, sub: boolean): Pred =>
    inLog(
      sub ? 'subprofile_field_changes' : 'profile_field_changes',
      sub ? 'subprofile_id' : 'profile_id',
      typeof fieldId === 'number' ? [`field_id = ${lit(fieldId)}`] : [],
    );
  const interestLog = (gained: 0 | 1 | null): Pred => {
    if (mini) return () => FALSE;
    const where = typeof props.interest === 'number' ? [`interest_id = ${lit(props.interest)}`] : [];
    if (gained !== null) where.push(`gained = ${gained}`);
    return inLog('profile_interest_changes', 'profile_id', where);
  };
  const created: Pred = (a) => inWindow(`${a}.created`, w);
  const editedAt = (a: string) => and([inWindow(`${a}.modified`, w), `${a}.modified <> ${a}.created`]);
  const anyField = fieldLog(null, mini);
  const anyInterest = interestLog(null);
  const edited: Pred = (a) => or([editedAt(a), anyField(a), anyInterest(a)]);
  const subFieldLog = fieldLog(null, true);
  const sub = (test: (s: string) => string): Pred => {
    if (mini) return () => FALSE;
    const set = subprofileEvents(env, scope, test);
    return set ? (a) => `${a}.id IN (${set})` : () => FALSE;
  };
  const positive: Record<string, Pred> = {
    new: created,
    edit: edited,
    newsubprofile: sub((s) => inWindow(`${s}.created`, w)),
    editsubprofile: sub((s) => or([editedAt(s), subFieldLog(s)])),
    removesubprofile: sub((s) => and([`${s}.removed IS NOT NULL`, inWindow(`${s}.removed`, w)])),
    field: fieldLog(props.field, mini),
    interest: anyInterest,
    gotinterest: interestLog(1),
    lostinterest: interestLog(0),
  };
  const anyChange: Pred = (a) =>
    or(['new', 'edit', 'newsubprofile', 'editsubprofile', 'removesubprofile'].map((k) => (positive[k] as Pred)(a)));
  if (type === 'any') return anyChange;
  if (type === 'none') return (a) => not(anyChange(a));
  const direct = positive[type];
  if (direct) return direct;
  const negated = positive[type.replace(/^no(t?)/, '')];
  return negated ? (a) => not(negated(a)) : () => FALSE;
}

/** Email: Publisher e-mail results (email.ts); without the emailings data the empty-history rule applies. */
export function compileEmail(env: CompileEnv, scope: RowScope, props: Props): Pred {
  return compileEmailResults(env, scope, props) ?? compileStoreOnly('Email', props);
}

/**
 * Types without data in the emulator (Export, Sms, Fax, Survey, LastContact, ToDo, and Email when the emailings
 * module is absent): evaluated against an empty history, so positive modes select nobody and negative modes
 * everyone (docs/api/selections.md §6.3, last paragraph).
 */
export function compileStoreOnly(type: string, props: Props): Pred {
  const mode = String(props['match-mode'] ?? '');
  let everyone: boolean;
  switch (type) {
    case 'Export':
      everyone = props['include-never-exported-profiles'] === true;
      break;
    case 'Survey':
      everyone = ['none', 'noprofile', 'nosubprofile'].includes(String(props.submitter));
      break;
    case 'LastContact':
    case 'ToDo':
      everyone = mode === 'match_not_contacted_profiles';
      break;
    default: {
      // Email, Sms, Fax: nothing was ever received, so n = 0 for everyone.
      if (mode.endsWith('_nothing') || mode.endsWith('_not_document')) return () => TRUE;
      const zero = compareCount('0', props.operator, props.number);
      return () => zero;
    }
  }
  return () => (everyone ? TRUE : FALSE);
}
