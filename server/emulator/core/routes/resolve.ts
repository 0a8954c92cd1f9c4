// ID resolution for every path head, in Copernica's check order (docs/api/conventions.md §5): head → ID present
// ("element 1 is missing") → ID known (per-entity message) → only then the rest of the path. Registered
// before any route, so routes (also those of plugged-in modules) get validated entities from `c.get(...)`.
import type { Context, Next } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../context.ts';
import { ApiError, MESSAGES, missingElement, parseId } from '../http.ts';
import { findCollection, findDatabase } from '../model.ts';
import { stmt } from '../sql.ts';

const missing = (n: number) => () => {
  throw missingElement(n);
};

export function registerResolvers(app: EmulatorApp): void {
  for (const head of ['database', 'collection', 'profile', 'subprofile', 'interest', 'webhook']) app.all(`/${head}`, missing(1));
  // There is no "all subprofiles of a profile" call: the collection is element 3 (docs/api/databases.md §6).
  app.all('/profile/:profile/subprofiles', (c) => {
    profileIdOf(c);
    throw missingElement(3);
  });

  app.use('/database/:database/*', async (c: Context<EmulatorEnv>, next: Next) => {
    const row = findDatabase(c.get('ctx').db, c.req.param('database') ?? '');
    if (!row) throw new ApiError(MESSAGES.noDatabase);
    c.set('database', row);
    await next();
  });
  app.use('/collection/:collection/*', async (c: Context<EmulatorEnv>, next: Next) => {
    const raw = c.req.param('collection') ?? '';
    const row = parseId(raw) ? findCollection(c.get('ctx').db, raw) : undefined;
    if (!row) throw new ApiError(MESSAGES.noCollection);
    c.set('collection', row);
    await next();
  });
  app.use('/profile/:profile/*', resolveProfile);
  app.use('/subprofile/:subprofile/*', async (c: Context<EmulatorEnv>, next: Next) => {
    const id = parseId(c.req.param('subprofile'));
    if (!id || !stmt(c.get('ctx').db, 'SELECT 1 FROM subprofiles WHERE id = ?').get(id)) throw new ApiError(MESSAGES.noSubprofile);
    c.set('subprofileId', id);
    await next();
  });
}

function profileIdOf(c: Context<EmulatorEnv>): number {
  const id = parseId(c.req.param('profile'));
  if (!id || !stmt(c.get('ctx').db, 'SELECT 1 FROM profiles WHERE id = ?').get(id)) throw new ApiError(MESSAGES.noProfile);
  return id;
}

async function resolveProfile(c: Context<EmulatorEnv>, next: Next) {
  c.set('profileId', profileIdOf(c));
  await next();
}
