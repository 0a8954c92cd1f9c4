// Rules and minirules (docs/api/selections.md §3.2 R1–R3, C0, C1 and §3.3 M6–M12). Both levels share this code;
// miniview paths exist in two spellings (pages: /rules, overview: /minirules), and both are served.
import type Database from 'better-sqlite3';
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../../core/context.ts';
import { ApiError, created, deleted, json, MESSAGES, noContent, pageArray, parseId, parsePaging, readObjectBody } from '../../core/http.ts';
import { formatTimestamp } from '../../core/time.ts';
import { canonicalType } from '../condition-types.ts';
import { conditionJson, ruleJson } from '../json.ts';
import { findRule, type Level, listConditions, listRules, TABLES, touchSet } from '../store.ts';
import { insertCondition } from './conditions.ts';
import { miniviewOf, ruleNotFound, ruleOf, viewOf } from './resolve.ts';
import { readFlag, readInversed, readName } from './shared.ts';

type Ctx = Context<EmulatorEnv>;

function nameTaken(db: Database.Database, level: Level, setId: number, name: string, exceptId = 0): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM ${TABLES[level].rules} WHERE view_id = ? AND name = ? COLLATE NOCASE AND id <> ?`)
      .get(setId, name, exceptId) !== undefined
  );
}

export function registerRuleRoutes(app: EmulatorApp, level: Level): void {
  const setOf = (c: Ctx) => (level === 'view' ? viewOf(c).id : miniviewOf(c).id);
  const setPaths = level === 'view' ? ['/view/:view/rules'] : ['/miniview/:miniview/rules', '/miniview/:miniview/minirules'];
  const onePaths =
    level === 'view' ? ['/view/:view/rule/:ruleId'] : ['/miniview/:miniview/minirule/:ruleId', '/miniview/:miniview/rule/:ruleId'];
  const head = level === 'view' ? 'rule' : 'minirule';

  for (const path of setPaths) {
    // V10 restv3/rest-get-view-rules.md, M6 rest-get-miniview-rules.md
    app.get(path, (c) => {
      const { db } = c.get('ctx');
      const rules = listRules(db, level, setOf(c));
      return json(
        pageArray(
          parsePaging(c.get('query')),
          rules.map((r) => ruleJson(db, level, r)),
        ),
      );
    });
    // V12 restv3/rest-post-view-rules.md, M7: `name` required and unique in the view.
    app.post(path, async (c) => {
      const setId = setOf(c);
      const body = await readObjectBody(c);
      const { db, now } = c.get('ctx');
      const name = readName(body);
      const id = db.transaction(() => {
        if (nameTaken(db, level, setId, name)) throw new ApiError(MESSAGES.invalidData);
        const ruleId = Number(
          db
            .prepare(`INSERT INTO ${TABLES[level].rules} (view_id, name, inversed, disabled) VALUES (?, ?, ?, ?)`)
            .run(setId, name, +readInversed(body, false), +readFlag(body, 'disabled', false)).lastInsertRowid,
        );
        touchSet(db, level, setId, formatTimestamp(now()));
        return ruleId;
      })();
      return created(c, head, id);
    });
  }

  // V11, M8: the rule must belong to that view (I).
  for (const path of onePaths) {
    app.get(path, (c) => {
      const setId = setOf(c);
      const { db } = c.get('ctx');
      const rule = findRule(db, level, parseId(c.req.param('ruleId')) ?? 0);
      if (!rule || rule.view_id !== setId) throw new ApiError(ruleNotFound(level));
      return json(ruleJson(db, level, rule));
    });
  }

  // R1, M9
  app.get(`/${head}/:${head}`, (c) => json(ruleJson(c.get('ctx').db, level, ruleOf(c, level))));

  // R2 restv3/rest-put-rule.md, M10 rest-put-minirule.md: name, inversed/inverted, disabled.
  const update = async (c: Ctx) => {
    const rule = ruleOf(c, level);
    const body = await readObjectBody(c);
    const { db, now } = c.get('ctx');
    const name = body.name === undefined ? rule.name : readName(body);
    db.transaction(() => {
      if (nameTaken(db, level, rule.view_id, name, rule.id)) throw new ApiError(MESSAGES.invalidData);
      db.prepare(`UPDATE ${TABLES[level].rules} SET name = ?, inversed = ?, disabled = ? WHERE id = ?`).run(
        name,
        +readInversed(body, rule.inversed === 1),
        +readFlag(body, 'disabled', rule.disabled === 1),
        rule.id,
      );
      touchSet(db, level, rule.view_id, formatTimestamp(now()));
    })();
    return noContent();
  };
  app.put(`/${head}/:${head}`, update);
  app.post(`/${head}/:${head}`, update);

  // R3, M11: the conditions go with the rule.
  app.delete(`/${head}/:${head}`, (c) => {
    const rule = ruleOf(c, level);
    const { db, now } = c.get('ctx');
    db.transaction(() => {
      db.prepare(`DELETE FROM ${TABLES[level].conditions} WHERE rule_id = ?`).run(rule.id);
      db.prepare(`DELETE FROM ${TABLES[level].rules} WHERE id = ?`).run(rule.id);
      touchSet(db, level, rule.view_id, formatTimestamp(now()));
    })();
    return deleted(head, rule.id);
  });

  // C0 (v1 restv1/rest-get-rule-conditions.md): the same envelope as the embedded `conditions`.
  app.get(`/${head}/:${head}/conditions`, (c) => {
    const { db } = c.get('ctx');
    const rows = listConditions(db, level, ruleOf(c, level).id);
    return json(
      pageArray(
        parsePaging(c.get('query')),
        rows.map((r) => conditionJson(db, r)),
      ),
    );
  });

  // C1 restv3/rest-post-rule-conditions.md, M12 rest-post-minirule-conditions.md
  app.post(`/${head}/:${head}/conditions`, async (c) => {
    const rule = ruleOf(c, level);
    const body = await readObjectBody(c);
    const { db, now } = c.get('ctx');
    const id = insertCondition(db, level, rule, body, now());
    // The condition's own URL is condition/$type/$id (restv3/rest-put-condition.md).
    const type = canonicalType(body.type) as string;
    return created(c, `${level === 'view' ? 'condition' : 'minicondition'}/${type}`, id);
  });
}
