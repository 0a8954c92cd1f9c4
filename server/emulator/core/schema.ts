import type { Migration } from './db.ts';

// Core tables. Profile and subprofile *values* live in one table per database (`profiles_<databaseId>`)
// and per collection (`subprofiles_<collectionId>`), with one typed column `f<fieldId>` per field; see
// storage.ts and README.md. The tables below are the catalogue and the ID registries.
export const coreMigrations: Migration[] = [
  {
    version: 1,
    name: 'catalogue, registries, interests, webhooks, oauth',
    up(db) {
      db.exec(`
        CREATE TABLE account (
          id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, company TEXT NOT NULL,
          customer_id INTEGER NOT NULL, customer_name TEXT NOT NULL, license_id INTEGER NOT NULL);
        INSERT INTO account VALUES (812, 'Orrery Demo', 'Sandbox account', 'Acme BV', 5120, 'Acme BV', 7734);

        CREATE TABLE access_tokens (token TEXT PRIMARY KEY, client_id TEXT, created TEXT NOT NULL);

        CREATE TABLE databases (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          archived INTEGER NOT NULL DEFAULT 0,
          created TEXT NOT NULL,
          intent_email INTEGER, intent_sms INTEGER, intent_fax INTEGER, intent_pdf INTEGER,
          unsubscribe_behavior TEXT NOT NULL DEFAULT 'nothing',
          unsubscribe_fields TEXT NOT NULL DEFAULT '{}');

        CREATE TABLE collections (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          database_id INTEGER NOT NULL REFERENCES databases(id),
          name TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          intent_email INTEGER, intent_sms INTEGER, intent_fax INTEGER, intent_pdf INTEGER,
          unsubscribe_behavior TEXT NOT NULL DEFAULT 'nothing',
          unsubscribe_fields TEXT NOT NULL DEFAULT '{}');
        CREATE INDEX collections_database ON collections(database_id);

        -- Fields of a database (collection_id NULL) or of a collection. Column in the values table: f<id>.
        CREATE TABLE fields (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          database_id INTEGER NOT NULL REFERENCES databases(id),
          collection_id INTEGER REFERENCES collections(id),
          name TEXT NOT NULL,
          type TEXT NOT NULL,
          value TEXT NOT NULL DEFAULT '',
          displayed INTEGER NOT NULL DEFAULT 0,
          ordered INTEGER NOT NULL DEFAULT 0,
          length INTEGER NOT NULL DEFAULT 255,
          textlines INTEGER NOT NULL DEFAULT 1,
          hidden INTEGER NOT NULL DEFAULT 0,
          indexed INTEGER NOT NULL DEFAULT 0,
          locked INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX fields_owner ON fields(database_id, collection_id);

        CREATE TABLE interests (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          database_id INTEGER NOT NULL REFERENCES databases(id),
          name TEXT NOT NULL,
          group_name TEXT NOT NULL DEFAULT '');
        CREATE INDEX interests_database ON interests(database_id);

        -- ID registries: profile and subprofile IDs are unique across the account.
        CREATE TABLE profiles (id INTEGER PRIMARY KEY AUTOINCREMENT, database_id INTEGER NOT NULL);
        CREATE TABLE subprofiles (
          id INTEGER PRIMARY KEY AUTOINCREMENT, collection_id INTEGER NOT NULL, profile_id INTEGER NOT NULL);

        CREATE TABLE profile_interests (
          profile_id INTEGER NOT NULL, interest_id INTEGER NOT NULL,
          PRIMARY KEY (profile_id, interest_id)) WITHOUT ROWID;
        CREATE INDEX profile_interests_interest ON profile_interests(interest_id, profile_id);

        CREATE TABLE webhooks (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          handler TEXT NOT NULL,
          trigger TEXT NOT NULL,
          callers TEXT NOT NULL DEFAULT '["ms","publisher"]',
          database_id INTEGER,
          collection_id INTEGER,
          created TEXT NOT NULL);

        CREATE TABLE oauth_codes (
          code TEXT PRIMARY KEY, client_id TEXT NOT NULL, redirect_uri TEXT NOT NULL,
          expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE oauth_nonces (nonce TEXT PRIMARY KEY, client_id TEXT NOT NULL, expires_at INTEGER NOT NULL);

        -- Realistic, distinct ID ranges, so a client mixing up a profile ID and a database ID fails loudly.
        INSERT INTO sqlite_sequence (name, seq) VALUES
          ('databases', 30), ('collections', 76), ('fields', 200), ('interests', 11),
          ('profiles', 4700), ('subprofiles', 90200), ('webhooks', 1890);
      `);
    },
  },
  {
    version: 2,
    name: 'oauth consent nonces are bound to redirect_uri and state',
    up(db) {
      db.exec(`
        ALTER TABLE oauth_nonces ADD COLUMN redirect_uri TEXT NOT NULL DEFAULT '';
        ALTER TABLE oauth_nonces ADD COLUMN state TEXT NOT NULL DEFAULT '';
        CREATE INDEX webhooks_trigger ON webhooks(trigger);
      `);
    },
  },
  {
    version: 3,
    name: 'change log of field values and interests',
    up(db) {
      // One row per real change made through the API (records.ts), at the same timestamp as the `modified`
      // it bumped: what the selections' Change condition reads. Field IDs are unique across databases and
      // collections, profile and subprofile IDs each across the account. Indexes answer "which records
      // changed field F / interest I in window W" ((id, ts, record) covering) and "which changed anything in
      // W" ((ts, record) covering).
      db.exec(`
        CREATE TABLE profile_field_changes (profile_id INTEGER NOT NULL, field_id INTEGER NOT NULL, ts TEXT NOT NULL);
        CREATE INDEX profile_field_changes_field ON profile_field_changes(field_id, ts, profile_id);
        CREATE INDEX profile_field_changes_ts ON profile_field_changes(ts, profile_id);

        CREATE TABLE profile_interest_changes (
          profile_id INTEGER NOT NULL, interest_id INTEGER NOT NULL, gained INTEGER NOT NULL, ts TEXT NOT NULL);
        CREATE INDEX profile_interest_changes_interest ON profile_interest_changes(interest_id, ts, gained, profile_id);
        CREATE INDEX profile_interest_changes_ts ON profile_interest_changes(ts, profile_id);

        CREATE TABLE subprofile_field_changes (subprofile_id INTEGER NOT NULL, field_id INTEGER NOT NULL, ts TEXT NOT NULL);
        CREATE INDEX subprofile_field_changes_field ON subprofile_field_changes(field_id, ts, subprofile_id);
        CREATE INDEX subprofile_field_changes_ts ON subprofile_field_changes(ts, subprofile_id);
      `);
    },
  },
];
