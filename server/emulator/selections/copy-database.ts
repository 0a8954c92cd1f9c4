// POST database/$id/copy with options `views` and/or `miniviews` (restv3/rest-post-database-copy.md): the
// core copies the structure and calls this hook, inside its transaction, with the old → new ID maps. Every
// reference in a copied condition is mapped to the copy (fields, interests, views, miniviews); a reference
// without a counterpart (e.g. a miniview that was not copied) becomes unset and evaluates as an empty set.
import type { CopyResult, EmulatorContext } from '../core/context.ts';
import { formatTimestamp } from '../core/time.ts';
import { CONDITION_TYPES, type Props } from './condition-types.ts';
import { type Level, listChildViews, listConditions, listMiniviews, listRules, TABLES } from './store.ts';

interface Maps {
  fields: Map<number, number>;
  interests: Map<number, number>;
  views: Map<number, number>;
  miniviews: Map<number, number>;
}

function mapProps(type: string, props: Props, maps: Maps): { props: Props; target: number | null } {
  const out: Props = { ...props };
  const one = (map: Map<number, number>, v: Props[string]) => (typeof v === 'number' ? (map.get(v) ?? null) : null);
  for (const [name, spec] of Object.entries(CONDITION_TYPES[type]?.props ?? {})) {
    const v = props[name] ?? null;
    if (spec.kind === 'field') out[name] = one(maps.fields, v);
    else if (spec.kind === 'fields')
      out[name] = (Array.isArray(v) ? v : []).map((id) => maps.fields.get(id)).filter((id): id is number => id !== undefined);
    else if (spec.kind === 'interest') out[name] = one(maps.interests, v);
    else if (spec.kind === 'view') out[name] = one(maps.views, v);
    else if (spec.kind === 'miniview') out[name] = one(maps.miniviews, v);
  }
  const target = type === 'ReferView' ? out['refer-view'] : type === 'MiniView' ? out['mini-view'] : null;
  return { props: out, target: typeof target === 'number' ? target : null };
}

function copyRules(ctx: EmulatorContext, level: Level, from: number, to: number, maps: Maps): void {
  const { db } = ctx;
  for (const rule of listRules(db, level, from)) {
    const ruleId = Number(
      db
        .prepare(`INSERT INTO ${TABLES[level].rules} (view_id, name, inversed, disabled) VALUES (?, ?, ?, ?)`)
        .run(to, rule.name, rule.inversed, rule.disabled).lastInsertRowid,
    );
    for (const c of listConditions(db, level, rule.id)) {
      const mapped = mapProps(c.type, JSON.parse(c.props) as Props, maps);
      db.prepare(`INSERT INTO ${TABLES[level].conditions} (rule_id, type, props, target_id) VALUES (?, ?, ?, ?)`).run(
        ruleId,
        c.type,
        JSON.stringify(mapped.props),
        mapped.target,
      );
    }
  }
}

export function copySelections(ctx: EmulatorContext, copy: CopyResult): void {
  const { db } = ctx;
  const built = formatTimestamp(ctx.now());
  const maps: Maps = { fields: copy.fields, interests: copy.interests, views: new Map(), miniviews: new Map() };
  const minis: [number, number][] = [];
  if (copy.options.miniviews) {
    for (const [oldCollection, newCollection] of copy.collections) {
      for (const m of listMiniviews(db, oldCollection)) {
        const id = Number(
          db
            .prepare(
              'INSERT INTO miniviews (collection_id, name, description, last_built, intent_email, intent_sms, intent_fax, intent_pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            )
            .run(newCollection, m.name, m.description, built, m.intent_email, m.intent_sms, m.intent_fax, m.intent_pdf).lastInsertRowid,
        );
        maps.miniviews.set(m.id, id);
        minis.push([m.id, id]);
      }
    }
  }
  const views: [number, number][] = [];
  if (copy.options.views) {
    // Parents first, so every copied view can hang under its parent's copy.
    const walk = (oldParent: number | null, newParent: number | null) => {
      for (const v of listChildViews(db, copy.from, oldParent)) {
        const id = Number(
          db
            .prepare(
              `INSERT INTO views (database_id, parent_view_id, name, description, last_built, intent_email, intent_sms, intent_fax, intent_pdf)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(copy.to, newParent, v.name, v.description, built, v.intent_email, v.intent_sms, v.intent_fax, v.intent_pdf)
            .lastInsertRowid,
        );
        maps.views.set(v.id, id);
        views.push([v.id, id]);
        walk(v.id, id);
      }
    };
    walk(null, null);
  }
  // Rules after all sets exist: a condition may refer to any view or miniview of the database.
  for (const [from, to] of minis) copyRules(ctx, 'mini', from, to, maps);
  for (const [from, to] of views) copyRules(ctx, 'view', from, to, maps);
}
