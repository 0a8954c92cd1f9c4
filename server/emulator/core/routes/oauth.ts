// OAuth 2.0 authorization-code flow as Copernica runs it (restv3/rest-oauth.md,
// restv3/setting-up-copernica-rest-service.md): a consent page at /{en,nl}/authorize and the code exchange
// at GET /v3/token. Emulator choices (the docs are silent): an explicit Allow/Deny page instead of a login,
// a single-use consent nonce against CSRF, codes valid 10 minutes, descriptive 400 errors from /token.
import crypto from 'node:crypto';
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv, OAuthClient } from '../context.ts';
import { errorResponse, json, parseForm } from '../http.ts';

const CODE_TTL_MS = 10 * 60 * 1000;
const NONCE_TTL_MS = 10 * 60 * 1000;
const MIN_STATE = 32; // "at least something as long as an MD5 hash"
const MAX_FORM = 16 * 1024;

type Lang = 'en' | 'nl';
const TEXT = {
  en: {
    title: 'Authorize application',
    heading: (app: string) => `Allow ${app} to access your Copernica account?`,
    body: (account: string) =>
      `The application will be able to read and change all data of the account “${account}”: databases, profiles, selections and emailings.`,
    allow: 'Allow',
    deny: 'Deny',
    errorTitle: 'Authorization failed',
    unknownClient: 'This application is not known. Ask its developer to check the client_id.',
    badRedirect: 'The redirect_uri does not match the address registered for this application.',
    badNonce: 'This consent form has expired or was already used. Please start again from the application.',
  },
  nl: {
    title: 'Applicatie toegang geven',
    heading: (app: string) => `Wil je ${app} toegang geven tot je Copernica-account?`,
    body: (account: string) =>
      `De applicatie kan dan alle gegevens van het account “${account}” lezen en wijzigen: databases, profielen, selecties en mailings.`,
    allow: 'Toestaan',
    deny: 'Weigeren',
    errorTitle: 'Autorisatie mislukt',
    unknownClient: 'Deze applicatie is onbekend. Vraag de ontwikkelaar de client_id te controleren.',
    badRedirect: 'De redirect_uri komt niet overeen met het adres dat voor deze applicatie is geregistreerd.',
    badNonce: 'Dit toestemmingsformulier is verlopen of al gebruikt. Begin opnieuw vanuit de applicatie.',
  },
} as const;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

function page(lang: Lang, title: string, main: string, status: number, formAction = "'self'"): Response {
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Copernica (emulator)</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1a1b1e; margin: 0; }
  main { max-width: 32rem; margin: 4rem auto; background: #fff; border-radius: 8px; padding: 2rem; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .actions { display: flex; gap: 1rem; margin-top: 1.5rem; }
  button { font: inherit; padding: .6rem 1.4rem; border-radius: 6px; border: 2px solid #3b4a9c; cursor: pointer; }
  button:focus-visible { outline: 3px solid #f08c00; outline-offset: 2px; }
  .allow { background: #3b4a9c; color: #fff; }
  .deny { background: #fff; color: #3b4a9c; }
  .note { color: #495057; font-size: .9rem; }
</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>`;
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    },
  });
}

function errorPage(lang: Lang, message: string): Response {
  return page(
    lang,
    TEXT[lang].errorTitle,
    `<h1>${escapeHtml(TEXT[lang].errorTitle)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`,
    400,
  );
}

function redirect(target: string, params: Record<string, string | undefined>): Response {
  const url = new URL(target);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return new Response(null, { status: 302, headers: { Location: url.toString(), 'Cache-Control': 'no-store' } });
}

const langOf = (c: Context<EmulatorEnv>): Lang => (c.req.path.startsWith('/nl/') ? 'nl' : 'en');
const random = (bytes: number) => crypto.randomBytes(bytes).toString('hex');

/** Constant-time string comparison (client secrets). */
function same(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

/** Client and exact redirect_uri check: failures are an error page, never a redirect (open-redirect safe). */
function checkClient(
  c: Context<EmulatorEnv>,
  lang: Lang,
  clientId: string | undefined,
  redirectUri: string | undefined,
): OAuthClient | Response {
  const client = c.get('ctx').oauthClients.find((x) => x.clientId === clientId);
  if (!client) return errorPage(lang, TEXT[lang].unknownClient);
  if (redirectUri !== client.redirectUri) return errorPage(lang, TEXT[lang].badRedirect);
  return client;
}

export function registerOAuthRoutes(app: EmulatorApp): void {
  app.get('/:lang{en|nl}/authorize', (c) => {
    const ctx = c.get('ctx');
    const q = c.get('query');
    const lang = langOf(c);
    const t = TEXT[lang];
    const client = checkClient(c, lang, q.get('client_id'), q.get('redirect_uri'));
    if (client instanceof Response) return client;
    const state = q.get('state') ?? '';
    // A weak state makes Copernica come back without a code (restv3/rest-oauth.md).
    if (state.length < MIN_STATE) return redirect(client.redirectUri, { state: state || undefined });
    const responseType = q.get('response_type');
    if (responseType !== undefined && responseType !== 'code')
      return redirect(client.redirectUri, { error: 'unsupported_response_type', state });

    const nonce = random(16);
    const expires = ctx.now().getTime() + NONCE_TTL_MS;
    ctx.db.prepare('DELETE FROM oauth_nonces WHERE expires_at < ?').run(ctx.now().getTime());
    ctx.db
      .prepare('INSERT INTO oauth_nonces (nonce, client_id, expires_at, redirect_uri, state) VALUES (?, ?, ?, ?, ?)')
      .run(nonce, client.clientId, expires, client.redirectUri, state);
    const account = (ctx.db.prepare('SELECT name FROM account LIMIT 1').get() as { name: string }).name;
    const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
    const main = `<h1 id="consent-title">${escapeHtml(t.heading(client.name))}</h1>
<p>${escapeHtml(t.body(account))}</p>
<form method="post" action="/${lang}/authorize" aria-labelledby="consent-title">
${hidden('client_id', client.clientId)}
${hidden('redirect_uri', client.redirectUri)}
${hidden('state', state)}
${hidden('nonce', nonce)}
<div class="actions">
<button type="submit" class="allow" name="decision" value="allow">${escapeHtml(t.allow)}</button>
<button type="submit" class="deny" name="decision" value="deny">${escapeHtml(t.deny)}</button>
</div>
</form>
<p class="note">Copernica REST API emulator</p>`;
    return page(lang, t.title, main, 200, `'self' ${new URL(client.redirectUri).origin}`);
  });

  app.post('/:lang{en|nl}/authorize', async (c) => {
    const ctx = c.get('ctx');
    const lang = langOf(c);
    const raw = await c.req.raw.text().catch(() => '');
    const form = parseForm(raw.length > MAX_FORM ? '' : raw);
    const field = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : undefined);
    const client = checkClient(c, lang, field('client_id'), field('redirect_uri'));
    if (client instanceof Response) return client;
    const state = field('state') ?? '';
    // Single use: the nonce is deleted whatever the outcome; it must match client, redirect_uri and state.
    const nonce = field('nonce') ?? '';
    const row = ctx.db.prepare('DELETE FROM oauth_nonces WHERE nonce = ? RETURNING *').get(nonce) as
      | { client_id: string; redirect_uri: string; state: string; expires_at: number }
      | undefined;
    if (
      !row ||
      row.client_id !== client.clientId ||
      row.redirect_uri !== client.redirectUri ||
      row.state !== state ||
      row.expires_at < ctx.now().getTime()
    ) {
      return errorPage(lang, TEXT[lang].badNonce);
    }
    if (field('decision') !== 'allow') return redirect(client.redirectUri, { error: 'access_denied', state });
    const code = random(16);
    ctx.db
      .prepare('INSERT INTO oauth_codes (code, client_id, redirect_uri, expires_at) VALUES (?, ?, ?, ?)')
      .run(code, client.clientId, client.redirectUri, ctx.now().getTime() + CODE_TTL_MS);
    return redirect(client.redirectUri, { code, state });
  });

  // Server-to-server code exchange, an HTTP GET (restv3/rest-oauth.md).
  app.get('/token', (c) => {
    const ctx = c.get('ctx');
    const q = c.get('query');
    for (const name of ['client_id', 'client_secret', 'redirect_uri', 'code']) {
      if (!q.get(name)) return errorResponse(`Missing parameter ${name}`);
    }
    const client = ctx.oauthClients.find((x) => x.clientId === q.get('client_id'));
    if (!client || !same(client.clientSecret, q.get('client_secret') as string)) return errorResponse('Invalid client_id or client_secret');
    if (q.get('redirect_uri') !== client.redirectUri) return errorResponse('redirect_uri does not match the registered redirect URI');
    const result = ctx.db.transaction(() => {
      const code = ctx.db.prepare('SELECT * FROM oauth_codes WHERE code = ?').get(q.get('code')) as
        | { client_id: string; redirect_uri: string; expires_at: number; used: number }
        | undefined;
      if (!code || code.client_id !== client.clientId) return 'Invalid authorization code';
      if (code.used) return 'Authorization code has already been used';
      if (code.expires_at < ctx.now().getTime()) return 'Authorization code has expired';
      if (code.redirect_uri !== q.get('redirect_uri')) return 'redirect_uri does not match the one used to authorize';
      ctx.db.prepare('UPDATE oauth_codes SET used = 1 WHERE code = ?').run(q.get('code'));
      const token = random(16);
      ctx.db.prepare(`INSERT INTO access_tokens (token, client_id, created) VALUES (?, ?, datetime('now'))`).run(token, client.clientId);
      return { token };
    })();
    if (typeof result === 'string') return errorResponse(result);
    return json({ access_token: result.token });
  });
}
