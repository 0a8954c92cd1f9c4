// The selections module: views, nested views, rules, conditions, miniviews and their evaluation in SQL.
// See README.md for how a view compiles to one query.
import type Database from 'better-sqlite3';
import type { EmulatorModule } from '../core/module.ts';
import { copySelections } from './copy-database.ts';
import { seedSelectionsDemo } from './demo.ts';
import { registerConditionRoutes } from './routes/conditions.ts';
import { registerMemberRoutes } from './routes/members.ts';
import { registerMiniviewRoutes } from './routes/miniviews.ts';
import { registerSelectionResolvers } from './routes/resolve.ts';
import { registerRuleRoutes } from './routes/rules.ts';
import { registerViewRoutes } from './routes/views.ts';
import { selectionsMigrations } from './schema.ts';

/**
 * `orrery_regexp(pattern, value)`: case-insensitive JavaScript regular expression test (MySQL's REGEXP is
 * case-insensitive too), used by the Field comparisons regexp, is_email and is-numeric. Compiled patterns are
 * cached; a pattern that does not compile matches nothing.
 */
export function registerSqlFunctions(db: Database.Database): void {
  const cache = new Map<string, RegExp | null>();
  db.function('orrery_regexp', { deterministic: true }, (pattern: unknown, value: unknown) => {
    const key = String(pattern ?? '');
    let re = cache.get(key);
    if (re === undefined) {
      try {
        re = new RegExp(key, 'i');
      } catch {
        re = null;
      }
      if (cache.size > 1000) cache.clear();
      cache.set(key, re);
    }
    return re?.test(String(value ?? '')) ? 1 : 0;
  });
}

export const selectionsModule: EmulatorModule = {
  name: 'selections',
  migrations: selectionsMigrations,
  registerRoutes(app, ctx) {
    registerSqlFunctions(ctx.db);
    registerSelectionResolvers(app);
    registerViewRoutes(app);
    registerMiniviewRoutes(app);
    registerRuleRoutes(app, 'view');
    registerRuleRoutes(app, 'mini');
    registerConditionRoutes(app, 'view');
    registerConditionRoutes(app, 'mini');
    registerMemberRoutes(app);
  },
  seed: seedSelectionsDemo,
  copyDatabase: copySelections,
};
