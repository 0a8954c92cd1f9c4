// Tables of the emailings module (docs/api/emailings.md §12.1). All times are INTEGER "wall seconds": the server's
// wall-clock time (Europe/Amsterdam, like the core's timestamps) counted as if it were UTC, so
// `datetime(ts, 'unixepoch')` gives exactly the `YYYY-MM-DD hh:mm:ss` string the API shows. See README.md.
import type { Migration } from '../core/db.ts';

const EVENT_INDEXES = (t: string) => `
  CREATE INDEX ${t}_emailing ON ${t}(emailing_id);
  CREATE INDEX ${t}_emailing_ts ON ${t}(emailing_id, ts);
  CREATE INDEX ${t}_destination ON ${t}(destination, ts);
  CREATE INDEX ${t}_ts ON ${t}(ts);`;

export const emailingMigrations: Migration[] = [
  {
    version: 1,
    name: 'emailings, groups, destinations, links, events, summaries, documents, templates, schedules',
    up(db) {
      db.exec(`
        CREATE TABLE emailing (
          id INTEGER PRIMARY KEY,
          system TEXT NOT NULL CHECK (system IN ('publisher', 'ms')),
          timestamp INTEGER NOT NULL,
          subject TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          from_name TEXT NOT NULL,
          from_email TEXT NOT NULL,
          document_id INTEGER,
          template_id INTEGER,
          type TEXT NOT NULL CHECK (type IN ('mass', 'individual')),
          contenttype TEXT NOT NULL DEFAULT 'html',
          is_test INTEGER NOT NULL DEFAULT 0,
          is_followup INTEGER NOT NULL DEFAULT 0,
          target_type TEXT NOT NULL,
          target_id INTEGER NOT NULL,
          target_sources_json TEXT NOT NULL,
          tags_json TEXT NOT NULL DEFAULT '[]',
          snapshot_name TEXT NOT NULL,
          hyperlinkext_json TEXT NOT NULL DEFAULT '{}',
          html TEXT NOT NULL DEFAULT '',
          finalgroup_id INTEGER,
          scheduled_id INTEGER);
        CREATE INDEX emailing_system_time ON emailing(system, timestamp, id);
        CREATE INDEX emailing_document ON emailing(document_id);
        CREATE INDEX emailing_template ON emailing(template_id);

        -- Publisher split runs: the test groups and the final group of one emailing.
        CREATE TABLE emailing_group (
          id INTEGER PRIMARY KEY,
          emailing_id INTEGER NOT NULL REFERENCES emailing(id),
          kind TEXT NOT NULL CHECK (kind IN ('test', 'final')),
          name TEXT NOT NULL,
          document_id INTEGER,
          template_id INTEGER,
          subject TEXT NOT NULL,
          from_address TEXT NOT NULL,
          timestamp INTEGER NOT NULL);
        CREATE INDEX emailing_group_emailing ON emailing_group(emailing_id, kind, id);

        -- One message for one (sub)profile. Publisher: ID = hash, events point at internal.
        -- MS: ID = internal, plus message_id. profile_id is also set for subprofile destinations.
        CREATE TABLE destination (
          internal INTEGER PRIMARY KEY,
          emailing_id INTEGER NOT NULL REFERENCES emailing(id),
          group_id INTEGER,
          hash TEXT UNIQUE,
          message_id TEXT UNIQUE,
          profile_id INTEGER,
          subprofile_id INTEGER,
          email TEXT NOT NULL,
          timestampsent INTEGER NOT NULL,
          unsubscribed INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX destination_emailing ON destination(emailing_id);
        CREATE INDEX destination_emailing_sent ON destination(emailing_id, timestampsent);
        CREATE INDEX destination_profile ON destination(profile_id, emailing_id);
        CREATE INDEX destination_subprofile ON destination(subprofile_id, emailing_id);
        CREATE INDEX destination_sent ON destination(timestampsent);

        CREATE TABLE link (
          id INTEGER PRIMARY KEY,
          emailing_id INTEGER NOT NULL REFERENCES emailing(id),
          url TEXT NOT NULL,
          title TEXT NOT NULL DEFAULT '');
        CREATE INDEX link_emailing ON link(emailing_id);

        -- Events: one table and one ID sequence per type (so fields[]=id>N pages each type on its own).
        CREATE TABLE delivery (id INTEGER PRIMARY KEY, destination INTEGER NOT NULL, emailing_id INTEGER NOT NULL,
          ts INTEGER NOT NULL, attempt INTEGER NOT NULL DEFAULT 0, smtp_response TEXT NOT NULL DEFAULT '');
        CREATE TABLE retry (id INTEGER PRIMARY KEY, destination INTEGER NOT NULL, emailing_id INTEGER NOT NULL,
          ts INTEGER NOT NULL, attempt INTEGER NOT NULL);
        CREATE TABLE error (id INTEGER PRIMARY KEY, destination INTEGER NOT NULL, emailing_id INTEGER NOT NULL,
          ts INTEGER NOT NULL, errorcode TEXT NOT NULL, description TEXT NOT NULL, errortype TEXT NOT NULL,
          status TEXT);
        CREATE TABLE impression (id INTEGER PRIMARY KEY, destination INTEGER NOT NULL, emailing_id INTEGER NOT NULL,
          ts INTEGER NOT NULL, ip TEXT, useragent TEXT NOT NULL, device TEXT NOT NULL, referer TEXT);
        CREATE TABLE click (id INTEGER PRIMARY KEY, destination INTEGER NOT NULL, emailing_id INTEGER NOT NULL,
          ts INTEGER NOT NULL, link_id INTEGER NOT NULL, ip TEXT, useragent TEXT NOT NULL, referer TEXT);
        CREATE TABLE unsubscribe (id INTEGER PRIMARY KEY, destination INTEGER NOT NULL, emailing_id INTEGER NOT NULL,
          ts INTEGER NOT NULL, source TEXT NOT NULL, success INTEGER NOT NULL);
        CREATE TABLE abuse (id INTEGER PRIMARY KEY, destination INTEGER NOT NULL, emailing_id INTEGER NOT NULL,
          ts INTEGER NOT NULL, recognized_as TEXT NOT NULL, feedback_type TEXT NOT NULL, arf_version TEXT NOT NULL,
          details TEXT NOT NULL);
        ${['delivery', 'retry', 'error', 'impression', 'click', 'unsubscribe', 'abuse'].map(EVENT_INDEXES).join('\n')}

        -- Derived from the event tables by summaries.ts (refreshSummaries); never written by hand.
        -- dominant: 6 abuse, 5 unsubscribe, 4 click, 3 impression, 2 delivery, 1 error, 0 nothing (docs/api/emailings.md §7.3).
        CREATE TABLE dest_summary (
          internal INTEGER PRIMARY KEY,
          emailing_id INTEGER NOT NULL,
          group_id INTEGER,
          n_delivery INTEGER NOT NULL DEFAULT 0, n_retry INTEGER NOT NULL DEFAULT 0,
          n_error INTEGER NOT NULL DEFAULT 0, n_impression INTEGER NOT NULL DEFAULT 0,
          n_click INTEGER NOT NULL DEFAULT 0, n_unsubscribe INTEGER NOT NULL DEFAULT 0,
          n_abuse INTEGER NOT NULL DEFAULT 0, dominant INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX dest_summary_emailing ON dest_summary(emailing_id, dominant);
        CREATE TABLE emailing_summary (
          emailing_id INTEGER PRIMARY KEY,
          destinations INTEGER NOT NULL,
          n_delivery INTEGER NOT NULL, n_retry INTEGER NOT NULL, u_retry INTEGER NOT NULL,
          n_error INTEGER NOT NULL, u_error INTEGER NOT NULL,
          n_impression INTEGER NOT NULL, u_impression INTEGER NOT NULL,
          n_click INTEGER NOT NULL, u_click INTEGER NOT NULL,
          n_unsubscribe INTEGER NOT NULL, u_unsubscribe INTEGER NOT NULL,
          n_abuse INTEGER NOT NULL, u_abuse INTEGER NOT NULL,
          unknown INTEGER NOT NULL,
          d_error INTEGER NOT NULL, d_delivery INTEGER NOT NULL, d_impression INTEGER NOT NULL,
          d_click INTEGER NOT NULL, d_unsubscribe INTEGER NOT NULL, d_abuse INTEGER NOT NULL);

        -- What the emailing pages show of documents and templates (docs/api/emailings.md §10).
        CREATE TABLE publisher_template (id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
          from_address TEXT NOT NULL, subject TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL);
        CREATE TABLE publisher_document (id INTEGER PRIMARY KEY, template_id INTEGER NOT NULL, name TEXT NOT NULL,
          from_address TEXT NOT NULL, subject TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL);
        CREATE TABLE ms_template (id INTEGER PRIMARY KEY, name TEXT NOT NULL, from_name TEXT NOT NULL, from_email TEXT NOT NULL,
          subject TEXT NOT NULL, type TEXT NOT NULL CHECK (type IN ('json', 'html')), archived INTEGER NOT NULL DEFAULT 0,
          directory INTEGER, keywords TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL);

        -- Scheduled emailings (docs/api/emailings.md §9). Runs are start + k * interval; next/previous are computed
        -- against the clock at request time. rrule is what MS shows.
        CREATE TABLE scheduled_emailing (
          id INTEGER PRIMARY KEY,
          system TEXT NOT NULL CHECK (system IN ('publisher', 'ms')),
          start INTEGER NOT NULL,
          interval_count INTEGER NOT NULL,
          interval_unit TEXT NOT NULL CHECK (interval_unit IN ('day', 'week', 'month')),
          iterations INTEGER NOT NULL DEFAULT -1,
          rrule TEXT NOT NULL DEFAULT '',
          document_id INTEGER,
          template_id INTEGER,
          subject TEXT NOT NULL,
          from_name TEXT NOT NULL,
          from_email TEXT NOT NULL,
          type TEXT NOT NULL DEFAULT 'mass',
          is_test INTEGER NOT NULL DEFAULT 0,
          active INTEGER NOT NULL DEFAULT 1,
          testgroups INTEGER NOT NULL DEFAULT 0,
          emailing_type TEXT NOT NULL DEFAULT 'normal',
          contenttype TEXT NOT NULL DEFAULT 'html',
          target_type TEXT NOT NULL,
          target_id INTEGER NOT NULL,
          target_sources_json TEXT NOT NULL,
          tags_json TEXT NOT NULL DEFAULT '[]');
      `);
    },
  },
  {
    version: 2,
    name: 'covering (emailing_id, ts, destination) indexes for the statistics timeline',
    up(db) {
      // The timeline reads (ts, destination) of one emailing's events in time order: make that index-only.
      for (const t of ['delivery', 'retry', 'error', 'impression', 'click', 'unsubscribe', 'abuse']) {
        db.exec(`DROP INDEX IF EXISTS ${t}_emailing_ts; CREATE INDEX ${t}_emailing_ts_dest ON ${t}(emailing_id, ts, destination);`);
      }
    },
  },
  {
    version: 3,
    name: 'stored statistics timelines',
    up(db) {
      // Derived by refreshSummaries(): ts Float64, dest Int32 (index into the emailing's destinations by
      // internal), code Uint8 (0 error, 1 delivery, 2 impression, 3 click, 4 unsubscribe, 5 abuse, 6 retry),
      // grp Float64 (group ID per destination, 0 = none); little-endian typed-array bytes.
      db.exec(`CREATE TABLE emailing_timeline (emailing_id INTEGER PRIMARY KEY, version INTEGER NOT NULL,
        ts BLOB NOT NULL, dest BLOB NOT NULL, code BLOB NOT NULL, grp BLOB NOT NULL)`);
    },
  },
];

/** First IDs per table: distinct, realistic ranges per kind, so a client mixing them up fails loudly (docs/api/emailings.md §1). */
export const ID_BASE = {
  publisherEmailing: 4101,
  msEmailing: 601,
  group: 2481,
  destination: 7_310_001,
  link: 20_901,
  delivery: 310_001,
  retry: 41_001,
  error: 55_001,
  impression: 1_204_001,
  click: 880_001,
  unsubscribe: 21_001,
  abuse: 7_701,
  publisherTemplate: 77,
  publisherDocument: 318,
  msTemplate: 2104,
  publisherSchedule: 456,
  msSchedule: 1742,
} as const;
