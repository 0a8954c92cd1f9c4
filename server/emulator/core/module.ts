import type Database from 'better-sqlite3';
import type { CopyResult, EmulatorApp, EmulatorContext } from './context.ts';
import type { Migration } from './db.ts';
import type { Rng } from './rng.ts';

export interface SeedOptions {
  /** Requested number of demo profiles (the core module spreads them over its databases). */
  profiles: number;
  seed: number;
  /** The emulator clock's time at seeding: demo events are placed relative to it. */
  now: Date;
}

/**
 * A pluggable part of the emulator (core, emailings, selections). Listed in ../modules.ts.
 * - `migrations`: numbered per module, applied in list order (core first), recorded in `migrations`.
 * - `registerRoutes`: add Hono routes; paths are without the `/v3` prefix (e.g. `/database/:database/views`).
 *   The core registers ID resolvers first, so `c.get('database')`, `c.get('collection')`, `c.get('profileId')`
 *   and `c.get('subprofileId')` are already validated (with Copernica's error messages) in module routes.
 * - `seed`: add demo data after the core demo (runs in the same transaction; gets its own PRNG).
 * - `publicPaths`: paths that need no access token (e.g. tracking pixels).
 * - `copyDatabase`: copy the module's own data when a database is copied (views, miniviews).
 */
export interface EmulatorModule {
  name: string;
  migrations: Migration[];
  registerRoutes(app: EmulatorApp, ctx: EmulatorContext): void;
  seed?(db: Database.Database, rng: Rng, options: SeedOptions): void;
  publicPaths?: RegExp[];
  /** POST database/$id/copy: copy this module's data of the database (the core has copied the rest; see copy.ts). */
  copyDatabase?(ctx: EmulatorContext, copy: CopyResult): void;
}
