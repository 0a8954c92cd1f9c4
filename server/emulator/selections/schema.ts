import type { Migration } from '../core/db.ts';

// Selections storage (docs/api/selections.md §6.2). Views and miniviews share one shape per level:
//   views / miniviews                 the selection itself (a view hangs under a database or a parent view)
//   view_rules / miniview_rules       rules and minirules (`view_id` = owning view or miniview)
//   view_conditions / miniview_conditions
//                                     one row per condition; `props` holds the normalised properties as JSON,
//                                     `target_id` the referenced view (ReferView) or miniview (MiniView), so
//                                     `has-referred`, cycle checks and `miniview/$id/views` are plain lookups.
export const selectionsMigrations: Migration[] = [
  {
    version: 1,
    name: 'views, miniviews, rules and conditions',
    up(db) {
      db.exec(`
        CREATE TABLE views (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          database_id INTEGER NOT NULL,
          parent_view_id INTEGER,
          name TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          last_built TEXT NOT NULL,
          intent_email INTEGER, intent_sms INTEGER, intent_fax INTEGER, intent_pdf INTEGER);
        CREATE INDEX views_database ON views(database_id, parent_view_id);
        CREATE INDEX views_parent ON views(parent_view_id);

        CREATE TABLE miniviews (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          collection_id INTEGER NOT NULL,
          name TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          last_built TEXT NOT NULL,
          intent_email INTEGER, intent_sms INTEGER, intent_fax INTEGER, intent_pdf INTEGER);
        CREATE INDEX miniviews_collection ON miniviews(collection_id);

        CREATE TABLE view_rules (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          view_id INTEGER NOT NULL,
          name TEXT NOT NULL,
          inversed INTEGER NOT NULL DEFAULT 0,
          disabled INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX view_rules_view ON view_rules(view_id);

        CREATE TABLE miniview_rules (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          view_id INTEGER NOT NULL,
          name TEXT NOT NULL,
          inversed INTEGER NOT NULL DEFAULT 0,
          disabled INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX miniview_rules_view ON miniview_rules(view_id);

        CREATE TABLE view_conditions (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          rule_id INTEGER NOT NULL,
          type TEXT NOT NULL,
          props TEXT NOT NULL,
          target_id INTEGER);
        CREATE INDEX view_conditions_rule ON view_conditions(rule_id);
        CREATE INDEX view_conditions_target ON view_conditions(type, target_id);

        CREATE TABLE miniview_conditions (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          rule_id INTEGER NOT NULL,
          type TEXT NOT NULL,
          props TEXT NOT NULL,
          target_id INTEGER);
        CREATE INDEX miniview_conditions_rule ON miniview_conditions(rule_id);
        CREATE INDEX miniview_conditions_target ON miniview_conditions(type, target_id);

        -- Distinct, realistic ID ranges (as the core does), so mixing up a view and a rule ID fails loudly.
        INSERT INTO sqlite_sequence (name, seq) VALUES
          ('views', 510), ('miniviews', 300), ('view_rules', 900), ('miniview_rules', 600),
          ('view_conditions', 3300), ('miniview_conditions', 5200);
      `);
    },
  },
];
