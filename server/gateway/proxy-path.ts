// Validation of the browser's request target before anything is forwarded. Works on the raw target as it
// arrived on the socket (before any URL normalisation), and accepts only plain /api/v3/<segments> paths.
export const API_PREFIX = '/api/v3/';

export type ProxyTarget = { ok: true; path: string; query: string } | { ok: false; reason: string };

// RFC 3986 pchar minus '@' (userinfo confusion); '%' is checked separately below.
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:%/]*$/;
// Query: any visible ASCII except '#'; the HTTP parser already refuses spaces and controls.
const QUERY_CHARS = /^[\x21\x22\x24-\x7e]*$/;
// Bytes that must not appear percent-encoded in a path: / \ . % @ ? # and controls.
const FORBIDDEN_ENCODED = new Set([0x2f, 0x5c, 0x2e, 0x25, 0x40, 0x3f, 0x23, 0x7f]);

/** `/api/v3/database/1/profiles?limit=5` → `{ path: '/v3/database/1/profiles', query: 'limit=5' }` */
export function parseProxyTarget(rawTarget: string): ProxyTarget {
  if (!rawTarget.startsWith(API_PREFIX)) return { ok: false, reason: 'not an /api/v3/ path' };
  const q = rawTarget.indexOf('?');
  const rawPath = q === -1 ? rawTarget : rawTarget.slice(0, q);
  const rawQuery = q === -1 ? '' : rawTarget.slice(q + 1);
  const rest = rawPath.slice(API_PREFIX.length);

  if (rest === '') return { ok: false, reason: 'empty path' };
  if (rest.length > 2048) return { ok: false, reason: 'path too long' };
  if (!PATH_CHARS.test(rest)) return { ok: false, reason: 'invalid character in path' };
  const encoded = checkPercentEncoding(rest);
  if (encoded) return { ok: false, reason: encoded };
  const segments = rest.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (segment === '' && i !== segments.length - 1) return { ok: false, reason: 'empty segment' };
    // Decoded and NFKC-folded, so look-alikes ('．．', '／') cannot sneak a traversal past a normalising server
    const decoded = decodeURIComponent(segment).normalize('NFKC');
    if (decoded === '.' || decoded.includes('..')) return { ok: false, reason: 'dot segment' };
    if (/[/\\@%?#]/.test(decoded) || hasControl(decoded)) return { ok: false, reason: 'forbidden character in segment' };
  }

  if (!QUERY_CHARS.test(rawQuery)) return { ok: false, reason: 'invalid character in query' };
  return { ok: true, path: `/v3/${rest}`, query: stripAccessToken(rawQuery) };
}

function checkPercentEncoding(s: string): string | undefined {
  for (let i = s.indexOf('%'); i !== -1; i = s.indexOf('%', i + 1)) {
    const hex = s.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return 'malformed percent-encoding';
    const byte = Number.parseInt(hex, 16);
    if (byte < 0x20 || FORBIDDEN_ENCODED.has(byte)) return 'forbidden percent-encoded character';
  }
  try {
    decodeURIComponent(s);
  } catch {
    return 'malformed percent-encoding';
  }
  return undefined;
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** The browser never chooses the token: drop every access_token parameter, however it is spelled. */
export function stripAccessToken(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((pair) => {
      if (pair === '') return false;
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      let name: string;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        name = rawName;
      }
      // PHP (Copernica) reads `access.token`, `access token` and `access_token[]` as access_token too
      return !/^access_token(\[|$)/.test(name.trim().toLowerCase().replace(/[ .]/g, '_'));
    })
    .join('&');
}
