/**
 * What the SPA keeps per account in localStorage (keys under `orrery.`: profile column choices and known
 * webhook IDs, per database ID) means nothing to the next person who signs in on this browser, so sign-out
 * removes it. Device preferences (the language) stay. The gateway's sign-out answer also sends
 * `Clear-Site-Data: "cache", "storage"`, which wipes everything where the browser honours it: the device
 * preferences are read before sign-out and written back after.
 */
const PREFIX = 'orrery.';
const DEVICE_KEYS = ['orrery.locale'];

export type DevicePreferences = [key: string, value: string][];

export function devicePreferences(storage: Storage = localStorage): DevicePreferences {
  return DEVICE_KEYS.flatMap((key) => {
    const value = storage.getItem(key);
    return value === null ? [] : [[key, value] as [string, string]];
  });
}

export function clearAccountStorage(kept: DevicePreferences, storage: Storage = localStorage): void {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k?.startsWith(PREFIX) ?? false);
  for (const key of keys) if (!DEVICE_KEYS.includes(key)) storage.removeItem(key);
  for (const [key, value] of kept) storage.setItem(key, value);
}
