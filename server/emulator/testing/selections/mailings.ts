// Random Publisher/MS mailing results for the Email condition tests, written with the emailings module's
// own writer (the thing under test is the selection engine, not the writer), plus a plain-JS model of them.
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { createWriter } from '../../emailings/writer.ts';
import type { MailDestination, MailEmailing, World } from './world.ts';

export const TEMPLATES = ['Newsletter', 'Promo'];
export const DOCUMENTS = ['Spring', 'Summer'];
export const URLS = ['https://shop.example/sale', 'https://shop.example/account', 'https://blog.example/post'];
const ERRORS = [
  { code: '421', type: 'unreachable' },
  { code: '550', type: 'nohost' },
  { code: '512', type: 'other' },
];
const EMAILINGS: MailEmailing[] = [
  { id: 1, system: 'publisher', template: 'Newsletter', document: 'Spring' },
  { id: 2, system: 'publisher', template: 'Promo', document: 'Summer' },
  { id: 3, system: 'ms', template: '', document: '' },
  { id: 4, system: 'publisher', template: 'Newsletter', document: 'Summer' },
];
/** Hours before the fixture's NOW. */
const SENT = [2, 30, 20 * 24, 60 * 24];

export const destinationsArb = fc.array(
  fc.record({
    emailing: fc.integer({ min: 0, max: EMAILINGS.length - 1 }),
    /** Index into the live records; odd = a subprofile destination. */
    target: fc.nat(),
    toSubprofile: fc.boolean(),
    sent: fc.constantFrom(...SENT),
    impressions: fc.integer({ min: 0, max: 2 }),
    clicks: fc.subarray(URLS),
    errors: fc.subarray(ERRORS, { maxLength: 1 }),
    abuses: fc.integer({ min: 0, max: 3 }).map((n) => (n === 3 ? 1 : 0)),
  }),
  { maxLength: 40 },
);
export type DestinationSpecs = typeof destinationsArb extends fc.Arbitrary<infer T> ? T : never;

const wallSeconds = (hoursAgo: number) => Date.UTC(2026, 2, 15, 11, 20, 30) / 1000 - hoursAgo * 3600;
const wall = (s: number) => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** Write the mailings into the emailings tables and return their plain model. */
export function writeMailings(db: Database.Database, world: World, specs: DestinationSpecs): MailDestination[] {
  const w = createWriter(db);
  for (const [k, name] of TEMPLATES.entries()) {
    db.prepare(`INSERT INTO publisher_template (id, name, from_address, subject, source) VALUES (?, ?, 'a@b.c', 's', '')`).run(k + 1, name);
  }
  for (const [k, name] of DOCUMENTS.entries()) {
    db.prepare(
      `INSERT INTO publisher_document (id, template_id, name, from_address, subject, source) VALUES (?, 1, ?, 'a@b.c', 's', '')`,
    ).run(k + 11, name);
  }
  for (const e of EMAILINGS) {
    w.emailing({
      id: e.id,
      system: e.system,
      timestamp: wallSeconds(24 * 90),
      subject: `mailing ${e.id}`,
      fromName: 'Shop',
      fromEmail: 'shop@example.org',
      templateId: e.template ? TEMPLATES.indexOf(e.template) + 1 : null,
      documentId: e.document ? DOCUMENTS.indexOf(e.document) + 11 : null,
      type: 'mass',
      target: { type: 'database', id: 1, sources: [] },
      snapshotName: 'x',
    });
    for (const [k, url] of URLS.entries()) w.link(e.id * 10 + k, e.id, url, url);
  }
  const profiles = world.profiles.filter((p) => p.removed === null);
  const subs = world.subprofiles.filter((s) => s.removed === null);
  const out: MailDestination[] = [];
  let event = 1;
  specs.forEach((spec, k) => {
    const sub = spec.toSubprofile && subs.length > 0 ? subs[spec.target % subs.length] : undefined;
    const profile = sub ? undefined : profiles[spec.target % Math.max(1, profiles.length)];
    if (!sub && !profile) return;
    const emailing = EMAILINGS[spec.emailing] as MailEmailing;
    const internal = k + 1;
    const sent = wallSeconds(spec.sent);
    w.destination({
      internal,
      emailingId: emailing.id,
      profileId: sub ? sub.profile_id : (profile?.id ?? null),
      subprofileId: sub?.id ?? null,
      email: 'x@example.org',
      timestampsent: sent,
    });
    for (let i = 0; i < spec.impressions; i++) w.impression.run(event++, internal, emailing.id, sent + 60, null, 'ua', 'desktop', null);
    for (const url of spec.clicks)
      w.click.run(event++, internal, emailing.id, sent + 120, emailing.id * 10 + URLS.indexOf(url), null, 'ua', null);
    for (const e of spec.errors) w.error.run(event++, internal, emailing.id, sent + 5, e.code, 'failed', e.type, null);
    for (let i = 0; i < spec.abuses; i++) w.abuse.run(event++, internal, emailing.id, sent + 300, 'abuse', 'abuse', '1', '');
    out.push({
      internal,
      emailing,
      profileId: sub ? null : (profile?.id ?? null),
      subprofileId: sub?.id ?? null,
      sent: wall(sent),
      impressions: spec.impressions,
      clicks: spec.clicks,
      errors: spec.errors,
      abuses: spec.abuses,
    });
  });
  return out;
}
