// Summary tables, derived from the event tables with plain SQL aggregates (never written by hand):
//   dest_summary     one row per destination: event counts per type + its dominant result
//   emailing_summary one row per emailing: totals, uniques, unknown, dominant results (the unfiltered statistics)
//   emailing_timeline one row per emailing: its events as time-sorted typed arrays (timeline.ts)
// Whoever writes events (the demo generator, tests) calls refreshSummaries() afterwards.
import type Database from 'better-sqlite3';
import { EVENT_TABLES } from './event-tables.ts';
import { storeTimeline } from './timeline.ts';

/** docs/api/emailings.md §7.3: abuse 6 > unsubscribe 5 > click 4 > impression 3 > delivery 2 > error 1 > none 0. */
export const DOMINANT_SQL = `CASE WHEN n_abuse > 0 THEN 6 WHEN n_unsubscribe > 0 THEN 5 WHEN n_click > 0 THEN 4
  WHEN n_impression > 0 THEN 3 WHEN n_delivery > 0 THEN 2 WHEN n_error > 0 THEN 1 ELSE 0 END`;

/** Recompute the summaries of some emailings, or of all of them (one pass per event table). */
export function refreshSummaries(db: Database.Database, emailingIds?: number[]): void {
  const run = () => {
    if (emailingIds === undefined) {
      db.exec('DELETE FROM dest_summary; DELETE FROM emailing_summary;');
      db.exec('INSERT INTO dest_summary (internal, emailing_id, group_id) SELECT internal, emailing_id, group_id FROM destination');
      for (const t of EVENT_TABLES) {
        // Scans the (destination, ts) index in order: no sort, one pass.
        db.exec(`UPDATE dest_summary SET n_${t} = x.c FROM (SELECT destination AS d, COUNT(*) AS c FROM ${t} GROUP BY destination) AS x
                 WHERE dest_summary.internal = x.d`);
      }
      db.exec(`UPDATE dest_summary SET dominant = ${DOMINANT_SQL}`);
      db.exec(`INSERT INTO emailing_summary ${AGGREGATE} FROM emailing e LEFT JOIN dest_summary s ON s.emailing_id = e.id GROUP BY e.id`);
      for (const id of db.prepare('SELECT id FROM emailing').pluck().all() as number[]) storeTimeline(db, id);
      return;
    }
    const del = db.prepare('DELETE FROM dest_summary WHERE emailing_id = ?');
    const delE = db.prepare('DELETE FROM emailing_summary WHERE emailing_id = ?');
    const ins = db.prepare(
      'INSERT INTO dest_summary (internal, emailing_id, group_id) SELECT internal, emailing_id, group_id FROM destination WHERE emailing_id = ?',
    );
    const counts = EVENT_TABLES.map((t) =>
      db.prepare(`UPDATE dest_summary SET n_${t} = x.c FROM (SELECT destination AS d, COUNT(*) AS c FROM ${t} WHERE emailing_id = ? GROUP BY destination) AS x
                  WHERE dest_summary.internal = x.d`),
    );
    const dominant = db.prepare(`UPDATE dest_summary SET dominant = ${DOMINANT_SQL} WHERE emailing_id = ?`);
    const aggregate = db.prepare(
      `INSERT INTO emailing_summary ${AGGREGATE} FROM emailing e LEFT JOIN dest_summary s ON s.emailing_id = e.id WHERE e.id = ? GROUP BY e.id`,
    );
    for (const id of emailingIds) {
      del.run(id);
      delE.run(id);
      ins.run(id);
      for (const st of counts) st.run(id);
      dominant.run(id);
      aggregate.run(id);
      storeTimeline(db, id);
    }
  };
  if (db.inTransaction) run();
  else db.transaction(run)();
}

const AGGREGATE = `SELECT e.id, COUNT(s.internal),
  TOTAL(s.n_delivery), TOTAL(s.n_retry), TOTAL(s.n_retry > 0),
  TOTAL(s.n_error), TOTAL(s.n_error > 0),
  TOTAL(s.n_impression), TOTAL(s.n_impression > 0),
  TOTAL(s.n_click), TOTAL(s.n_click > 0),
  TOTAL(s.n_unsubscribe), TOTAL(s.n_unsubscribe > 0),
  TOTAL(s.n_abuse), TOTAL(s.n_abuse > 0),
  TOTAL(s.n_delivery = 0 AND s.n_error = 0),
  TOTAL(s.dominant = 1), TOTAL(s.dominant = 2), TOTAL(s.dominant = 3),
  TOTAL(s.dominant = 4), TOTAL(s.dominant = 5), TOTAL(s.dominant = 6)`;

export interface EmailingSummary {
  emailing_id: number;
  destinations: number;
  n_delivery: number;
  n_retry: number;
  u_retry: number;
  n_error: number;
  u_error: number;
  n_impression: number;
  u_impression: number;
  n_click: number;
  u_click: number;
  n_unsubscribe: number;
  u_unsubscribe: number;
  n_abuse: number;
  u_abuse: number;
  unknown: number;
  d_error: number;
  d_delivery: number;
  d_impression: number;
  d_click: number;
  d_unsubscribe: number;
  d_abuse: number;
}

export function emailingSummary(db: Database.Database, emailingId: number): EmailingSummary {
  const row = db.prepare('SELECT * FROM emailing_summary WHERE emailing_id = ?').get(emailingId) as EmailingSummary | undefined;
  if (row) return row;
  // Not refreshed yet (e.g. an emailing written by a test without refreshSummaries): compute it now.
  refreshSummaries(db, [emailingId]);
  return db.prepare('SELECT * FROM emailing_summary WHERE emailing_id = ?').get(emailingId) as EmailingSummary;
}
