// Core module: databases, fields, collections, interests, profiles, subprofiles, webhooks, OAuth.

import { seedCoreDemo } from './demo.ts';
import type { EmulatorModule } from './module.ts';
import { registerDatabaseRoutes } from './routes/databases.ts';
import { registerIdentityRoutes } from './routes/identity.ts';
import { coreMigrations } from './schema.ts';

export const coreModule: EmulatorModule = {
  name: 'core',
  migrations: coreMigrations,
  registerRoutes(app) {
    registerIdentityRoutes(app);
    registerDatabaseRoutes(app);
  },
  seed(db, rng, options) {
    seedCoreDemo(db, rng, { profiles: options.profiles });
  },
};
