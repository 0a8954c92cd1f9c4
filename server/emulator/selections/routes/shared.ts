// Body helpers shared by the view, miniview and rule routes.
import type Database from 'better-sqlite3';
import { ApiError, MESSAGES, truthy } from '../../core/http.ts';
import { type FieldOwner, listFields } from '../../core/model.ts';

/** A required name: a non-empty string without leading or trailing spaces (MS edit-view-name.md). */
export function readName(body: Record<string, unknown>): string {
  const name = typeof body.name === 'number' ? String(body.name) : body.name;
  if (typeof name !== 'string' || name.trim() === '' || name.trim() !== name) throw new ApiError(MESSAGES.invalidData);
  return name;
}

/** `inversed` is the spelling of every JSON example, `inverted` that of the property lists: accept both (§8). */
export function readInversed(body: Record<string, unknown>, current: boolean): boolean {
  if (body.inversed !== undefined) return truthy(body.inversed);
  if (body.inverted !== undefined) return truthy(body.inverted);
  return current;
}

export function readFlag(body: Record<string, unknown>, name: string, current: boolean): boolean {
  return body[name] === undefined ? current : truthy(body[name]);
}

interface IntentionColumns {
  intent_email: number | null;
  intent_sms: number | null;
  intent_fax: number | null;
  intent_pdf: number | null;
}

// An intention needs a field of the matching type (docs/api/selections.md V15; types from rest-post-database-fields.md).
const REQUIRED_FIELD_TYPE = { email: 'email', sms: 'phone_gsm', fax: 'phone_fax' } as const;

/** New intentions: omitted keys stay; `true` → 1, `false` → null ("either 1 or null"). */
export function readIntentions(db: Database.Database, owner: FieldOwner, row: IntentionColumns, body: Record<string, unknown>) {
  const next = { email: row.intent_email, sms: row.intent_sms, fax: row.intent_fax, pdf: row.intent_pdf };
  const types = new Set(listFields(db, owner).map((f) => f.type as string));
  for (const key of ['email', 'sms', 'fax', 'pdf'] as const) {
    if (body[key] === undefined) continue;
    const on = truthy(body[key]);
    if (on && key !== 'pdf' && !types.has(REQUIRED_FIELD_TYPE[key])) throw new ApiError(MESSAGES.invalidData);
    next[key] = on ? 1 : null;
  }
  return next;
}
