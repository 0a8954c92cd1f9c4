import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** One numbered schema step of a module. Versions are per module and applied in ascending order. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export function openDatabase(dbPath: string): Database.Database {
  if (dbPath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const db = new Database(dbPath);
  if (dbPath !== ':memory:') {
    // WAL lets readers (e.g. a sqlite3 shell) look in while the emulator writes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536'); // 64 MB page cache: the 1M-profile tables are ~200 MB
  db.pragma('temp_store = MEMORY');
  return db;
}

/** Apply the pending migrations of each module, each in its own transaction. Returns how many ran. */
export function migrate(db: Database.Database, modules: { name: string; migrations: Migration[] }[]): number {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (module, version))`);
  const applied = db.prepare('SELECT 1 FROM migrations WHERE module = ? AND version = ?');
  const record = db.prepare(`INSERT INTO migrations (module, version, name, applied_at) VALUES (?, ?, ?, datetime('now'))`);
  let count = 0;
  for (const mod of modules) {
    for (const m of [...mod.migrations].sort((a, b) => a.version - b.version)) {
      if (applied.get(mod.name, m.version)) continue;
      db.transaction(() => {
        m.up(db);
        record.run(mod.name, m.version, m.name);
      })();
      count++;
    }
  }
  return count;
}
