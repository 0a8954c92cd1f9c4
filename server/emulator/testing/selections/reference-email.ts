// The Email condition in the reference evaluator (docs/api/selections.md §4.6, §6.3 "Email"), in plain JavaScript.
import { inside, windowOf } from './reference-time.ts';
import type { MailDestination, Row, World } from './world.ts';

/** docs/api/selections.md §6.3 "Email": D = Publisher destinations of the record in the window, then n <op> number. */
export function emailTest(world: World, level: 'view' | 'mini', b: Record<string, unknown>, row: Row): boolean {
  const w = windowOf(b, world.now);
  const mode = String(b['match-mode'] ?? 'match_profiles_that_received_something');
  const withDocument = mode.endsWith('_document');
  const to = String(b['required-destination'] ?? 'anything');
  const parentOf = (sub: number | null) => world.subprofiles.find((s) => s.id === sub)?.profile_id;
  const owns = (d: MailDestination) =>
    level === 'mini'
      ? d.subprofileId === row.id
      : (to !== 'subprofile' && d.subprofileId === null && d.profileId === row.id) ||
        (to !== 'profile' && d.subprofileId !== null && parentOf(d.subprofileId) === row.id);
  const D = (world.mailings ?? []).filter(
    (d) =>
      d.emailing.system === 'publisher' &&
      inside(d.sent, w) &&
      owns(d) &&
      (!b.template || d.emailing.template === b.template) &&
      (!withDocument || d.emailing.document === b.document),
  );
  if (mode.endsWith('_nothing') || mode.endsWith('_not_document')) return D.length === 0;
  const n = D.filter((d) => emailResult(b, d)).length;
  const raw = String(b.number ?? '0');
  const k = Number.parseInt(raw, 10) || 0;
  const range = /^(-?\d+)-(-?\d+)$/.exec(raw);
  switch (b.operator ?? '>') {
    case '<':
      return n < k;
    case '=':
      return n === k;
    case '!=':
      return n !== k;
    case '<>':
      return range ? n >= Number(range[1]) && n <= Number(range[2]) : n !== k;
    default:
      return n > k;
  }
}

function emailResult(b: Record<string, unknown>, d: MailDestination): boolean {
  const errors = String(b['required-errors'] ?? '');
  const errorMatches = (e: { code: string; type: string }) =>
    errors === '' ||
    (errors === 'temp' ? e.code.startsWith('4') : errors === 'final' ? e.code.startsWith('5') : e.type === errors || e.code === errors);
  const any = d.impressions > 0 || d.clicks.length > 0 || d.errors.length > 0 || d.abuses > 0;
  const results: Record<string, boolean> = {
    nocheck: true,
    view: d.impressions > 0,
    viewnoclick: d.impressions > 0 && d.clicks.length === 0,
    anyclick: d.clicks.length > 0,
    clickonurl: d.clicks.some((u) => u.includes(String(b['clicked-url'] ?? ''))),
    noclick: d.clicks.length === 0,
    error: d.errors.some(errorMatches),
    noerror: d.errors.length === 0,
    abuse: d.abuses > 0,
    noabuse: d.abuses === 0,
    nothing: !any,
    anything: any,
  };
  return results[String(b['required-result'] ?? 'nocheck')] as boolean;
}
