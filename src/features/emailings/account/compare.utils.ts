import type { Emailing } from '@/api/emailings';
import { compareKey } from '../list/list.utils';

export type PickerOption = { value: string; label: string };

/**
 * The Compare tab's options, newest first: "subject · send date · #ID", so typing any of the three finds it.
 * Chosen keys that are not in the lists (a test send while those are left out, or an emailing that is
 * gone) stay as options, labelled by what is known of them, so they can still be removed.
 */
export function pickerOptions(
  emailings: Emailing[],
  chosen: string[],
  systemName: (e: Pick<Emailing, 'system'>) => string,
  knownLabel: (key: string) => string | undefined,
): PickerOption[] {
  const options = [...emailings]
    .sort((a, b) => b.timestamp.localeCompare(a.timestamp) || Number(b.id) - Number(a.id))
    .map((e) => ({
      value: compareKey(e),
      label: `${e.subject || e.id} · ${e.timestamp.slice(0, 10)} · ${systemName(e)} #${e.id}`,
    }));
  const present = new Set(options.map((o) => o.value));
  const missing = chosen.filter((k) => !present.has(k)).map((k) => ({ value: k, label: knownLabel(k) ?? k }));
  return [...missing, ...options];
}
