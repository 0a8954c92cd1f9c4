/**
 * The wire shapes of emailings and their statistics (docs/api/emailings.md) and their normalisation.
 * Copernica mixes strings and numbers for the same counters (§2 Types): everything numeric goes through
 * `num()`. `from_address` is an object on emailings but a `"Name" <address>` string on snapshots (§10).
 */

export type EmailingSystem = 'publisher' | 'ms';
export const EMAILING_SYSTEMS: readonly EmailingSystem[] = ['publisher', 'ms'];

export function isEmailingSystem(s: unknown): s is EmailingSystem {
  return s === 'publisher' || s === 'ms';
}

export type TargetSource = { id: string; type: string };
export type Target = { type: string; sources: TargetSource[] };
export type Address = { name: string; email: string };

export type RawEmailing = {
  id?: string | number;
  ID?: string | number;
  timestamp?: string;
  subject?: string;
  description?: string;
  document?: string | number;
  template?: string | number;
  from_address?: { name?: string; email?: string } | string;
  destinations?: string | number;
  testgroups?: string | number;
  finalgroup?: string | number;
  type?: string;
  contenttype?: string;
  target?: { type?: string; sources?: { id?: string | number; type?: string }[] };
  tags?: string[];
  clicks?: string | number;
  impressions?: string | number;
  errors?: string | number;
  unsubscribes?: string | number;
  abuses?: string | number;
};

/** Publisher emailings carry totals in the list (§4.1); MS ones do not (§4.2). */
export type EmailingCounters = { clicks: number; impressions: number; errors: number; unsubscribes: number; abuses: number };

export type Emailing = {
  system: EmailingSystem;
  id: string;
  timestamp: string;
  subject: string;
  description: string;
  from: Address;
  destinations: number;
  type: string;
  document?: string;
  template?: string;
  testgroups: number;
  finalgroup?: string;
  contenttype?: string;
  target: Target;
  tags: string[];
  counters?: EmailingCounters;
};

export const num = (v: unknown): number => {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
};

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const optStr = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

/** `"Orrery Shop" <news@shop.example.com>`, `news@shop.example.com` or `{name, email}` → `{name, email}`. */
export function parseAddress(value: unknown): Address {
  if (value && typeof value === 'object') {
    const o = value as { name?: unknown; email?: unknown };
    return { name: str(o.name), email: str(o.email) };
  }
  const s = str(value).trim();
  const m = /^(?:"?([^"<]*?)"?\s*)?<([^>]*)>$/.exec(s);
  if (m) return { name: (m[1] ?? '').trim(), email: (m[2] ?? '').trim() };
  return { name: '', email: s };
}

/** Single objects are documented as sitting in `data` but every example is bare (§2 Single objects). */
export function unwrapSingle<T>(reply: T): T {
  const r = reply as { id?: unknown; ID?: unknown; data?: unknown };
  if (
    r &&
    typeof r === 'object' &&
    r.id === undefined &&
    r.ID === undefined &&
    r.data &&
    typeof r.data === 'object' &&
    !Array.isArray(r.data)
  ) {
    return r.data as T;
  }
  return reply;
}

export function normalizeEmailing(system: EmailingSystem, raw: RawEmailing): Emailing {
  const counters =
    system === 'publisher' && raw.clicks !== undefined
      ? {
          clicks: num(raw.clicks),
          impressions: num(raw.impressions),
          errors: num(raw.errors),
          unsubscribes: num(raw.unsubscribes),
          abuses: num(raw.abuses),
        }
      : undefined;
  return {
    system,
    id: str(raw.id ?? raw.ID),
    timestamp: str(raw.timestamp),
    subject: str(raw.subject),
    description: str(raw.description),
    from: parseAddress(raw.from_address),
    destinations: num(raw.destinations),
    type: str(raw.type),
    document: optStr(raw.document),
    template: optStr(raw.template),
    testgroups: num(raw.testgroups),
    finalgroup: optStr(raw.finalgroup),
    contenttype: optStr(raw.contenttype),
    target: {
      type: str(raw.target?.type),
      sources: (raw.target?.sources ?? []).map((s) => ({ id: str(s.id), type: str(s.type) })),
    },
    tags: Array.isArray(raw.tags) ? raw.tags.map(str) : [],
    counters,
  };
}

export type Snapshot = { subject: string; from: Address; name: string; document?: string; template?: string };

export function normalizeSnapshot(raw: Record<string, unknown>): Snapshot {
  return {
    subject: str(raw.subject),
    from: parseAddress(raw.from_address ?? raw['from-address']),
    name: str(raw.name),
    document: optStr(raw.document),
    template: optStr(raw.template),
  };
}

export type Counter = { total: number; unique: number };

/** Per destination only its strongest result counts (§7.3). `noResponse` = delivered without reaction + no event at all. */
export type DominantResults = {
  destinations: number;
  errors: number;
  deliveries: number;
  impressions: number;
  clicks: number;
  unsubscribes: number;
  abuses: number;
};

export type EmailingStatistics = {
  destinations: number;
  deliveries: number;
  errors: Counter;
  impressions: Counter;
  clicks: Counter;
  unsubscribes: Counter;
  abuses: Counter;
  /** Publisher only (§7.2). */
  unknown?: number;
  /** MS only (§7.2). */
  retries?: Counter;
  dominant?: DominantResults;
};

type RawCounter = { total?: unknown; unique?: unknown } | undefined;
export type RawStatistics = Record<string, unknown>;

const counter = (c: unknown): Counter => ({ total: num((c as RawCounter)?.total), unique: num((c as RawCounter)?.unique) });

export function normalizeStatistics(raw: RawStatistics): EmailingStatistics {
  const d = raw.dominant_results as Record<string, unknown> | undefined;
  const deliveries = raw.deliveries as RawCounter | number | undefined;
  return {
    destinations: num(raw.destinations),
    deliveries: typeof deliveries === 'object' ? num(deliveries?.total) : num(deliveries),
    errors: counter(raw.errors),
    impressions: counter(raw.impressions),
    clicks: counter(raw.clicks),
    unsubscribes: counter(raw.unsubscribes),
    abuses: counter(raw.abuses),
    unknown: raw.unknown === undefined ? undefined : num((raw.unknown as RawCounter)?.total),
    retries: raw.retries === undefined ? undefined : counter(raw.retries),
    dominant: d
      ? {
          destinations: num(d.destinations),
          errors: num(d.errors),
          deliveries: num(d.deliveries),
          impressions: num(d.impressions),
          clicks: num(d.clicks),
          unsubscribes: num(d.unsubscribes),
          abuses: num(d.abuses),
        }
      : undefined,
  };
}

/** The database an emailing went to: `target.sources` runs from the target up to its database (§4.1). */
export function targetDatabaseId(target: Target): string | undefined {
  if (target.type === 'database') return target.sources.find((s) => s.type === 'database')?.id ?? target.sources[0]?.id;
  return target.sources.find((s) => s.type === 'database')?.id;
}
