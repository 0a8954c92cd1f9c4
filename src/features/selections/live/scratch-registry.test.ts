import { afterEach, describe, expect, it } from 'vitest';
import { json, stubFetch } from '@/test/render';
import { HEARTBEAT_MS, scratchRegistry, sweepAllScratches, sweepOrphanedScratches } from './scratch-registry';
import { isStaleScratch, scratchDescription, scratchName } from './scratch-selection';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  localStorage.clear();
});

describe('scratch registry', () => {
  it('sweeps only entries whose editor stopped beating, only of the signed-in account', async () => {
    const now = 1_800_000_000_000;
    scratchRegistry.beat('acc1', 'view', '10', localStorage, now - 10 * HEARTBEAT_MS); // closed tab
    scratchRegistry.beat('acc1', 'miniview', '11', localStorage, now - HEARTBEAT_MS / 2); // open editor
    scratchRegistry.beat('acc2', 'view', '12', localStorage, now - 10 * HEARTBEAT_MS); // another account
    const calls = stubFetch(() => json({}));
    expect(await sweepOrphanedScratches('acc1', localStorage, now)).toBe(1);
    expect(calls.map((c) => `${c.init?.method} ${c.url.pathname}`)).toEqual(['DELETE /api/v3/view/10']);
    expect(scratchRegistry.all('acc1').map((e) => e.id)).toEqual(['11']);
    expect(scratchRegistry.all('acc2').map((e) => e.id)).toEqual(['12']);
  });

  it('counts an already deleted scratch as swept, keeps one whose DELETE failed for the next sign-in', async () => {
    scratchRegistry.beat('acc1', 'view', '20');
    scratchRegistry.beat('acc1', 'view', '21');
    stubFetch((url) =>
      url.pathname.endsWith('/20')
        ? json({ error: { message: 'No view with supplied ID' } }, { status: 400 })
        : json({ error: { message: 'Service unavailable' } }, { status: 403 }),
    );
    expect(await sweepAllScratches('acc1')).toBe(1);
    expect(scratchRegistry.all('acc1').map((e) => e.id)).toEqual(['21']);
  });
});

describe('scratch names', () => {
  it('say in the name that it is temporary, whose it is and that anyone may delete it', () => {
    const name = scratchName('Jan <de> Vries', 1_800_000_000_000);
    expect(name).toMatch(/^orrery_scratch_1800000000_[a-z0-9]+ TEMPORARY live count for Jan de Vries - anyone may delete$/);
    expect(scratchDescription('Jan')).toContain('Anyone may delete it');
  });

  it('are stale after an hour unless the editor still rebuilds them', () => {
    const now = Date.parse('2027-01-15T12:00:00');
    const name = `orrery_scratch_${Math.floor(now / 1000) - 7200}_abc TEMPORARY`;
    expect(isStaleScratch(name, '2027-01-15 09:00:00', now)).toBe(true);
    expect(isStaleScratch(name, '2027-01-15 11:55:00', now)).toBe(false);
    expect(isStaleScratch(`orrery_scratch_${Math.floor(now / 1000) - 60}_abc`, '', now)).toBe(false);
    expect(isStaleScratch('Newsletter', '', now)).toBe(false);
  });
});
