// Where to go after sign-in: only a path on this site. Anything that a browser could read as another
// origin (`//evil`, `/\evil`, `https://evil`, `/%09/evil`, …) falls back to '/'.
const PROBE = 'http://orrery.invalid';

export function safeReturnTo(value: string | undefined | null): string {
  if (!value || value.length > 2048) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  if (value.includes('\\') || hasControlOrSpace(value)) return '/';
  if (/^\/(%2f|%5c)/i.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, PROBE);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE) return '/';
  if (url.pathname.startsWith('/auth/')) return '/'; // never bounce back into the sign-in machinery
  return url.pathname + url.search + url.hash;
}

function hasControlOrSpace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}
