// Demo data of the emailings module (emailings.md §12.3-§12.4): deterministic for a seed, times relative
// to the clock's "now". Events are simulated per destination (bounces, retries, opens with a lognormal
// delay weighted by the hour of day, clicks after opens, unsubscribes, complaints), events after "now"
// are dropped (M2 is still rising), then each event type is sorted by time so IDs grow with time, and
// everything is inserted with prepared statements in the caller's transaction.
import type Database from 'better-sqlite3';
import type { Rng } from '../../core/rng.ts';
import { ID_BASE } from '../schema.ts';
import { refreshSummaries } from '../summaries.ts';
import { DAY, HOUR, MINUTE, wallNow } from '../time.ts';
import { createWriter, type Writer } from '../writer.ts';
import { EMAILINGS, type EmailingSpec, emailingHtml, FROM, type Range } from './catalog.ts';
import { seedLibrary } from './library.ts';
import { loadPools, type Pool, samplePositions } from './recipients.ts';
import {
  CLIENTS,
  type Device,
  gauss,
  geometricExtra,
  hourWeight,
  pickAbuse,
  pickDevice,
  pickHardError,
  pickIp,
  pickSoftError,
  smtpResponse,
} from './values.ts';

export interface EmailingDemoOptions {
  profiles: number;
  now: Date;
}

/** scale 1 (M1 = 200,000 destinations) from 250,000 profiles up; the default 5,000 profiles give scale 0.02. */
export const demoScale = (profiles: number) => Math.min(1, Math.max(0, profiles) / 250_000);

type Row = unknown[];
const TABLES = ['delivery', 'retry', 'error', 'impression', 'click', 'unsubscribe', 'abuse'] as const;
type Table = (typeof TABLES)[number];

class EventBuffer {
  readonly rows: Record<Table, Row[]> = { delivery: [], retry: [], error: [], impression: [], click: [], unsubscribe: [], abuse: [] };
  constructor(readonly now: number) {}
  /** [ts, destination, emailing, ...columns]; events after "now" have not happened yet. */
  push(t: Table, ts: number, dest: number, emailing: number, ...cols: unknown[]): boolean {
    if (ts > this.now) return false;
    this.rows[t].push([ts, dest, emailing, ...cols]);
    return true;
  }
  flush(w: Writer): void {
    const first: Record<Table, number> = {
      delivery: ID_BASE.delivery,
      retry: ID_BASE.retry,
      error: ID_BASE.error,
      impression: ID_BASE.impression,
      click: ID_BASE.click,
      unsubscribe: ID_BASE.unsubscribe,
      abuse: ID_BASE.abuse,
    };
    for (const t of TABLES) {
      const rows = this.rows[t].sort((a, b) => (a[0] as number) - (b[0] as number));
      const stmt = w[t];
      let id = first[t];
      for (const r of rows) stmt.run(id++, r[1], r[2], r[0], ...r.slice(3));
      this.rows[t] = [];
    }
  }
}

const uniform = (rng: Rng, [lo, hi]: Range) => lo + (hi - lo) * rng.next();
const logUniform = (rng: Rng, lo: number, hi: number) => Math.round(Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.next()));

/** First-open delay: lognormal, median 3 h, tail to 14 days, weighted by the reader's local hour. */
function openDelay(rng: Rng, from: number): number {
  let d = 0;
  for (let attempt = 0; attempt < 6; attempt++) {
    d = Math.exp(Math.log(3 * HOUR) + 2.4 * gauss(rng));
    if (d < 5 || d > 14 * DAY) continue;
    if (rng.next() < hourWeight(from + d)) break;
  }
  return Math.round(Math.min(Math.max(d, 5), 14 * DAY));
}

/** Repeat opens: hours to days after the previous one. */
function repeatDelay(rng: Rng, from: number): number {
  let d = 0;
  for (let attempt = 0; attempt < 6; attempt++) {
    d = Math.max(60, Math.exp(Math.log(8 * HOUR) + 1.4 * gauss(rng)));
    if (rng.next() < hourWeight(from + d)) break;
  }
  return Math.round(Math.min(d, 10 * DAY));
}

/** Clicks: mostly 5 s - 2 min after an open. */
const clickDelay = (rng: Rng) => Math.round(Math.min(Math.max(5, Math.exp(Math.log(35) + 0.8 * gauss(rng))), 15 * MINUTE));

interface Behaviour {
  hard: number;
  soft: number;
  open: number;
  opensPerOpener: number;
  click: number;
  clicksPerClicker: number;
  unsubscribe: number;
  abuse: number;
}

interface Sim {
  rng: Rng;
  ev: EventBuffer;
  system: 'publisher' | 'ms';
  emailingId: number;
  linkIds: number[];
  linkCdf: number[];
}

function pickLink(s: Sim): number {
  const r = s.rng.next();
  let i = 0;
  while (i < s.linkCdf.length - 1 && r > (s.linkCdf[i] as number)) i++;
  return s.linkIds[i] as number;
}

/** One destination's life (emailings.md §12.3). Returns true when it unsubscribed successfully. */
function simulateDestination(s: Sim, b: Behaviour, dest: number, sent: number): boolean {
  const { rng, ev, emailingId: e } = s;
  const r = rng.next();
  if (r < b.hard) {
    // A hard bounce: one 5.x.x error and nothing else; mailerror reports arrive 5 min - 6 h later.
    const k = pickHardError(rng);
    const ts = k.errortype === 'mailerror' ? sent + logUniform(rng, 5 * MINUTE, 6 * HOUR) : sent + rng.int(1, 30);
    ev.push('error', ts, dest, e, k.errorcode, k.description, k.errortype, null);
    return false;
  }
  let at = sent + rng.int(1, 20);
  let attempt = 0;
  if (r < b.hard + b.soft) {
    // Soft bounce: 1-3 4.x.x errors, each followed by a retry (+15 min, +1 h, +4 h); then delivered (~85 %) or a final 5.x.x.
    const tries = rng.int(1, 3);
    for (let k = 0; k < tries; k++) {
      const soft = pickSoftError(rng);
      ev.push('error', at, dest, e, soft.errorcode, soft.description, soft.errortype, null);
      at += [15 * MINUTE, HOUR, 4 * HOUR][k] as number;
      ev.push('retry', at, dest, e, k + 1);
      attempt = k + 1;
    }
    at += rng.int(1, 20);
    if (rng.next() >= 0.85) {
      ev.push('error', at, dest, e, '5.4.7', '554 5.4.7 delivery time expired', 'error', null);
      return false;
    }
  }
  if (!ev.push('delivery', at, dest, e, attempt, smtpResponse(rng))) return false;
  const delivered = at;
  const ms = s.system === 'ms';
  let device: Device = pickDevice(rng);
  let client = rng.pick(CLIENTS[device]);
  const ip = pickIp(rng);
  const opens: number[] = [];
  if (rng.next() < b.open) {
    let t = delivered + openDelay(rng, delivered);
    const n = 1 + geometricExtra(rng, b.opensPerOpener - 1);
    for (let k = 0; k < n; k++) {
      if (k > 0 && rng.next() < 0.2) {
        device = pickDevice(rng);
        client = rng.pick(CLIENTS[device]);
      }
      if (!ev.push('impression', t, dest, e, ip, ms ? client[1] : client[0], device, null)) break;
      opens.push(t);
      t += repeatDelay(rng, t);
    }
  }
  const opened = opens.length > 0;
  // ~92 % of clickers also have an impression; the rest had images blocked.
  const clickChance = opened ? Math.min(1, (b.click * 0.92) / b.open) : (b.click * 0.08) / Math.max(0.01, 1 - b.open);
  const actions: number[] = [...opens];
  if (rng.next() < clickChance) {
    const n = 1 + geometricExtra(rng, b.clicksPerClicker - 1);
    const fallback = delivered + openDelay(rng, delivered);
    for (let k = 0; k < n; k++) {
      const anchor = opened ? (rng.next() < 0.6 ? (opens[0] as number) : (rng.pick(opens) as number)) : fallback;
      const ts = anchor + clickDelay(rng) + k * rng.int(5, 90);
      if (ev.push('click', ts, dest, e, pickLink(s), ip, ms ? client[1] : client[0], null)) actions.push(ts);
    }
  }
  let unsubscribed = false;
  const unsubChance = opened ? Math.min(1, (b.unsubscribe * 0.8) / b.open) : (b.unsubscribe * 0.2) / Math.max(0.01, 1 - b.open);
  if (rng.next() < unsubChance) {
    // The unsubscribe link (source link) mostly within minutes of an open or click; some reply by mail.
    const byLink = rng.next() < 0.92;
    const anchor = actions.length ? Math.max(...actions) : delivered + openDelay(rng, delivered);
    const ts = byLink
      ? anchor + Math.round(Math.min(10 * MINUTE, Math.max(10, Math.exp(Math.log(90) + gauss(rng)))))
      : delivered + logUniform(rng, 2 * HOUR, 3 * DAY);
    const success = !byLink || rng.next() < 0.98;
    if (ev.push('unsubscribe', ts, dest, e, byLink ? 'link' : 'email', success ? 1 : 0)) unsubscribed = success;
  }
  if (rng.next() < b.abuse / Math.max(1e-9, 1 - b.hard)) {
    const a = pickAbuse(rng);
    ev.push('abuse', delivered + logUniform(rng, HOUR, 5 * DAY), dest, e, a.recognized_as, a.feedback_type, a.arf_version, a.details);
  }
  return unsubscribed;
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const messageId = (rng: Rng) => Array.from({ length: 16 }, () => BASE36[Math.floor(rng.next() * 36)]).join('');

interface Ids {
  destination: number;
  link: number;
  group: number;
}

function seedEmailing(w: Writer, ev: EventBuffer, rng: Rng, spec: EmailingSpec, pool: Pool, scale: number, now: number, ids: Ids): void {
  const t0 = now - spec.sentAgo;
  const size = (n: number) => Math.max(spec.test ? 3 : 1, Math.round(n * (spec.test ? 1 : scale)));
  const groups = spec.groups?.map((g) => ({ ...g, size: size(g.destinations), id: ids.group++ }));
  const total = groups ? groups.reduce((a, g) => a + g.size, 0) : size(spec.destinations);
  const picks = samplePositions(rng, pool.profileIds.length, total);
  const finalGroup = groups?.find((g) => g.name === 'Finalgroup');
  w.emailing({
    id: spec.id,
    system: spec.system,
    timestamp: t0,
    subject: spec.subject,
    description: spec.description,
    fromName: FROM.name,
    fromEmail: FROM.email,
    documentId: spec.documentId ?? null,
    templateId: spec.templateId,
    type: spec.type,
    isTest: spec.test,
    isFollowup: spec.followup,
    target: pool.target,
    tags: spec.tags,
    snapshotName: spec.description || spec.subject,
    hyperlinkExtensions: hyperlinkExtensions(spec),
    html: emailingHtml(spec.subject, spec.links),
    finalgroupId: finalGroup?.id ?? null,
    scheduledId: spec.scheduledId ?? null,
  });
  for (const g of groups ?? []) {
    w.group({
      id: g.id,
      emailingId: spec.id,
      kind: g.name === 'Finalgroup' ? 'final' : 'test',
      name: g.name,
      documentId: g.documentId,
      templateId: spec.templateId,
      subject: g.subject,
      fromAddress: `"${FROM.name}" <${FROM.email}>`,
      timestamp: t0 + g.offset,
    });
  }
  // Links with Zipf weights (the first link gets ~35-45 % of the clicks).
  const linkIds = spec.links.map(([url, title]) => {
    w.link(ids.link, spec.id, url, title);
    return ids.link++;
  });
  const weights = linkIds.map((_, k) => 1 / (k + 1) ** 1.15);
  const sum = weights.reduce((a, x) => a + x, 0);
  let acc = 0;
  const sim: Sim = { rng, ev, system: spec.system, emailingId: spec.id, linkIds, linkCdf: weights.map((x) => (acc += x / sum)) };
  const base: Behaviour = {
    hard: uniform(rng, spec.rates.hard),
    soft: uniform(rng, spec.rates.soft),
    open: uniform(rng, spec.rates.open),
    opensPerOpener: uniform(rng, spec.rates.opensPerOpener),
    click: uniform(rng, spec.rates.click),
    clicksPerClicker: uniform(rng, spec.rates.clicksPerClicker),
    unsubscribe: uniform(rng, spec.rates.unsubscribe),
    abuse: uniform(rng, spec.rates.abuse),
  };
  // Send times: ~4,000 destinations a minute from t0 (per group), or spread out for individual mailings.
  const spread = spec.spreadOver
    ? Array.from({ length: total }, () => t0 + Math.floor(rng.next() * Math.min(spec.spreadOver ?? 0, now - t0))).sort((a, b) => a - b)
    : null;
  const segments = groups ?? [{ size: total, offset: 0, openShift: 0, id: null as number | null }];
  let k = 0;
  for (const seg of segments) {
    const b = { ...base, open: Math.min(0.95, Math.max(0.01, base.open + seg.openShift)) };
    for (let i = 0; i < seg.size; i++, k++) {
      const pos = picks[k];
      if (pos === undefined) break; // the target has fewer recipients than this emailing wants
      const sent = spread ? (spread[k] as number) : t0 + seg.offset + Math.floor((i * 60) / 4000);
      if (sent > now) continue;
      const internal = ids.destination++;
      const unsubscribed = simulateDestination(sim, b, internal, sent);
      w.destination({
        internal,
        emailingId: spec.id,
        groupId: seg.id,
        hash: spec.system === 'publisher' ? rng.hex(32) : null,
        messageId: spec.system === 'ms' ? messageId(rng) : null,
        profileId: pool.profileIds[pos] as number,
        subprofileId: pool.subprofileIds ? (pool.subprofileIds[pos] as number) : null,
        email: pool.emails[pos] as string,
        timestampsent: sent,
        unsubscribed,
      });
    }
  }
}

function hyperlinkExtensions(spec: EmailingSpec): unknown {
  const campaign = spec.subject
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (spec.system === 'publisher') {
    return {
      all: { utm_source: 'copernica', utm_medium: 'email', utm_campaign: campaign },
      'shop.example.com': { utm_source: 'copernica', utm_medium: 'email', utm_campaign: campaign, utm_content: 'link' },
    };
  }
  const rule = (parameter: string, value: string, checks: unknown[] = []) => ({
    parameter,
    value,
    type: 'setparameter',
    last: false,
    unique: false,
    checks,
  });
  return {
    data: [
      rule('utm_source', 'copernica'),
      rule('utm_medium', 'email'),
      rule('utm_campaign', campaign),
      rule('utm_content', 'link', [{ type: 'domain', value: 'shop.example.com', comparison: 'contains' }]),
    ],
  };
}

/** The seed step: documents, templates, schedules, then every demo emailing with its destinations and events. */
export function seedEmailingsDemo(db: Database.Database, rng: Rng, opts: EmailingDemoOptions): void {
  const now = wallNow(opts.now);
  const scale = demoScale(opts.profiles);
  const pools = loadPools(db);
  const w = createWriter(db);
  const ev = new EventBuffer(now);
  seedLibrary(db, now, pools);
  const ids: Ids = { destination: ID_BASE.destination, link: ID_BASE.link, group: ID_BASE.group };
  for (const spec of [...EMAILINGS].sort((a, b) => b.sentAgo - a.sentAgo))
    seedEmailing(w, ev, rng, spec, pools[spec.target], scale, now, ids);
  ev.flush(w);
  refreshSummaries(db);
}
