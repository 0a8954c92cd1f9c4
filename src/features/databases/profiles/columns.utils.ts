import type { DatabaseField } from '@/api/databases';

/** UI preference only (never tokens): which columns the profiles table shows, per database. */
const key = (databaseId: string) => `orrery.profiles.columns.${databaseId}`;

export function defaultColumns(fields: DatabaseField[]): string[] {
  const displayed = fields.filter((f) => f.displayed && !f.hidden).map((f) => f.name);
  return (displayed.length ? displayed : fields.filter((f) => !f.hidden).map((f) => f.name)).slice(0, 6);
}

export function loadColumns(databaseId: string, fields: DatabaseField[]): string[] {
  try {
    const raw = localStorage.getItem(key(databaseId));
    const stored = raw ? (JSON.parse(raw) as unknown) : null;
    if (Array.isArray(stored)) {
      // Drop columns whose field was deleted or renamed since.
      const names = new Set(fields.map((f) => f.name));
      const kept = stored.filter((n): n is string => typeof n === 'string' && names.has(n));
      if (kept.length) return kept;
    }
  } catch {
    // Unreadable preference: fall back to the defaults.
  }
  return defaultColumns(fields);
}

export function saveColumns(databaseId: string, columns: string[]) {
  localStorage.setItem(key(databaseId), JSON.stringify(columns));
}
