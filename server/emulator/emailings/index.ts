// Emailings module: Publisher and Marketing Suite emailings, destinations, events and statistics
// (docs/api/emailings.md). Plugged in through ../modules.ts; tables and endpoints in README.md.
import type { EmulatorModule } from '../core/module.ts';
import { seedEmailingsDemo } from './demo/generate.ts';
import { registerConsumptionRoutes } from './routes/consumption.ts';
import { registerDestinationRoutes } from './routes/destinations.ts';
import { registerEmailingRoutes } from './routes/emailings.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerLibraryRoutes } from './routes/library.ts';
import { registerProfileRoutes } from './routes/profiles.ts';
import { emailingMigrations } from './schema.ts';

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
    seedEmailingsDemo(db, rng, { profiles: options.profiles, now: options.now });
  },
};
