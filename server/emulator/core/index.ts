// Core module: identity, databases, fields, collections, interests, unsubscribe behaviour, profiles,
// subprofiles, webhooks and OAuth. One route file per resource under routes/.
import { seedCoreDemo } from './demo.ts';
import type { EmulatorModule } from './module.ts';
import { registerCollectionRoutes } from './routes/collections.ts';
import { registerDatabaseRoutes } from './routes/databases.ts';
import { registerFieldRoutes } from './routes/fields.ts';
import { registerIdentityRoutes } from './routes/identity.ts';
import { registerInterestRoutes } from './routes/interests.ts';
import { registerOAuthRoutes } from './routes/oauth.ts';
import { registerProfileFallbacks, registerProfileRoutes } from './routes/profiles.ts';
import { registerSubprofileFallbacks, registerSubprofileRoutes } from './routes/subprofiles.ts';
import { registerUnsubscribeRoutes } from './routes/unsubscribe.ts';
import { registerWebhookRoutes } from './routes/webhooks.ts';
import { coreMigrations } from './schema.ts';

export const coreModule: EmulatorModule = {
  name: 'core',
  migrations: coreMigrations,
  registerRoutes(app) {
    registerIdentityRoutes(app);
    registerDatabaseRoutes(app);
    registerFieldRoutes(app);
    registerCollectionRoutes(app);
    registerInterestRoutes(app);
    registerUnsubscribeRoutes(app);
    registerProfileRoutes(app);
    registerSubprofileRoutes(app);
    registerWebhookRoutes(app);
    registerOAuthRoutes(app);
  },
  seed(db, rng, options) {
    seedCoreDemo(db, rng, { profiles: options.profiles });
  },
};

/** Catch-all routes that must come after every module's routes (see index.ts). */
export function registerCoreFallbacks(app: Parameters<EmulatorModule['registerRoutes']>[0]): void {
  registerProfileFallbacks(app);
  registerSubprofileFallbacks(app);
}
