// Interests: restv3/rest-get-database-interests.md, rest-post-database-interests.md, rest-put-interest.md,
// rest-delete-interest.md, rest-get-profile-interests.md, rest-post-profile-interests.md, rest-put-profile-interests.md.
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../context.ts';
import {
  ApiError,
  created,
  deleted,
  json,
  MESSAGES,
  noContent,
  pageArray,
  parseId,
  parsePaging,
  readBody,
  readObjectBody,
} from '../http.ts';
import { type InterestRow, insertInterest, interestJson, listInterests } from '../model.ts';
import { applyInterests, emitProfileEvent, forgetChanges, inTransaction, profileDatabaseId } from '../records.ts';
import { profileTable } from '../storage.ts';
import { formatTimestamp } from '../time.ts';
import { phpString } from '../values.ts';

function findInterest(c: Context<EmulatorEnv>): InterestRow {
  const id = parseId(c.req.param('interest'));
  const row = id ? (c.get('ctx').db.prepare('SELECT * FROM interests WHERE id = ?').get(id) as InterestRow | undefined) : undefined;
  if (!row) throw new ApiError(MESSAGES.noInterest);
  return row;
}

/** Name required; the same name may exist in different groups, not twice in one group. */
function checkInterest(all: InterestRow[], name: string, group: string, self?: number) {
  if (name.trim() === '') throw new ApiError(`${MESSAGES.invalidData}: name is required`);
  if (name.length > 255 || group.length > 255) throw new ApiError(`${MESSAGES.invalidData}: name and group are at most 255 characters`);
  const clash = all.find(
    (i) => i.id !== self && i.name.toLowerCase() === name.toLowerCase() && i.group_name.toLowerCase() === group.toLowerCase(),
  );
  if (clash) throw new ApiError(`${MESSAGES.invalidData}: an interest "${name}" already exists in this group`);
}

async function changeProfileInterests(c: Context<EmulatorEnv>, mode: 'merge' | 'replace') {
  const ctx = c.get('ctx');
  const profileId = c.get('profileId');
  const body = await readBody(c);
  inTransaction(ctx, () => {
    const databaseId = profileDatabaseId(ctx.db, profileId);
    const stamp = formatTimestamp(ctx.now());
    if (applyInterests(ctx.db, databaseId, profileId, body ?? [], mode, stamp)) {
      ctx.db.prepare(`UPDATE ${profileTable(databaseId)} SET modified = ? WHERE id = ?`).run(stamp, profileId);
      emitProfileEvent(ctx, 'update', databaseId, profileId, { interests: body });
    }
  });
  return noContent();
}

export function registerInterestRoutes(app: EmulatorApp): void {
  app.get('/database/:database/interests', (c) =>
    json(pageArray(parsePaging(c.get('query')), listInterests(c.get('ctx').db, c.get('database').id).map(interestJson))),
  );

  app.post('/database/:database/interests', async (c) => {
    const ctx = c.get('ctx');
    const body = await readObjectBody(c);
    const name = phpString(body.name);
    const group = phpString(body.group);
    const id = inTransaction(ctx, () => {
      checkInterest(listInterests(ctx.db, c.get('database').id), name, group);
      return insertInterest(ctx.db, c.get('database').id, name, group);
    });
    return created(c, 'interest', id);
  });

  app.on(['PUT', 'POST'], '/interest/:interest', async (c) => {
    const ctx = c.get('ctx');
    const interest = findInterest(c);
    const body = await readObjectBody(c);
    const name = body.name === undefined ? interest.name : phpString(body.name);
    const group = body.group === undefined ? interest.group_name : phpString(body.group);
    inTransaction(ctx, () => {
      checkInterest(listInterests(ctx.db, interest.database_id), name, group, interest.id);
      ctx.db.prepare('UPDATE interests SET name = ?, group_name = ? WHERE id = ?').run(name, group, interest.id);
    });
    return noContent();
  });

  app.delete('/interest/:interest', (c) => {
    const ctx = c.get('ctx');
    const interest = findInterest(c);
    inTransaction(ctx, () => {
      ctx.db.prepare('DELETE FROM profile_interests WHERE interest_id = ?').run(interest.id);
      forgetChanges(ctx.db, { interest: interest.id });
      ctx.db.prepare('DELETE FROM interests WHERE id = ?').run(interest.id);
    });
    return deleted('interest', interest.id);
  });

  // Bare arrays: names by default, `return=ids` or `return=objects`.
  app.get('/profile/:profile/interests', (c) => {
    const { db } = c.get('ctx');
    const profileId = c.get('profileId');
    const rows = db
      .prepare(
        `SELECT i.* FROM profile_interests pi JOIN interests i ON i.id = pi.interest_id
         WHERE pi.profile_id = ? AND NOT EXISTS (SELECT 1 FROM ${profileTable(profileDatabaseId(db, profileId))} p WHERE p.id = pi.profile_id AND p.removed IS NOT NULL)
         ORDER BY i.id`,
      )
      .all(profileId) as InterestRow[];
    const mode = c.get('query').get('return');
    if (mode === 'ids') return json(rows.map((r) => String(r.id)));
    if (mode === 'objects') return json(rows.map(interestJson));
    return json(rows.map((r) => r.name));
  });
  app.post('/profile/:profile/interests', (c) => changeProfileInterests(c, 'merge'));
  app.put('/profile/:profile/interests', (c) => changeProfileInterests(c, 'replace'));
}
