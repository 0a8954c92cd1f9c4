// Demo selections (filled in below).
import type Database from 'better-sqlite3';
import type { SeedOptions } from '../core/module.ts';
import type { Rng } from '../core/rng.ts';

export function seedSelectionsDemo(_db: Database.Database, _rng: Rng, _options: SeedOptions): void {}
