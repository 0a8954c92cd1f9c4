import { afterEach, describe, expect, it } from 'vitest';
import { explainedByOwnWrites, forgetOwnWrites, noteOwnWrite, ownWriteMark } from './own-writes';

const base = { modified: '2026-12-01 10:00:00', fields: { city: 'Delft', email: 'a@example.org' } };
const key = 'profile:7';

describe('own writes in the conflict check', () => {
  afterEach(() => forgetOwnWrites());

  it('an unchanged record needs no explanation', () => {
    expect(explainedByOwnWrites(key, ownWriteMark(), base, base)).toBe(true);
  });

  it('someone else moving `modified` is not explained', () => {
    const latest = { modified: '2026-12-01 10:05:00', fields: { ...base.fields, city: 'Gouda' } };
    expect(explainedByOwnWrites(key, ownWriteMark(), base, latest)).toBe(false);
  });

  it('my save whose answer was lost explains the values it sent', () => {
    const mark = ownWriteMark();
    noteOwnWrite(key, { city: 'Leiden' });
    const latest = { modified: '2026-12-01 10:05:00', fields: { ...base.fields, city: 'Leiden' } };
    expect(explainedByOwnWrites(key, mark, base, latest)).toBe(true);
  });

  it('does not explain a field I did not write, or another value than mine', () => {
    const mark = ownWriteMark();
    noteOwnWrite(key, { city: 'Leiden' });
    expect(explainedByOwnWrites(key, mark, base, { modified: 'x', fields: { city: 'Leiden', email: 'b@example.org' } })).toBe(false);
    expect(explainedByOwnWrites(key, mark, base, { modified: 'x', fields: { ...base.fields, city: 'Utrecht' } })).toBe(false);
  });

  it('the newest of my writes to a field counts', () => {
    const mark = ownWriteMark();
    noteOwnWrite(key, { city: 'Leiden' });
    noteOwnWrite(key, { city: 'Utrecht' });
    expect(explainedByOwnWrites(key, mark, base, { modified: 'x', fields: { ...base.fields, city: 'Leiden' } })).toBe(false);
    expect(explainedByOwnWrites(key, mark, base, { modified: 'x', fields: { ...base.fields, city: 'Utrecht' } })).toBe(true);
  });

  it('an interest toggle of mine explains a moved `modified` with the same field values', () => {
    const mark = ownWriteMark();
    noteOwnWrite(key, null);
    expect(explainedByOwnWrites(key, mark, base, { modified: '2026-12-01 10:06:00', fields: base.fields })).toBe(true);
  });

  it('writes from before the form loaded, or to another record, do not count', () => {
    noteOwnWrite(key, null);
    const mark = ownWriteMark();
    noteOwnWrite('profile:8', null);
    expect(explainedByOwnWrites(key, mark, base, { modified: '2026-12-01 10:06:00', fields: base.fields })).toBe(false);
  });
});
