// Who the demo emailings go to: live profiles of the core demo's databases (and subprofiles of its
// Orders collection), read straight from the core's storage tables.
import type Database from 'better-sqlite3';
import { findCollection, findDatabase, listCollections, listFields } from '../../core/model.ts';
import type { Rng } from '../../core/rng.ts';
import { fieldColumn, profileTable, subprofileTable } from '../../core/storage.ts';

export interface Pool {
  /** Target shown in the emailing's `target`. */
  target: { type: 'database' | 'collection'; id: number; sources: { id: string; type: string }[] };
  profileIds: Int32Array;
  /** Subprofile IDs (collection targets only). */
  subprofileIds: Int32Array | null;
  emails: string[];
}

function emailColumn(db: Database.Database, owner: Parameters<typeof listFields>[1]): string | null {
  const f = listFields(db, owner).find((x) => x.name.toLowerCase() === 'email');
  return f ? fieldColumn(f.id) : null;
}

function databasePool(db: Database.Database, databaseId: number): Pool {
  const col = emailColumn(db, { kind: 'database', id: databaseId });
  const rows = db
    .prepare(`SELECT id, ${col ?? "''"} AS email FROM ${profileTable(databaseId)} WHERE removed IS NULL ORDER BY id`)
    .raw()
    .all() as [number, string][];
  return {
    target: { type: 'database', id: databaseId, sources: [{ id: String(databaseId), type: 'database' }] },
    profileIds: Int32Array.from(rows, (r) => r[0]),
    subprofileIds: null,
    emails: rows.map((r) => r[1] || `recipient${r[0]}@example.com`),
  };
}

function collectionPool(db: Database.Database, databaseId: number, collectionId: number): Pool {
  const col = emailColumn(db, { kind: 'database', id: databaseId });
  const rows = db
    .prepare(
      `SELECT s.id, s.profile_id, ${col ? `p.${col}` : "''"} AS email FROM ${subprofileTable(collectionId)} s
       JOIN ${profileTable(databaseId)} p ON p.id = s.profile_id WHERE s.removed IS NULL AND p.removed IS NULL ORDER BY s.id`,
    )
    .raw()
    .all() as [number, number, string][];
  return {
    target: {
      type: 'collection',
      id: collectionId,
      sources: [
        { id: String(collectionId), type: 'collection' },
        { id: String(databaseId), type: 'database' },
      ],
    },
    profileIds: Int32Array.from(rows, (r) => r[1]),
    subprofileIds: Int32Array.from(rows, (r) => r[0]),
    emails: rows.map((r) => r[2] || `recipient${r[1]}@example.com`),
  };
}

/** Customers, Newsletter and the Orders collection of the core demo; the largest databases if those are missing. */
export function loadPools(db: Database.Database): Record<'customers' | 'newsletter' | 'orders', Pool> {
  const bySize = (
    db.prepare('SELECT database_id AS id, COUNT(*) AS n FROM profiles GROUP BY database_id ORDER BY n DESC, id').all() as { id: number }[]
  ).map((r) => r.id);
  const customersId = findDatabase(db, 'Customers')?.id ?? bySize[0];
  const newsletterId = findDatabase(db, 'Newsletter')?.id ?? bySize[1] ?? customersId;
  const empty: Pool = { target: { type: 'database', id: 0, sources: [] }, profileIds: new Int32Array(0), subprofileIds: null, emails: [] };
  const customers = customersId === undefined ? empty : databasePool(db, customersId);
  const newsletter = newsletterId === undefined ? empty : databasePool(db, newsletterId);
  let orders = customers;
  if (customersId !== undefined) {
    const orderCollection = findCollection(db, 'Orders', customersId) ?? listCollections(db, customersId)[0];
    if (orderCollection) orders = collectionPool(db, customersId, orderCollection.id);
  }
  return { customers, newsletter, orders };
}

/** `k` distinct positions of a pool, in random order (partial Fisher-Yates). */
export function samplePositions(rng: Rng, size: number, k: number): Int32Array {
  const idx = new Int32Array(size);
  for (let i = 0; i < size; i++) idx[i] = i;
  const n = Math.min(k, size);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (size - i));
    const t = idx[i] as number;
    idx[i] = idx[j] as number;
    idx[j] = t;
  }
  return idx.slice(0, n);
}
