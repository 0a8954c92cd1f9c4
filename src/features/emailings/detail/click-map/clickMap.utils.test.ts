import { describe, expect, it } from 'vitest';
import type { EmailingEvent } from '@/api/emailing-events';
import { buildClickMap, figureMatcher, linkFigures, normalizeUrl } from './clickMap.utils';

const click = (link: string, destination: string, title = '') => ({ link, destination, link_title: title }) as unknown as EmailingEvent;

const HTML = `<!DOCTYPE html><html><head><title>x</title></head><body>
<p><a href="https://shop.example.com/spring">Spring</a> and again <a href="https://shop.example.com/spring">here</a></p>
<p><a href="https://shop.example.com/customer/1234?utm_source=copernica">Your page</a></p>
<p><a href="https://webversion.example.com/abc">View in your browser</a></p>
<script>document.title = 'ran'</script>
</body></html>`;

const CLICKS = [
  click('https://shop.example.com/spring', '1'),
  click('https://shop.example.com/spring', '1'),
  click('https://shop.example.com/spring', '2'),
  click('https://shop.example.com/customer/{$profile.id}', '3'),
  click('{webversion}', '2'),
];

describe('linkFigures', () => {
  it('counts clicks and distinct destinations per URL, with each link’s share of all clicks; ties in URL order', () => {
    expect(linkFigures(CLICKS)).toEqual([
      { url: 'https://shop.example.com/spring', title: '', total: 3, unique: 2, share: 3 / 5 },
      { url: '{webversion}', title: '', total: 1, unique: 1, share: 1 / 5 },
      { url: 'https://shop.example.com/customer/{$profile.id}', title: '', total: 1, unique: 1, share: 1 / 5 },
    ]);
    expect(linkFigures([])).toEqual([]);
  });
});

describe('matching by URL', () => {
  it('ignores host case, a bare origin’s slash and utm parameters, nothing else', () => {
    expect(normalizeUrl(' HTTPS://Shop.example.com ')).toBe('https://shop.example.com/');
    expect(normalizeUrl('https://shop.example.com/a?utm_source=x&id=3')).toBe('https://shop.example.com/a?id=3');
    expect(normalizeUrl('{webversion}')).toBe('{webversion}');
  });

  it('fills personalised parts in, but a link that is only a placeholder matches nothing', () => {
    const find = figureMatcher(linkFigures(CLICKS));
    expect(find('https://shop.example.com/customer/987')?.url).toBe('https://shop.example.com/customer/{$profile.id}');
    expect(find('https://shop.example.com/other')).toBeUndefined();
    expect(find('https://webversion.example.com/abc')).toBeUndefined();
  });
});

describe('buildClickMap', () => {
  const map = buildClickMap(HTML, CLICKS, (f) => `${f.unique}/${f.total}`);
  const doc = new DOMParser().parseFromString(map.html, 'text/html');
  const badges = [...doc.querySelectorAll('span[data-clickmap-badge]')];

  it('puts a badge after every matched link, twice for a link that appears twice', () => {
    expect(map.badges).toBe(3);
    expect(badges.map((b) => b.textContent)).toEqual(['2/3', '2/3', '1/1']);
    expect(badges[0]?.previousElementSibling?.textContent).toBe('Spring');
    expect(badges.map((b) => b.getAttribute('data-total'))).toEqual(['3', '3', '1']);
  });

  it('lists the clicked links it could not place', () => {
    expect(map.unmatched.map((f) => f.url)).toEqual(['{webversion}']);
    expect([...map.matched].sort()).toEqual(['https://shop.example.com/customer/{$profile.id}', 'https://shop.example.com/spring']);
  });

  it('adds only a static style, keeps the doctype, and adds no script of its own', () => {
    expect(map.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.querySelectorAll('script')).toHaveLength(1); // the message's own, which the sandbox keeps from running
    expect(doc.head.querySelector('style')?.textContent).toContain('data-clickmap-badge');
  });

  it('renders badge text as text, never as markup', () => {
    const evil = buildClickMap(HTML, CLICKS, () => '<img src=x onerror=alert(1)>');
    expect(new DOMParser().parseFromString(evil.html, 'text/html').querySelectorAll('img')).toHaveLength(0);
  });
});
