import type { UnsubscribeBehavior } from '@/api/databases';
import { useT } from '@/i18n/i18n';
import { unsubscribeMessages } from './messages';

/** Whose behaviour is described: one profile, one subprofile, or every matching subprofile of a collection. */
export type UnsubscribeTarget = 'profile' | 'subprofile' | 'many';

const SUFFIX = { nothing: 'Nothing', remove: 'Remove', update: 'Update' } as const;
const NAME = { nothing: 'nameNothing', remove: 'nameRemove', update: 'nameUpdate' } as const;

/**
 * The field map of an "update" behaviour. PHP sends an empty map as `[]`; anything else than a plain object
 * means "no fields".
 */
export function behaviorFields(b: UnsubscribeBehavior): [string, string][] {
  const f = b.fields as unknown;
  if (!f || typeof f !== 'object' || Array.isArray(f)) return [];
  return Object.entries(f as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')]);
}

/** Sentences that say what an unsubscribe does with this behaviour (docs/api/databases.md §5). */
export function useUnsubscribeWording() {
  const t = useT(unsubscribeMessages);
  const changes = (b: UnsubscribeBehavior) =>
    behaviorFields(b)
      .map(([field, value]) => t('assignment', { field, value }))
      .join(', ') || t('noChanges');
  return {
    t,
    /** "remove", "update", "nothing" in the user's language. */
    name: (b: UnsubscribeBehavior) => t(NAME[b.behavior] ?? 'nameNothing'),
    changes,
    /** The effect, before it runs. */
    effect: (b: UnsubscribeBehavior, target: UnsubscribeTarget) =>
      t(`${target}${SUFFIX[b.behavior] ?? 'Nothing'}`, { changes: changes(b) }),
    /** What happened, after it ran: honest when the behaviour changes nothing. */
    done: (b: UnsubscribeBehavior, what: string) =>
      b.behavior === 'remove'
        ? t('doneRemove', { what })
        : b.behavior === 'update'
          ? t('doneUpdate', { what, changes: changes(b) })
          : t('doneNothing'),
  };
}
