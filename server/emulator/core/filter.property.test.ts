// Property test: the SQL-compiled `fields[]` filter against an independent in-memory evaluation of the rules
// of docs/api/conventions.md §7 over random data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestEmulator } from '../testing/emulator.ts';

type Kind = 'text' | 'integer' | 'float' | 'date' | 'select';
const FIELDS: { name: string; kind: Kind }[] = [
  { name: 'name', kind: 'text' },
  { name: 'age', kind: 'integer' },
  { name: 'score', kind: 'float' },
  { name: 'birthday', kind: 'date' },
  { name: 'tier', kind: 'select' },
];
const CHOICES = ['gold', 'Gold', 'silver', 'x_y'];
const TEXTS = ['', 'a', 'A', 'ab', 'Ab', 'b', 'a_b', 'a%b', 'ba', 'abc', 'B C', 'zz'];
const DATES = ['2020-01-01', '2020-06-15', '2021-01-01', '1999-12-31', '0000-00-00'];
const OPS = ['==', '!=', '<>', '<', '>', '<=', '>=', '=~', '!~'];

const intOf = (s: string) => {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
};
const floatOf = (s: string) => {
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))/.exec(s);
  return m ? Number(m[1]) : 0;
};
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
/** Dates as strtotime reads our sample values: ISO dates, a single letter = now (a military time zone), else empty. */
const dateOf = (s: string) => {
  const t = s.trim();
  if (/^[a-z]$/i.test(t)) return today();
  return /^\d{4}-\d\d-\d\d$/.test(t) && !t.startsWith('0000') ? t : '0000-00-00';
};
/** SQL LIKE, ASCII case-insensitive: % any run, _ one character. */
const like = (value: string, pattern: string) => {
  const re = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${re}$`, 'is').test(value);
};
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

type Row = { id: number; name: string; age: number; score: number; birthday: string; tier: string };

function evaluate(rows: Row[], expressions: string[]): number[] {
  const conds: ((r: Row) => boolean)[] = [];
  for (const raw of expressions) {
    const m = /^([^=<>!~]+)([=<>!~]{1,2})(.*)$/s.exec(raw.trim());
    if (!m || !OPS.includes(m[2] as string)) continue;
    const [, name, op, value] = m as unknown as [string, string, string, string];
    const field =
      FIELDS.find((f) => f.name === name.toLowerCase()) ??
      (name.toLowerCase() === 'id' ? { name: 'id', kind: 'integer' as Kind } : undefined);
    if (!field) continue;
    conds.push((r) => {
      const stored = r[field.name as keyof Row];
      if (op === '=~' || op === '!~') return like(String(stored), value) === (op === '=~');
      let a: string | number = stored;
      let b: string | number;
      if (field.kind === 'integer') b = intOf(value);
      else if (field.kind === 'float') b = floatOf(value);
      else if (field.kind === 'date') b = dateOf(value);
      else if (field.kind === 'text') {
        a = String(stored).toLowerCase();
        b = value.toLowerCase();
      } else b = value;
      const c = cmp(a, b);
      return { '==': c === 0, '!=': c !== 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op] as boolean;
    });
  }
  return rows.filter((r) => conds.every((f) => f(r))).map((r) => r.id);
}

const rowArb = fc.record({
  name: fc.constantFrom(...TEXTS),
  age: fc.integer({ min: -3, max: 3 }),
  score: fc.constantFrom(-1.5, 0, 0.5, 2, 2.25),
  birthday: fc.constantFrom(...DATES),
  tier: fc.constantFrom(...CHOICES, ''),
});
const valueArb = fc.oneof(
  fc.constantFrom(...TEXTS, ...CHOICES, ...DATES, '1', '-2', '2.25', ' 2', 'x', '%', 'a%', '_b', 'GOLD'),
  fc.integer({ min: -3, max: 3 }).map(String),
);
const exprArb = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(fc.constantFrom('name', 'NAME', 'age', 'score', 'birthday', 'tier', 'Tier', 'id', 'nosuch'), fc.constantFrom(...OPS), valueArb)
      .map(([f, o, v]) => `${f}${o}${v}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('age', '==1', 'age=1', 'age=>1', ' age==1 ') },
);

describe('fields[] filter (docs/api/conventions.md §7) against an independent evaluation', () => {
  it('selects exactly the same profiles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        fc.array(exprArb, { minLength: 1, maxLength: 3 }),
        async (rows, expressions) => {
          const emu = createTestEmulator({ profiles: 0 });
          const db = (await emu.post('databases', { name: 'P' })).headers.get('x-created');
          await emu.post(`database/${db}/fields`, { name: 'name', type: 'text' });
          await emu.post(`database/${db}/fields`, { name: 'age', type: 'integer', index: true });
          await emu.post(`database/${db}/fields`, { name: 'score', type: 'float' });
          await emu.post(`database/${db}/fields`, { name: 'birthday', type: 'date' });
          await emu.post(`database/${db}/fields`, { name: 'tier', type: 'select', value: CHOICES.join('\n') });
          const stored: Row[] = [];
          for (const r of rows) {
            const id = Number((await emu.post(`database/${db}/profiles`, { fields: r })).headers.get('x-created'));
            stored.push({ id, ...r });
          }
          const res = await emu.get(`database/${db}/profiles`, { 'fields[]': expressions, limit: '1000' });
          expect(res.status).toBe(200);
          const got = res.json.data.map((p: { ID: string }) => Number(p.ID));
          expect(got).toEqual(evaluate(stored, expressions));
          expect(res.json.total).toBe(got.length);
          emu.db.close();
        },
      ),
      { numRuns: 100 },
    );
  });
});
