// Demo data of the emailings module (docs/api/emailings.md §12.3-§12.4): deterministic for a seed, times relative
// to the clock's "now". Events are simulated per destination (bounces, retries, opens with a lognormal
// delay weighted by the hour of day, clicks after opens, unsubscribes, complaints), events after "now"
// are dropped (M2 is still rising), then each event type is sorted by time so IDs grow with time, and
// everything is inserted with prepared statements in the caller's transaction.
import type Database from 'better-sqlite3';
import type { Rng } from '../../core/rng.ts';
import { ID_BASE } from '../schema.ts';
import { refreshSummaries } from '../summaries.ts';
import { wallNow } from '../time.ts';
import { createWriter, type Writer } from '../writer.ts';
import { EMAILINGS, type EmailingSpec, emailingHtml, FROM } from './catalog.ts';
import { seedLibrary } from './library.ts';
import { loadPools, type Pool, samplePositions } from './recipients.ts';
import { type Behaviour, EventBuffer, type Sim, simulateDestination, uniform } from './simulate.ts';

export interface EmailingDemoOptions {
  profiles: number;
  now: Date;
}

/** scale 1 (M1 = 200,000 destinations) from 250,000 profiles up; the default 5,000 profiles give scale 0.02. */
export const demoScale = (profiles: number) => Math.min(1, Math.max(0, profiles) / 250_000);

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
