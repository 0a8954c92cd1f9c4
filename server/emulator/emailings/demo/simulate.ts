// Simulation of one destination's events (docs/api/emailings.md §12.3) and the buffer that collects them.
import type { Rng } from '../../core/rng.ts';
import { ID_BASE } from '../schema.ts';
import { DAY, HOUR, MINUTE } from '../time.ts';
import type { Writer } from '../writer.ts';
import type { Range } from './catalog.ts';
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

type Row = unknown[];
const TABLES = ['delivery', 'retry', 'error', 'impression', 'click', 'unsubscribe', 'abuse'] as const;
type Table = (typeof TABLES)[number];

export class EventBuffer {
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

export const uniform = (rng: Rng, [lo, hi]: Range) => lo + (hi - lo) * rng.next();
export const logUniform = (rng: Rng, lo: number, hi: number) =>
  Math.round(Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.next()));

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

export interface Behaviour {
  hard: number;
  soft: number;
  open: number;
  opensPerOpener: number;
  click: number;
  clicksPerClicker: number;
  unsubscribe: number;
  abuse: number;
}

export interface Sim {
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

/** One destination's life (docs/api/emailings.md §12.3). Returns true when it unsubscribed successfully. */
export function simulateDestination(s: Sim, b: Behaviour, dest: number, sent: number): boolean {
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
