// An independent evaluator of selections in plain JavaScript, written from docs/api/selections.md §5–6 (not from the
// SQL compiler). It works on the request bodies the tests sent and on the rows read back from the tables,
// and mimics only SQLite's *value* rules (NOCASE folds ASCII letters, CAST AS REAL, REAL printed as "3.0").
import { emailTest } from './reference-email.ts';
import { inside, windowOf } from './reference-time.ts';
import type { FieldInfo, RefCondition, RefRule, Row, World } from './world.ts';

type Level = 'view' | 'mini';
const NUMERIC = ['integer', 'float', 'foreign_key'];
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** SQLite's text of a stored value: REAL 3 prints as "3.0". */
export function text(v: unknown, type: string): string {
  if (typeof v === 'number') return type === 'float' && Number.isInteger(v) ? `${v}.0` : String(v);
  return String(v ?? '');
}

/** SQLite CAST(x AS REAL): the longest numeric prefix after leading spaces, else 0. */
export function castReal(v: unknown): number {
  if (typeof v === 'number') return v;
  const m = /^\s*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)/.exec(String(v ?? ''));
  return m ? Number(m[1]) : 0;
}

function cmpText(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ----- evaluation ------------------------------------------------------------------------------
export class Reference {
  constructor(private readonly world: World) {}

  private field(level: Level, name: unknown): FieldInfo {
    const list = level === 'view' ? this.world.fields : this.world.subFields;
    const f = list.find((x) => x.name.toLowerCase() === String(name).toLowerCase() || String(x.id) === String(name));
    if (!f) throw new Error(`reference: unknown field ${String(name)}`);
    return f;
  }

  private value(row: Row, f: FieldInfo): unknown {
    return row[`f${f.id}`];
  }

  private rows(level: Level): Row[] {
    return (level === 'view' ? this.world.profiles : this.world.subprofiles).filter((r) => r.removed === null);
  }

  /** Member IDs of a view (level 'view') or miniview (level 'mini'), ascending. */
  members(level: Level, id: number): number[] {
    const set = (level === 'view' ? this.world.views : this.world.miniviews).get(id);
    if (!set) return [];
    const base = set.parent !== undefined ? new Set(this.members('view', set.parent)) : new Set(this.rows(level).map((r) => r.id));
    const baseRows = this.rows(level).filter((r) => base.has(r.id));
    const active = set.rules.filter((r) => !r.disabled && r.conditions.length > 0);
    if (active.length === 0) return baseRows.map((r) => r.id);
    const out = new Set<number>();
    for (const rule of active) {
      const matched = new Set(this.ruleMatches(level, rule, baseRows).map((r) => r.id));
      for (const r of baseRows) if (matched.has(r.id) !== rule.inversed) out.add(r.id);
    }
    return [...out].sort((a, b) => a - b);
  }

  private ruleMatches(level: Level, rule: RefRule, baseRows: Row[]): Row[] {
    let rows = baseRows.filter((r) => rule.conditions.filter((c) => c.type !== 'Part').every((c) => this.test(level, c, r)));
    for (const part of rule.conditions.filter((c) => c.type === 'Part')) rows = this.part(level, part.body, rows);
    return rows;
  }

  private part(level: Level, body: Record<string, unknown>, rows: Row[]): Row[] {
    const parse = (raw: unknown) => {
      const m = /^(-?)(\d+(?:\.\d+)?)(%?)$/.exec(String(raw));
      return m ? { neg: m[1] === '-', value: Number(m[2]), pct: m[3] === '%' } : null;
    };
    const n = rows.length;
    const amount = (o: { value: number; pct: boolean }) => (o.pct ? Math.floor((n * o.value) / 100) : Math.floor(o.value));
    const begin = parse(body.begin ?? '0') ?? { neg: false, value: 0, pct: false };
    const length = body.length === undefined ? null : parse(body.length);
    const fields = ((body.fields as string[] | undefined) ?? []).map((name) => this.field(level, name));
    const dir = begin.neg ? -1 : 1;
    const sorted = [...rows].sort((a, b) => {
      for (const f of fields) {
        const x = this.value(a, f);
        const y = this.value(b, f);
        const c = NUMERIC.includes(f.type) ? Math.sign((x as number) - (y as number)) : cmpText(text(x, f.type), text(y, f.type));
        if (c !== 0) return dir * c;
      }
      return fields.length === 0 ? dir * (a.id - b.id) : a.id - b.id;
    });
    const from = amount(begin);
    const count = length === null ? n : length.neg ? n - amount(length) : amount(length);
    return sorted.slice(from, Math.max(from, from + count));
  }

  private test(level: Level, c: RefCondition, row: Row): boolean {
    const b = c.body;
    switch (c.type) {
      case 'Field':
        return this.fieldTest(level, b, row);
      case 'Interest': {
        const mode = String(b['match-mode']);
        const has = this.world.profileInterests.get(row.id) ?? new Set<number>();
        const hit = mode.includes('group')
          ? this.world.interests.some((i) => has.has(i.id) && fold(i.group) === fold(String(b['interest-group'])))
          : this.world.interests.some((i) => has.has(i.id) && i.name === b.interest);
        return mode.includes('without') ? !hit : hit;
      }
      case 'Date':
        return this.dateTest(level, b, row);
      case 'DoubleField':
        return this.doubleTest(level, b, row);
      case 'MiniView': {
        const min = b['min-subprofiles'] === undefined ? 1 : Number(b['min-subprofiles']);
        const max = b['max-subprofiles'] === undefined ? Number.POSITIVE_INFINITY : Number(b['max-subprofiles']);
        const members = new Set(this.members('mini', Number(b['mini-view'])));
        const n =
          level === 'mini'
            ? members.has(row.id)
              ? 1
              : 0
            : this.world.subprofiles.filter((s) => s.profile_id === row.id && members.has(s.id)).length;
        return n >= min && n <= max;
      }
      case 'ReferView': {
        const hit = this.members('view', Number(b['refer-view'])).includes(row.id);
        return b['check-type'] === 'no' ? !hit : hit;
      }
      case 'Change':
        return this.changeTest(level, b, row);
      case 'Email':
        return emailTest(this.world, level, b, row);
      default:
        throw new Error(`reference: no semantics for ${c.type}`);
    }
  }

  private fieldTest(level: Level, b: Record<string, unknown>, row: Row): boolean {
    const f = this.field(level, b.field);
    const other = b['other-field'] === undefined ? undefined : this.field(level, b['other-field']);
    const v = this.value(row, f);
    const rhsRaw = other ? this.value(row, other) : String(b.value ?? '');
    const numeric = b['numeric-comparison'] === true || NUMERIC.includes(f.type);
    const vText = text(v, f.type);
    const rhsText = other ? text(rhsRaw, other.type) : (rhsRaw as string);
    const order = numeric ? Math.sign(castReal(v) - castReal(rhsRaw)) : cmpText(vText, rhsText);
    const regex = (pattern: string) => {
      try {
        return new RegExp(pattern, 'i').test(vText);
      } catch {
        return false;
      }
    };
    switch (b.comparison ?? 'equals') {
      case 'equals':
        return order === 0;
      case 'not equals':
        return order !== 0;
      case 'less':
        return order < 0;
      case 'more':
        return order > 0;
      case 'contains':
        return fold(vText).includes(fold(rhsText));
      case 'not contains':
        return !fold(vText).includes(fold(rhsText));
      case 'is_email':
        return regex('^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$');
      case 'is-numeric':
        return regex('^\\s*-?\\d+(\\.\\d+)?\\s*$');
      case 'regexp':
        return regex(rhsText);
      default:
        throw new Error(`reference: comparison ${String(b.comparison)}`);
    }
  }

  private dateTest(level: Level, b: Record<string, unknown>, row: Row): boolean {
    const f = this.field(level, b.field);
    const raw = String(this.value(row, f));
    if (raw === '' || raw.startsWith('0000')) return false;
    const d = raw.length === 10 ? `${raw} 00:00:00` : raw;
    const w = windowOf(b, this.world.now);
    if (b['compare-mode'] !== 'ignoreyear') return inside(d, w);
    const md = d.slice(5);
    const lo = w.lo?.slice(5) ?? null;
    const hi = w.hi?.slice(5) ?? null;
    if (lo === null || hi === null) return (lo === null || md >= lo) && (hi === null || md < hi);
    if (lo < hi) return md >= lo && md < hi;
    if (lo > hi) return md >= lo || md < hi;
    return w.lo !== w.hi;
  }

  private doubleTest(level: Level, b: Record<string, unknown>, row: Row): boolean {
    const fields = (b.fields as string[]).map((n) => this.field(level, n));
    const key = (r: Row) => JSON.stringify(fields.map((f) => fold(text(this.value(r, f), f.type).replace(/^ +| +$/g, ''))));
    const group = this.rows(level).filter((r) => key(r) === key(row));
    const ids = group.map((r) => r.id);
    const mode = String(b['match-mode'])
      .replace(/^match_/, '')
      .replace(/_(sub)?profiles$/, '');
    const tests: Record<string, boolean> = {
      unique: group.length === 1,
      non_unique: group.length > 1,
      repeated: row.id > Math.min(...ids),
      non_repeated: row.id === Math.min(...ids),
      last: row.id === Math.max(...ids),
      toberepeated: row.id < Math.max(...ids),
    };
    return tests[mode] as boolean;
  }

  /**
   * Change (§6.3): a logged field / interest change in the window; edit = any logged change, or (edits the
   * log does not hold) modified in the window and not at creation; subprofile events alike; any = any event.
   */
  private changeTest(level: Level, b: Record<string, unknown>, row: Row): boolean {
    const w = windowOf(b, this.world.now);
    const field = b.field === undefined ? undefined : this.field(level, b.field).id;
    const interest = b.interest === undefined ? undefined : this.world.interests.find((i) => i.name === b.interest)?.id;
    const fieldLog = (id: number, sub: boolean, only?: number) =>
      sub
        ? (this.world.subFieldChanges ?? []).some(
            (c) => c.subprofile_id === id && (only === undefined || c.field_id === only) && inside(c.ts, w),
          )
        : (this.world.fieldChanges ?? []).some(
            (c) => c.profile_id === id && (only === undefined || c.field_id === only) && inside(c.ts, w),
          );
    const interestLog = (gained?: number) =>
      level === 'view' &&
      (this.world.interestChanges ?? []).some(
        (c) =>
          c.profile_id === row.id &&
          (interest === undefined || c.interest_id === interest) &&
          (gained === undefined || c.gained === gained) &&
          inside(c.ts, w),
      );
    const edited = (r: Row, sub: boolean) =>
      (r.modified !== r.created && inside(r.modified, w)) || fieldLog(r.id, sub) || (!sub && interestLog());
    const mini = level === 'mini';
    const subs = level === 'view' ? this.world.subprofiles.filter((s) => s.profile_id === row.id) : [];
    const events: Record<string, boolean> = {
      new: inside(row.created, w),
      edit: mini ? edited(row, true) : edited(row, false),
      newsubprofile: subs.some((s) => inside(s.created, w)),
      editsubprofile: subs.some((s) => edited(s, true)),
      removesubprofile: subs.some((s) => s.removed !== null && inside(s.removed, w)),
      field: fieldLog(row.id, mini, field),
      interest: interestLog(),
      gotinterest: interestLog(1),
      lostinterest: interestLog(0),
    };
    const any = ['new', 'edit', 'newsubprofile', 'editsubprofile', 'removesubprofile'].some((k) => events[k]);
    const type = String(b['change-type']);
    if (type === 'any') return any;
    if (type === 'none') return !any;
    if (type in events) return events[type] as boolean;
    return !events[type.replace(/^not?/, '')];
  }
}
