/** What a query in the palette can mean, besides matching names. */
export type PaletteIntent = { profileId?: string; profileSearch?: string };

export function paletteIntent(query: string): PaletteIntent {
  const q = query.trim();
  if (/^\d+$/.test(q)) return { profileId: q };
  // An e-mail (or part of one) searches profiles by their e-mail field.
  if (q.includes('@') || q.length >= 3) return { profileSearch: q };
  return {};
}

export function matches(label: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || label.toLowerCase().includes(q);
}

/** The database in the current URL, if any: its pages join the palette. */
export function currentDatabaseId(pathname: string): string | undefined {
  return /^\/databases\/(\d+)/.exec(pathname)?.[1];
}
