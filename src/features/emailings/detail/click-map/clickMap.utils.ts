import type { EmailingEvent } from '@/api/emailing-events';

/**
 * The click map: each link of the message with its clicks, from the whole click list
 * (docs/api/emailings.md §8.1: Publisher clicks carry `link`, `link_id`, `link_title`; MS clicks `link`).
 * Links are matched by URL; "unique" counts distinct destinations, as in Copernica's statistics (§7.2).
 */
export type LinkFigure = { url: string; title: string; total: number; unique: number; share: number };

export type ClickMap = {
  /** The message with a static badge after every matched link; still only for a sandboxed frame. */
  html: string;
  figures: LinkFigure[];
  /** URLs of `figures` that were found in the message. */
  matched: Set<string>;
  /** Clicked links found nowhere in the message, most clicked first. */
  unmatched: LinkFigure[];
  /** How many `<a>` elements got a badge. */
  badges: number;
};

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** Clicks per link URL, most clicked first; `share` is the link's part of all clicks. */
export function linkFigures(clicks: EmailingEvent[]): LinkFigure[] {
  const byUrl = new Map<string, { title: string; total: number; destinations: Set<string> }>();
  for (const c of clicks) {
    const url = text(c.link);
    let f = byUrl.get(url);
    if (!f) {
      f = { title: text(c.link_title), total: 0, destinations: new Set() };
      byUrl.set(url, f);
    }
    f.total++;
    f.destinations.add(text(c.destination));
  }
  return [...byUrl.entries()]
    .map(([url, f]) => ({
      url,
      title: f.title,
      total: f.total,
      unique: f.destinations.size,
      share: clicks.length ? f.total / clicks.length : 0,
    }))
    .sort((a, b) => b.total - a.total || a.url.localeCompare(b.url));
}

/**
 * One spelling per address: host case, a bare origin's slash and the tracking parameters the hyperlink
 * extensions append (`utm_*`, §5.2) do not make a different link. Strings that are no URL stay as they are.
 */
export function normalizeUrl(raw: string): string {
  const s = raw.trim();
  try {
    const url = new URL(s);
    if (!/^https?:$/.test(url.protocol)) return s;
    for (const key of [...url.searchParams.keys()]) if (/^utm_/i.test(key)) url.searchParams.delete(key);
    return url.href;
  } catch {
    return s;
  }
}

const PLACEHOLDER = /\{[^{}]*\}/g;

/**
 * A clicked link as Copernica stores it may keep personalisation (`…/customer/{$profile.customerid}`,
 * restv3/rest-get-ms-emailing-clicks.md) while the message has it filled in. Such a link matches an href
 * whose fixed parts are the same, provided it starts with a fixed scheme and host: `{webversion}` alone
 * could be any address and matches nothing.
 */
function templatePattern(url: string): RegExp | undefined {
  if (url.search(PLACEHOLDER) < 0) return undefined;
  // URL-safe stand-in, so normalising cannot percent-encode the braces away
  const SLOT = 'orreryslot7c1e';
  const normal = normalizeUrl(url.replace(PLACEHOLDER, SLOT));
  const first = normal.indexOf(SLOT);
  if (first < 0 || !/^https?:\/\/[^/]+\//i.test(normal.slice(0, first))) return undefined;
  const parts = normal.split(SLOT).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('\\S*?')}$`);
}

/** Finds the figure of an href: same address first, then a personalised link whose fixed parts match. */
export function figureMatcher(figures: LinkFigure[]): (href: string) => LinkFigure | undefined {
  const exact = new Map<string, LinkFigure>();
  for (const f of figures) if (!exact.has(normalizeUrl(f.url))) exact.set(normalizeUrl(f.url), f);
  const templates = figures.flatMap((f) => {
    const pattern = templatePattern(f.url);
    return pattern ? [{ pattern, f }] : [];
  });
  return (href) => {
    const h = normalizeUrl(href);
    return exact.get(h) ?? templates.find((t) => t.pattern.test(h))?.f;
  };
}

/** Styles of the badges; `!important` because the message's own CSS may style every span. */
const BADGE_CSS = `
a[data-clickmap] { outline: 2px solid #1864ab !important; outline-offset: 1px !important; }
span[data-clickmap-badge] { display: inline-block !important; margin: 0 0 0 4px !important; padding: 1px 6px !important;
  border-radius: 10px !important; background: #1864ab !important; color: #fff !important; font: 600 12px/1.5 system-ui, sans-serif !important;
  text-decoration: none !important; white-space: nowrap !important; vertical-align: middle !important; }
`;

/**
 * Rewrites the message before it goes into the frame's `srcdoc`: a static `<style>` and, after each matched
 * `<a>`, a badge with `badgeText(figure)`. Parsing with DOMParser runs nothing, and the result is only ever
 * shown in `<iframe sandbox="">`; no script is added.
 */
export function buildClickMap(html: string, clicks: EmailingEvent[], badgeText: (f: LinkFigure) => string): ClickMap {
  const figures = linkFigures(clicks);
  const find = figureMatcher(figures);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const matched = new Set<string>();
  let badges = 0;
  for (const a of doc.querySelectorAll('a[href]')) {
    const f = find(a.getAttribute('href') ?? '');
    if (!f) continue;
    matched.add(f.url);
    badges++;
    a.setAttribute('data-clickmap', '');
    const badge = doc.createElement('span');
    badge.setAttribute('data-clickmap-badge', '');
    badge.setAttribute('data-url', f.url);
    badge.setAttribute('data-total', String(f.total));
    badge.setAttribute('data-unique', String(f.unique));
    badge.textContent = badgeText(f);
    a.after(badge);
  }
  const unmatched = figures.filter((f) => !matched.has(f.url));
  // Nothing to show on the message: leave it exactly as it was received.
  if (badges === 0) return { html, figures, matched, unmatched, badges };
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  doc.head.append(style);
  const doctype = doc.doctype ? `${new XMLSerializer().serializeToString(doc.doctype)}\n` : '';
  return {
    html: doctype + doc.documentElement.outerHTML,
    figures,
    matched,
    unmatched,
    badges,
  };
}
