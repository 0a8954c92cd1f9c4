import { describe, expect, it } from 'vitest';
import { createTestEmulator } from '../testing/emulator.ts';

const snapshot = (emu: ReturnType<typeof createTestEmulator>) =>
  emu.db.prepare('SELECT id, secret, created, modified, removed FROM profiles_31 ORDER BY id').all();

describe('demo data', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createTestEmulator({ profiles: 300, seed: 7 });
    const b = createTestEmulator({ profiles: 300, seed: 7 });
    const c = createTestEmulator({ profiles: 300, seed: 8 });
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)).not.toEqual(snapshot(c));
  });

  it('scales with --profiles and has removed profiles, subprofiles and interests', () => {
    const emu = createTestEmulator({ profiles: 2000 });
    const total = emu.db.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number };
    expect(total.n).toBe(2000);
    expect((emu.db.prepare('SELECT count(*) AS n FROM profiles_31 WHERE removed IS NOT NULL').get() as { n: number }).n).toBeGreaterThan(0);
    expect((emu.db.prepare('SELECT count(*) AS n FROM subprofiles').get() as { n: number }).n).toBeGreaterThan(1000);
    expect((emu.db.prepare('SELECT count(*) AS n FROM profile_interests').get() as { n: number }).n).toBeGreaterThan(1000);
    const types = emu.db.prepare('SELECT DISTINCT type FROM fields').all() as { type: string }[];
    expect(types.map((t) => t.type).sort()).toEqual(
      [
        'big',
        'date',
        'datetime',
        'email',
        'empty_date',
        'empty_datetime',
        'float',
        'foreign_key',
        'integer',
        'phone_fax',
        'phone_gsm',
        'select',
        'text',
      ].sort(),
    );
  });
});
