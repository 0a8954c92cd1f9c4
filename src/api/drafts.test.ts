import { afterEach, describe, expect, it } from 'vitest';
import { clearStashedDraft, isLeavingWithStashedDraft, registerDraft, stashDraftForSignIn, takeStashedDraft } from './drafts';

const draft = (key: string) => ({ key, base: { modified: '2026-12-01 10:00:00', fields: { city: 'Delft' } }, values: { city: 'Leiden' } });

describe('drafts across a sign-in that leaves the page', () => {
  afterEach(() => clearStashedDraft());

  it('stashes only the registered draft and gives it back once, to the same record', () => {
    const unregister = registerDraft('profile:7', () => draft('profile:7'));
    expect(stashDraftForSignIn()).toBe(true);
    expect(isLeavingWithStashedDraft()).toBe(true);
    expect(takeStashedDraft('profile:8')).toBeNull();
    expect(takeStashedDraft('profile:7')).toEqual(draft('profile:7'));
    expect(takeStashedDraft('profile:7')).toBeNull();
    expect(sessionStorage.length).toBe(0);
    unregister();
  });

  it('stashes nothing without a registered draft, and an unregistered form leaves nothing behind', () => {
    const unregister = registerDraft('profile:7', () => draft('profile:7'));
    unregister();
    expect(stashDraftForSignIn()).toBe(false);
    expect(sessionStorage.getItem('orrery.draft')).toBeNull();
  });

  it('sign-out removes a stashed draft', () => {
    registerDraft('profile:7', () => draft('profile:7'));
    stashDraftForSignIn();
    clearStashedDraft();
    expect(takeStashedDraft('profile:7')).toBeNull();
  });
});
