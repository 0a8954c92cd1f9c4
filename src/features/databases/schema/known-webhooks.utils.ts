/**
 * The real API cannot list webhooks (docs/api/databases.md §8, "Listing gap"): remember the IDs of webhooks made or
 * opened here, per database. A UI preference, like column choices; it holds no secrets.
 */
const key = (databaseId: string) => `orrery.webhooks.${databaseId}`;

export function knownWebhookIds(databaseId: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(key(databaseId)) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && /^\d+$/.test(x)) : [];
  } catch {
    return [];
  }
}

export function rememberWebhook(databaseId: string, id: string): string[] {
  const next = [...new Set([...knownWebhookIds(databaseId), id])];
  localStorage.setItem(key(databaseId), JSON.stringify(next));
  return next;
}

export function forgetWebhook(databaseId: string, id: string): string[] {
  const next = knownWebhookIds(databaseId).filter((x) => x !== id);
  localStorage.setItem(key(databaseId), JSON.stringify(next));
  return next;
}
