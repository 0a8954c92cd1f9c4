// Field types and value coercion (docs/api/databases.md §2.3). The API never rejects a field value: it coerces it,
// the way PHP casts would. Stored values are typed (INTEGER/REAL/TEXT columns); the wire format is a string.
import { formatParts, formatTimestamp } from './time.ts';

export const FIELD_TYPES = [
  'integer',
  'float',
  'date',
  'empty_date',
  'datetime',
  'empty_datetime',
  'text',
  'email',
  'phone',
  'phone_fax',
  'phone_gsm',
  'select',
  'big',
  'foreign_key',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const isFieldType = (t: unknown): t is FieldType => typeof t === 'string' && (FIELD_TYPES as readonly string[]).includes(t);

export type Stored = string | number;

export interface FieldDef {
  id: number;
  name: string;
  type: FieldType;
  value: string;
  length: number;
}

export const isNumericType = (t: FieldType) => t === 'integer' || t === 'float' || t === 'foreign_key';
export const isDateType = (t: FieldType) => t === 'date' || t === 'empty_date';
export const isDateTimeType = (t: FieldType) => t === 'datetime' || t === 'empty_datetime';

/** SQL column declaration per type. Text columns compare case-insensitively, `select` case-sensitively (docs/api/conventions.md §7). */
export function columnDecl(type: FieldType): string {
  switch (type) {
    case 'integer':
    case 'foreign_key':
      return 'INTEGER NOT NULL DEFAULT 0';
    case 'float':
      return 'REAL NOT NULL DEFAULT 0';
    case 'date':
      return `TEXT NOT NULL DEFAULT '0000-00-00'`;
    case 'datetime':
      return `TEXT NOT NULL DEFAULT '0000-00-00 00:00:00'`;
    case 'select':
      return `TEXT NOT NULL DEFAULT ''`;
    case 'empty_date':
    case 'empty_datetime':
      return `TEXT NOT NULL DEFAULT ''`;
    default:
      return `TEXT NOT NULL DEFAULT '' COLLATE NOCASE`;
  }
}

/** The value a newly added column gets in existing rows: 0 / 0000-00-00 …, not the field default [peer]. */
export function emptyValue(type: FieldType): Stored {
  if (isNumericType(type)) return 0;
  if (type === 'date') return '0000-00-00';
  if (type === 'datetime') return '0000-00-00 00:00:00';
  return '';
}

/** PHP string cast: true → "1", false/null → "", numbers as written, arrays/objects → "". */
export function phpString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '1' : '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'bigint') return String(v);
  return '';
}

function clampInt(n: number): number {
  if (!Number.isFinite(n)) return 0;
  if (n > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
  if (n < Number.MIN_SAFE_INTEGER) return Number.MIN_SAFE_INTEGER;
  return Math.trunc(n) || 0;
}

export function toInteger(v: unknown): number {
  if (typeof v === 'number') return clampInt(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return v.length > 0 ? 1 : 0;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length > 0 ? 1 : 0;
  if (typeof v !== 'string') return 0;
  const m = /^\s*([+-]?\d+)/.exec(v);
  return m ? clampInt(Number(m[1])) : 0;
}

export function toFloat(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return v.length > 0 ? 1 : 0;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length > 0 ? 1 : 0;
  if (typeof v !== 'string') return 0;
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/.exec(v);
  const n = m ? Number(m[1]) : 0;
  return Number.isFinite(n) ? n : 0;
}

/** Choices of a `select` field: one per line, right-trimmed; a trailing `*` marks the default. */
export function selectChoices(value: string): { choices: string[]; defaultChoice: string } {
  let defaultChoice = '';
  const choices: string[] = [];
  for (const line of value.split(/\r?\n/)) {
    let choice = line.replace(/\s+$/, '');
    if (choice.endsWith('*')) {
      choice = choice.slice(0, -1);
      defaultChoice = choice;
    }
    if (choice !== '') choices.push(choice);
  }
  return { choices, defaultChoice };
}

// ---------------------------------------------------------------------------------------------
// Dates: a practical subset of PHP strtotime (docs/api/databases.md §2.3).

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function wallFromInstant(date: Date): Wall {
  const t = formatTimestamp(date);
  return { y: +t.slice(0, 4), mo: +t.slice(5, 7), d: +t.slice(8, 10), h: +t.slice(11, 13), mi: +t.slice(14, 16), s: +t.slice(17, 19) };
}

/** Normalise overflowing days (2020-02-31 → 2020-03-02) the way strtotime does. */
function normalizeWall(w: Wall): Wall | null {
  if (w.mo < 1 || w.mo > 12 || w.d < 0 || w.d > 31 || w.h > 24 || w.mi > 59 || w.s > 60) return null;
  const t = new Date(Date.UTC(2000, w.mo - 1, w.d, w.h, w.mi, w.s));
  t.setUTCFullYear(w.y + (t.getUTCFullYear() - 2000));
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

const ISO = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:(?:[ tT]|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?)?\s*(z|Z|[+-]\d{2}:?\d{2})?$/;

export function parseDateInput(input: unknown, now: Date): Wall | null {
  if (typeof input === 'number' && Number.isFinite(input)) input = String(Math.trunc(input));
  if (typeof input !== 'string') return null;
  const s = input.trim();
  if (s === '' || s.startsWith('0000-00-00')) return null;
  const lower = s.toLowerCase();
  const today = wallFromInstant(now);
  const dayShift = (n: number) => normalizeWall({ ...today, d: today.d + n, h: 0, mi: 0, s: 0 });
  if (lower === 'now' || /^[a-z]$/.test(lower)) return today;
  if (lower === 'today' || lower === 'midnight') return dayShift(0);
  if (lower === 'yesterday') return dayShift(-1);
  if (lower === 'tomorrow') return dayShift(1);
  let m = /^@(-?\d{1,12})$/.exec(s);
  if (m) return wallFromInstant(new Date(Number(m[1]) * 1000));
  m = ISO.exec(s);
  if (m) {
    const wall = normalizeWall({
      y: +m[1],
      mo: +m[2],
      d: m[3] ? +m[3] : 1,
      h: m[4] ? +m[4] : 0,
      mi: m[5] ? +m[5] : 0,
      s: m[6] ? +m[6] : 0,
    });
    if (!wall || !m[7]) return wall;
    // Zone-bearing input: convert to Amsterdam wall time.
    const zone = m[7].toUpperCase() === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (+m[7].slice(1, 3) * 60 + +m[7].slice(-2));
    return wallFromInstant(new Date(Date.UTC(wall.y, wall.mo - 1, wall.d, wall.h, wall.mi, wall.s) - zone * 60000));
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return normalizeWall({ y: +m[1], mo: +m[2], d: +m[3], h: 0, mi: 0, s: 0 });
  m = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(s);
  if (m) return normalizeWall({ y: +m[3], mo: +m[2], d: +m[1], h: 0, mi: 0, s: 0 });
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return normalizeWall({ y: +m[3], mo: +m[1], d: +m[2], h: 0, mi: 0, s: 0 });
  m = /^(\d{2})(\d{2})$/.exec(s);
  if (m) {
    // strtotime quirk: "1959" is today at 19:59, "1960" is a year.
    const h = +m[1];
    const mi = +m[2];
    if (h < 24 && mi < 60) return { ...today, h, mi, s: 0 };
    return { ...today, y: +s };
  }
  return null;
}

function formatDate(w: Wall | null, type: FieldType): string {
  const dateOnly = isDateType(type);
  const allowEmpty = type === 'empty_date' || type === 'empty_datetime';
  if (!w) return allowEmpty ? '' : emptyFull(dateOnly);
  if (w.y < 0) return emptyFull(dateOnly); // a negative year is empty even for empty_date
  const full = formatParts(w.y, w.mo, w.d, w.h, w.mi, w.s);
  return dateOnly ? full.slice(0, 10) : full;
}
const emptyFull = (dateOnly: boolean) => (dateOnly ? '0000-00-00' : '0000-00-00 00:00:00');

/** Coerce any JSON input to the stored value of a field of this type. */
export function normalizeValue(field: Pick<FieldDef, 'type' | 'value' | 'length'>, input: unknown, now: Date): Stored {
  switch (field.type) {
    case 'integer':
    case 'foreign_key':
      return toInteger(input);
    case 'float':
      return toFloat(input);
    case 'date':
    case 'empty_date':
    case 'datetime':
    case 'empty_datetime':
      return formatDate(typeof input === 'boolean' || typeof input === 'object' ? null : parseDateInput(input, now), field.type);
    case 'select': {
      const s = phpString(input);
      return selectChoices(field.value).choices.includes(s) ? s : '';
    }
    case 'big':
      return phpString(input);
    default: {
      const s = phpString(input);
      return field.length > 0 && s.length > field.length ? s.slice(0, field.length) : s;
    }
  }
}

/** Value of a field in a new (sub)profile when the body does not mention it: the field's default. */
export function defaultValue(field: Pick<FieldDef, 'type' | 'value' | 'length'>, now: Date): Stored {
  if (field.type === 'select') return selectChoices(field.value).defaultChoice;
  return normalizeValue(field, field.value, now);
}

/** Stored value → wire string. */
export function formatValue(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}
