// @ts-check
/**
 * An example of the retailer's own backend: the endpoint that `<omneo-provider
 * token-url="/omneo/token">` calls to get a shopper token, plus a toy sign-in.
 *
 * What a real retailer backend must do at its token endpoint:
 *  - Check ITS OWN session (the shopper signed in to the store). No session →
 *    answer 401 (or 204), and never mint a token.
 *  - Mint a token only for the shopper of that session: the id sent to Omneo
 *    comes from the server-side session, never from the request.
 *  - Keep the secret Omneo Admin API token on the server. It is used for
 *    `POST {id-api}/auth/token` only, and never sent to, logged for, or
 *    rendered into a browser.
 *  - Answer with `Cache-Control: no-store`, so no cache keeps a shopper token.
 *  - Be same-origin only: no CORS headers, and session cookies with
 *    SameSite=Lax (or Strict), so no other site can get the token.
 *
 * This demo stands in for a store's login with a `demo_session` cookie holding
 * the shopper's email or profile id. It is not a real authentication system.
 */
import { DEMO_EMAIL } from './seed.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

const COOKIE = 'demo_session';
const MAX_BODY = 64 * 1024;

/**
 * @param {Res} res @param {number} status @param {unknown} [body] @param {Record<string, string>} [headers]
 */
function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Cache-Control': 'no-store',
    ...(text ? { 'Content-Type': 'application/json' } : {}),
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** @param {Req} req @returns {Record<string, string>} */
function readCookies(req) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    try {
      out[name] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      out[name] = part.slice(i + 1).trim();
    }
  }
  return out;
}

/** The form or JSON body of a request. @param {Req} req @returns {Promise<Record<string, unknown>>} */
async function readForm(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > MAX_BODY) break;
  }
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    try {
      const v = JSON.parse(text || '{}');
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** Where to go after sign-in/out: the Referer if it is this site, else "/". @param {Req} req */
function backTo(req) {
  const referer = req.headers.referer;
  if (!referer) return '/';
  try {
    const u = new URL(referer);
    return u.host === req.headers.host ? `${u.pathname}${u.search}${u.hash}` : '/';
  } catch {
    return '/';
  }
}

/**
 * @param {object} [options]
 * @param {string} [options.omneoBaseUrl] the ID API base URL
 *   (default: $OMNEO_BASE_URL, else http://127.0.0.1:4010/id/api/v1)
 * @param {string} [options.apiToken] the secret Omneo Admin API token
 *   (default: $OMNEO_API_TOKEN, else "mock-secret-admin-token")
 * @param {typeof fetch} [options.fetch]
 * @param {number} [options.timeoutMs] how long to wait for Omneo (default 10000)
 * @returns {(req: Req, res: Res, next?: (err?: unknown) => void) => void} connect-style middleware
 */
export function createHostBackend(options = {}) {
  const omneoBaseUrl = (options.omneoBaseUrl ?? process.env.OMNEO_BASE_URL ?? 'http://127.0.0.1:4010/id/api/v1').replace(
    /\/+$/,
    '',
  );
  const apiToken = options.apiToken ?? process.env.OMNEO_API_TOKEN ?? 'mock-secret-admin-token';
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  /** POST /omneo/token @param {Req} req @param {Res} res */
  async function token(req, res) {
    const shopper = readCookies(req)[COOKIE];
    if (!shopper) return send(res, 401, { message: 'Not signed in.' });

    let upstream;
    try {
      upstream = await doFetch(`${omneoBaseUrl}/auth/token`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${apiToken}`,
          Accept: 'application/json',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ id: shopper }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      return send(res, 502, { message: 'Could not reach Omneo.' });
    }
    // No Omneo profile for this shopper: to the widgets, that is "signed out".
    if (upstream.status === 404) return send(res, 204);
    if (!upstream.ok) {
      // Never pass Omneo's error body on: it is about our secret token, not the shopper.
      return send(res, 502, { message: `Omneo did not issue a token (status ${upstream.status}).` });
    }
    let body;
    try {
      body = await upstream.json();
    } catch {
      body = null;
    }
    if (typeof body?.data?.token !== 'string') {
      return send(res, 502, { message: 'Omneo answered without a token.' });
    }
    send(res, 200, { data: { token: body.data.token, exp: body.data.exp } });
  }

  /** POST /demo/sign-in {email} @param {Req} req @param {Res} res */
  async function signIn(req, res) {
    const form = await readForm(req);
    const who = String(form.email ?? form.id ?? '').trim() || DEMO_EMAIL;
    res.writeHead(303, {
      Location: backTo(req),
      'Set-Cookie': `${COOKIE}=${encodeURIComponent(who)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${60 * 60 * 24 * 7}`,
      'Cache-Control': 'no-store',
      'Content-Length': '0',
    });
    res.end();
  }

  /** POST /demo/sign-out @param {Req} req @param {Res} res */
  async function signOut(req, res) {
    await readForm(req);
    res.writeHead(303, {
      Location: backTo(req),
      'Set-Cookie': `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
      'Cache-Control': 'no-store',
      'Content-Length': '0',
    });
    res.end();
  }

  /** GET /demo/session: who the demo page is signed in as (for its header). @param {Req} req @param {Res} res */
  function session(req, res) {
    const who = readCookies(req)[COOKIE] || null;
    send(res, 200, { signedIn: Boolean(who), shopper: who });
  }

  /** @type {Record<string, Record<string, (req: Req, res: Res) => unknown>>} */
  const routes = {
    '/omneo/token': { POST: token },
    '/demo/sign-in': { POST: signIn },
    '/demo/sign-out': { POST: signOut },
    '/demo/session': { GET: session },
  };

  return function hostBackend(req, res, next) {
    const path = (req.url ?? '/').split('?')[0];
    const methods = routes[path];
    if (!methods) {
      if (next) return next();
      return send(res, 404, { message: 'Not found.' });
    }
    const run = methods[req.method ?? 'GET'];
    if (!run) return send(res, 405, { message: 'Method not allowed.' }, { Allow: Object.keys(methods).join(', ') });
    Promise.resolve(run(req, res)).catch((err) => {
      console.error('[host-backend]', err);
      if (!res.headersSent) send(res, 500, { message: 'Server error.' });
      else res.destroy();
    });
  };
}
