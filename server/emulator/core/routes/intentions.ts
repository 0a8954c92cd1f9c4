// PUT database/$id/intentions and collection/$id/intentions (restv3/rest-put-database-intentions.md,
// rest-put-collection-intentions.md): booleans email/sms/fax/pdf, absent keys unchanged. An intention needs
// the matching field: email → an `email` field, sms → `phone_gsm`, fax → `phone_fax` (docs/api/databases.md §1).
import type { Context } from 'hono';
import type { EmulatorEnv } from '../context.ts';
import { ApiError, MESSAGES, noContent, readObjectBody, truthy } from '../http.ts';
import { type FieldOwner, listFields } from '../model.ts';
import { inTransaction } from '../records.ts';

const NEEDS: Record<string, string | null> = { email: 'email', sms: 'phone_gsm', fax: 'phone_fax', pdf: null };

export async function putIntentions(c: Context<EmulatorEnv>, table: 'databases' | 'collections', id: number, owner: FieldOwner) {
  const ctx = c.get('ctx');
  const body = await readObjectBody(c);
  const fieldTypes = new Set(listFields(ctx.db, owner).map((f) => f.type));
  const sets: string[] = [];
  const params: (number | null)[] = [];
  for (const [key, needed] of Object.entries(NEEDS)) {
    if (body[key] === undefined) continue;
    const on = truthy(body[key]);
    if (on && needed && !fieldTypes.has(needed as never)) {
      throw new ApiError(`${MESSAGES.invalidData}: the ${key} intention needs a field of type ${needed}`);
    }
    sets.push(`intent_${key} = ?`);
    params.push(on ? 1 : null);
  }
  if (sets.length > 0) inTransaction(ctx, () => ctx.db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`).run(...params, id));
  return noContent();
}
