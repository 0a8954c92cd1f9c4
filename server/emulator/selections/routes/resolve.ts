// ID resolution for the selection path heads, in Copernica's check order (docs/api/conventions.md §5): head →
// ID present ("element 1 is missing") → ID known → only then the rest of the path. Not-found texts follow
// the observed `No database with supplied ID` pattern (docs/api/selections.md §1).
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../../core/context.ts';
import { ApiError, missingElement, parseId } from '../../core/http.ts';
import { findMiniview, findRule, findView, type Level, type MiniviewRow, type RuleRow, type ViewRow } from '../store.ts';

export const NOT_FOUND = {
  view: 'No view with supplied ID',
  rule: 'No rule with supplied ID',
  condition: 'No condition with supplied ID',
  miniview: 'No miniview with supplied ID',
  minirule: 'No minirule with supplied ID',
  minicondition: 'No minicondition with supplied ID',
} as const;

export function ruleNotFound(level: Level): string {
  return level === 'view' ? NOT_FOUND.rule : NOT_FOUND.minirule;
}

type Ctx = Context<EmulatorEnv>;

/** Lookups run per request; the small cost keeps the core's Hono variables untouched. */
export function viewOf(c: Ctx): ViewRow {
  const view = findView(c.get('ctx').db, parseId(c.req.param('view')) ?? 0);
  if (!view) throw new ApiError(NOT_FOUND.view);
  return view;
}

export function miniviewOf(c: Ctx): MiniviewRow {
  const mini = findMiniview(c.get('ctx').db, parseId(c.req.param('miniview')) ?? 0);
  if (!mini) throw new ApiError(NOT_FOUND.miniview);
  return mini;
}

export function ruleOf(c: Ctx, level: Level): RuleRow {
  const rule = findRule(c.get('ctx').db, level, parseId(c.req.param(level === 'view' ? 'rule' : 'minirule')) ?? 0);
  if (!rule) throw new ApiError(ruleNotFound(level));
  return rule;
}

/** Missing-ID and unknown-ID checks for every path under the selection heads, before any sub-path. */
export function registerSelectionResolvers(app: EmulatorApp): void {
  for (const head of ['view', 'rule', 'condition', 'miniview', 'minirule', 'minicondition']) {
    app.all(`/${head}`, () => {
      throw missingElement(1);
    });
  }
  // condition/$type/$id: the ID is element 2.
  for (const head of ['condition', 'minicondition']) {
    app.all(`/${head}/:type`, () => {
      throw missingElement(2);
    });
  }
  app.use('/view/:view/*', async (c, next) => {
    viewOf(c);
    await next();
  });
  app.use('/miniview/:miniview/*', async (c, next) => {
    miniviewOf(c);
    await next();
  });
  app.use('/rule/:rule/*', async (c, next) => {
    ruleOf(c, 'view');
    await next();
  });
  app.use('/minirule/:minirule/*', async (c, next) => {
    ruleOf(c, 'mini');
    await next();
  });
}
