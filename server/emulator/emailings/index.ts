// Emailings module: Publisher and Marketing Suite emailings, destinations, events and statistics
// (shared/api/emailings.md). Plugged in through ../modules.ts; tables and endpoints in README.md.
import type { EmulatorModule, SeedOptions } from '../core/module.ts';
import { seedEmailingsDemo } from './demo/generate.ts';
import { registerConsumptionRoutes } from './routes/consumption.ts';
import { registerDestinationRoutes } from './routes/destinations.ts';
import { registerEmailingRoutes } from './routes/emailings.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerLibraryRoutes } from './routes/library.ts';
import { registerProfileRoutes } from './routes/profiles.ts';
import { emailingMigrations } from './schema.ts';

/**
 * The seed step wants the emulator's clock: demo dates are relative to "now". The core's SeedOptions may
 * carry it as `now` (a Date or a function); without it the wall clock is used.
 */
function seedNow(options: SeedOptions): Date {
  const now = (options as SeedOptions & { now?: Date | (() => Date) }).now;
  if (typeof now === 'function') return now();
  return now instanceof Date ? now : new Date();
}

export const emailingsModule: EmulatorModule = {
  name: 'emailings',
  migrations: emailingMigrations,
  registerRoutes(app) {
    registerEmailingRoutes(app);
    registerDestinationRoutes(app);
    registerEventRoutes(app);
    registerLibraryRoutes(app);
    registerProfileRoutes(app);
    registerConsumptionRoutes(app);
  },
  seed(db, rng, options) {
    seedEmailingsDemo(db, rng, { profiles: options.profiles, now: seedNow(options) });
  },
};
