// Test helpers: an emulator with the emailings demo on a fixed clock, or with no emailings at all so a
// test can write its own through writer.ts.
import { coreModule } from '../core/index.ts';
import type { EmulatorModule } from '../core/module.ts';
import { seedEmailingsDemo } from '../emailings/demo/generate.ts';
import { emailingsModule } from '../emailings/index.ts';
import { refreshSummaries } from '../emailings/summaries.ts';
import { createWriter } from '../emailings/writer.ts';
import { createTestEmulator } from './emulator.ts';

export const FIXED_NOW = new Date('2026-11-28T11:00:00Z');

/** The emailings module with its demo on a fixed clock (the core's SeedOptions carry no clock). */
export function clockedEmailings(now: Date): EmulatorModule {
  return { ...emailingsModule, seed: (db, rng, options) => seedEmailingsDemo(db, rng, { profiles: options.profiles, now }) };
}

export function demoEmulator(profiles = 2000, now = FIXED_NOW) {
  return createTestEmulator({ profiles, now: () => now, modules: [coreModule, clockedEmailings(now)] });
}

export function emptyEmulator(now = FIXED_NOW) {
  return createTestEmulator({ profiles: 20, now: () => now, modules: [coreModule, { ...emailingsModule, seed: undefined }] });
}

export type EventType = 'delivery' | 'retry' | 'error' | 'impression' | 'click' | 'unsubscribe' | 'abuse';

export interface RandomEmailing {
  system: 'publisher' | 'ms';
  /** Per destination: its group (index into groups, or -1) and its events as [type, seconds after t0]. */
  destinations: { group: number; events: [EventType, number][] }[];
  groups: number;
}

/** Write random emailings (any event mix: the statistics invariants must hold for every data set). */
export function writeRandom(db: import('better-sqlite3').Database, emailings: RandomEmailing[], t0: number): number[] {
  const w = createWriter(db);
  const ids: number[] = [];
  // Continue after whatever is already stored, so several calls can share one database.
  const next = (sql: string, fallback: number) => ((db.prepare(sql).pluck().get() as number | null) ?? fallback - 1) + 1;
  let internal = next('SELECT MAX(internal) FROM destination', 1000);
  let eventId = next(
    `SELECT MAX(m) FROM (${['delivery', 'retry', 'error', 'impression', 'click', 'unsubscribe', 'abuse'].map((t) => `SELECT MAX(id) AS m FROM ${t}`).join(' UNION ALL ')})`,
    1,
  );
  let groupId = next('SELECT MAX(id) FROM emailing_group', 500);
  let linkId = next('SELECT MAX(id) FROM link', 900);
  db.transaction(() => {
    emailings.forEach((e, k) => {
      const id = (e.system === 'publisher' ? 4000 : 600) + k;
      ids.push(id);
      w.emailing({
        id,
        system: e.system,
        timestamp: t0,
        subject: `Random ${k}`,
        fromName: 'Test',
        fromEmail: 'test@example.com',
        type: 'mass',
        target: { type: 'database', id: 1, sources: [{ id: '1', type: 'database' }] },
        snapshotName: `Random ${k}`,
        documentId: 318,
        templateId: e.system === 'ms' ? 2104 : 77,
      });
      const groupIds: number[] = [];
      for (let g = 0; g < (e.system === 'publisher' ? e.groups : 0); g++) {
        w.group({
          id: groupId,
          emailingId: id,
          kind: 'test',
          name: `G${g}`,
          documentId: 318,
          templateId: 77,
          subject: 's',
          fromAddress: '"T" <t@example.com>',
          timestamp: t0,
        });
        groupIds.push(groupId++);
      }
      const links = [linkId++, linkId++];
      for (const l of links) w.link(l, id, `https://example.com/${l}`, `Link ${l}`);
      for (const d of e.destinations) {
        const dest = internal++;
        w.destination({
          internal: dest,
          emailingId: id,
          groupId: groupIds.length && d.group >= 0 ? (groupIds[d.group % groupIds.length] as number) : null,
          hash: e.system === 'publisher' ? dest.toString(16).padStart(32, '0') : null,
          messageId: e.system === 'ms' ? dest.toString(36).padStart(16, '0') : null,
          profileId: 4701,
          email: `r${dest}@example.com`,
          timestampsent: t0,
        });
        for (const [type, offset] of d.events) {
          const ts = t0 + offset;
          const n = eventId++;
          if (type === 'delivery') w.delivery.run(n, dest, id, ts, 0, '250 OK');
          else if (type === 'retry') w.retry.run(n, dest, id, ts, 1);
          else if (type === 'error') w.error.run(n, dest, id, ts, '4.2.2', 'mailbox full', 'error', null);
          else if (type === 'impression') w.impression.run(n, dest, id, ts, '192.0.2.1', 'UA', 'mobile', null);
          else if (type === 'click') w.click.run(n, dest, id, ts, links[n % 2] as number, '192.0.2.1', 'UA', null);
          else if (type === 'unsubscribe') w.unsubscribe.run(n, dest, id, ts, 'link', 1);
          else w.abuse.run(n, dest, id, ts, 'arf', 'abuse', '1', '');
        }
      }
    });
    refreshSummaries(db);
  })();
  return ids;
}
