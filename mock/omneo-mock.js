// @ts-check
/**
 * A mock of Omneo's shopper-scoped ID API (`/id/api/v1`), faithful to
 * shared/omneo-id-api.md, plus control endpoints (`/__mock/...`) for tests:
 * reset, request log, fault injection, token minting and a movable clock.
 *
 * It also serves Omneo's Shopify endpoint (omneo-id-api.md, "Shopify stores"):
 * `POST /shopify/api/v1/auth/token {"id", "signature"}`, no Authorization. The
 * signature must be the HMAC-SHA256 (hex) of the id keyed with the shop secret
 * (`shopSecret`, default DEMO_SHOP_SECRET from seed.js); the id must be a `shopify`
 * identity of the shopper (DEMO_SHOPIFY_CUSTOMER_ID). Answers: 200 `{data: {token, exp}}`;
 * 401 `{"message": "Invalid signature."}` for a wrong signature; 422 when id or
 * signature is missing; 404 for a customer with no Omneo profile. It is logged, and
 * fault rules apply to it, under its full path `/shopify/api/v1/auth/token`
 * (`GET /__mock/requests` lists it with the ID API's requests).
 *
 * Usage: `http.createServer(createOmneoMock().handle)`, or as connect
 * middleware (`app.use(mock.handle)`): paths that are not the mock's go to `next`.
 *
 * Namespaces: a path starting with `/ns/<name>/` (e.g.
 * `/ns/t42/id/api/v1/profiles/me/balances`, `/ns/t42/__mock/reset`) gets its
 * own state, faults, request log and clock, created on first use, so parallel
 * tests do not see each other. Paths without the prefix use the default namespace.
 *
 * Control endpoints (per namespace; CORS-enabled; never logged):
 *   POST   /__mock/reset     {rewards?: n, member?, tokenTtlSeconds?, latencyMs?} → fresh state, no faults, empty log, clock 0
 *                             (member: bronze | silver | gold (default) | platinum (the top tier) | none (no tier: 404))
 *   GET    /__mock/requests  → [{method, path, query, authorization, body, at}] (ID API requests, no OPTIONS)
 *   DELETE /__mock/requests  → 204
 *   GET    /__mock/faults    → the rules, with `remaining` (null: unlimited)
 *   POST   /__mock/faults    [FaultRule, ...] → replaces the rules
 *   DELETE /__mock/faults    → 204
 *   POST   /__mock/mint      {id?, id_handle?, ttlSeconds?} → {data: {token, exp}} without the secret
 *   GET|POST /__mock/clock   {offsetSeconds} → {offsetSeconds, now, date}; moves this namespace's clock
 *   GET    /__mock/state     → the whole state plus live `balances`
 *   POST   /__mock/state     {profile?, rewards?, benefits?, points?, tiers?, ...} → replaces those parts
 *
 * Only Node built-ins are used.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import {
  createSeed,
  computeBalances,
  refreshExpiry,
  syncProfileBalances,
  formatUtc,
  IMAGE_BASE,
  placeholderImage,
  TIER_MEMBERS,
} from './seed.js';
import { DEMO_SHOP_SECRET } from './seed.js';
import { compareValues, paginate, redeemAmount, redeemBenefit } from './rules.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */
/** @typedef {import('./seed.js').SeedState} SeedState */
/** @typedef {Record<string, any>} Json */

/**
 * @typedef {object} MockOptions
 * @property {string} [apiToken] the secret Admin token that /auth/token accepts
 *   (default: $OMNEO_API_TOKEN, else "mock-secret-admin-token")
 * @property {number} [tokenTtlSeconds] shopper token lifetime (default 900)
 * @property {number} [latencyMs] added before every ID API answer (default 0)
 * @property {SeedState | ((now: number, opts: {rewards?: number}) => SeedState)} [seed]
 *   the initial state of every namespace (an object is deep-copied); default `createSeed`
 * @property {Buffer | string} [signingKey] HMAC key for tokens (default: random per mock)
 * @property {string} [shopSecret] the Shopify shop secret that signs customer ids
 *   (default: DEMO_SHOP_SECRET from seed.js)
 */

/**
 * A fault rule, set with `POST /__mock/faults`.
 * @typedef {object} FaultRule
 * @property {string} [method] only requests with this method (default: any but OPTIONS)
 * @property {string} path exact path after /id/api/v1 (e.g. "/profiles/me/balances"),
 *   or a prefix ending with "*" ("/profiles/me*", "*" for all); the Shopify endpoint
 *   by its full path, "/shopify/api/v1/auth/token"
 * @property {number} [times] how many matching requests it applies to (default: all)
 * @property {number} [status] answer with this status instead of the real answer
 * @property {string | Json} [body] the body of that answer (a string is sent raw)
 * @property {Record<string, string>} [headers] headers added to the answer (the real one too)
 * @property {number} [delayMs] wait this long first
 * @property {boolean} [drop] destroy the socket without answering
 * @property {boolean} [hang] never answer
 */

/**
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} path  path after /id/api/v1; for the Shopify endpoint, its full path
 *   (/shopify/api/v1/auth/token)
 * @property {Record<string, string>} query
 * @property {string | null} authorization
 * @property {any} body     parsed JSON, else the raw text, else null
 * @property {string} at    ISO time (real clock)
 */

/**
 * @typedef {object} Namespace
 * @property {string} name
 * @property {SeedState} state
 * @property {(FaultRule & {remaining: number})[]} faults
 * @property {LoggedRequest[]} log
 * @property {number} clockOffsetMs
 * @property {number} tokenTtlSeconds
 * @property {number} latencyMs
 */

export const ID_API_PREFIX = '/id/api/v1';
export const SHOPIFY_API_PREFIX = '/shopify/api/v1';
const CONTROL_PREFIX = '/__mock';
const NS_RE = /^\/ns\/([A-Za-z0-9_.~-]{1,100})(\/.*)$/;
const MAX_BODY = 1 << 20;

/** Thrown by handlers to answer with an HTTP error. */
class HttpError extends Error {
  /** @param {number} status @param {Json | null} body @param {Record<string, string>} [headers] */
  constructor(status, body, headers) {
    super(body?.message ?? String(status));
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

const unauthenticated = () => new HttpError(401, { message: 'Unauthenticated.' });
/** @param {Json} errors */
const invalid = (errors) => new HttpError(422, { message: 'The given data was invalid.', errors });

// ---------------------------------------------------------------------------
// JWT (HS256)

/** @param {Buffer | string} data */
const b64url = (data) => Buffer.from(data).toString('base64url');

/**
 * @param {Json} payload @param {Buffer | string} key
 * @returns {string} header.payload.signature, each base64url
 */
function signJwt(payload, key) {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(payload));
  const sig = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/**
 * The payload of a token signed with `key`, or null if it is not one.
 * (Expiry is checked by the caller, against the namespace's clock.)
 * @param {string} token @param {Buffer | string} key @returns {Json | null}
 */
function verifyJwt(token, key) {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, sig] = parts;
  const expected = createHmac('sha256', key).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    if (header.alg !== 'HS256') return null;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' ? payload : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// HTTP helpers

/**
 * CORS headers for every answer: the ID API is called straight from storefronts.
 * Credentials are not allowed: shopper tokens travel in Authorization, not cookies.
 * @param {Req} req
 */
function corsHeaders(req) {
  const origin = req.headers.origin;
  return {
    'Access-Control-Allow-Origin': origin || '*',
    'Access-Control-Expose-Headers': 'Retry-After',
    ...(origin ? { Vary: 'Origin' } : {}),
  };
}

/** @param {Req} req @param {Res} res */
function answerPreflight(req, res) {
  res.writeHead(204, {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  });
  res.end();
}

/**
 * @param {Req} req @param {Res} res @param {number} status
 * @param {unknown} body JSON-serialised; `undefined` (or a 204) sends no body
 * @param {Record<string, string>} [headers]
 */
function sendJson(req, res, status, body, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...corsHeaders(req),
    ...(text ? { 'Content-Type': 'application/json' } : {}),
    'Cache-Control': 'no-cache, private',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** @param {Req} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, { message: 'Payload too large.' }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON if it parses, else the raw text, else null. @param {string} text */
function parseBody(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Rule paths are relative to /id/api/v1; forgive a rule that includes the
 * prefix or leaves out the leading slash.
 * @param {string} p
 */
function normaliseRulePath(p) {
  if (p.startsWith(ID_API_PREFIX)) p = p.slice(ID_API_PREFIX.length) || '/';
  return p.startsWith('/') || p.startsWith('*') ? p : `/${p}`;
}

/** @param {string} ref @param {string} path */
function matchesPath(ref, path) {
  return ref.endsWith('*') ? path.startsWith(ref.slice(0, -1)) : ref === path;
}

// ---------------------------------------------------------------------------
// Lists: pagination, filters, sorting

/** `sort=-expires_at,id` on top-level fields. @param {Json[]} items @param {string | null} sort */
function sortItems(items, sort) {
  if (!sort) return items;
  const keys = sort
    .split(',')
    .filter(Boolean)
    .map((k) => (k.startsWith('-') ? [k.slice(1), -1] : [k, 1]));
  return [...items].sort((x, y) => {
    for (const [k, dir] of keys) {
      const c = compareValues(x[k], y[k]);
      if (c) return /** @type {number} */ (dir) * c;
    }
    return 0;
  });
}

/** A query value compared with an item value of the same kind. @param {any} itemValue @param {string} q */
function coerce(itemValue, q) {
  if (typeof itemValue === 'boolean') return q === '1' || q.toLowerCase() === 'true';
  if (typeof itemValue === 'number') return Number(q);
  if (q === 'null') return null;
  return q;
}

/**
 * A minimal take on the API's filters: `filter[field]=x`,
 * `filter[field][op]=x` with op eq|ne|gt|gte|lt|lte|in, and
 * `filter[search]=text` (matched against the definition's name).
 * Unknown operators are ignored.
 * @param {Json[]} items @param {URLSearchParams} params
 */
function filterItems(items, params) {
  let out = items;
  for (const [key, raw] of params) {
    const m = /^filter\[([A-Za-z0-9_]+)\](?:\[([a-z]+)\])?$/.exec(key);
    if (!m) continue;
    const [, field, op = 'eq'] = m;
    if (field === 'search') {
      const needle = raw.toLowerCase();
      out = out.filter((it) =>
        String(it.definition?.name ?? '')
          .toLowerCase()
          .includes(needle),
      );
      continue;
    }
    out = out.filter((it) => {
      const v = it[field];
      const c = (/** @type {string} */ q) => compareValues(v, coerce(v, q));
      switch (op) {
        case 'eq':
          return v === coerce(v, raw) || (v == null && raw === 'null');
        case 'ne':
          return !(v === coerce(v, raw) || (v == null && raw === 'null'));
        case 'gt':
          return v != null && c(raw) > 0;
        case 'gte':
          return v != null && c(raw) >= 0;
        case 'lt':
          return v != null && c(raw) < 0;
        case 'lte':
          return v != null && c(raw) <= 0;
        case 'in':
          return raw.split(',').some((q) => v === coerce(v, q));
        default:
          return true;
      }
    });
  }
  return out;
}

// ---------------------------------------------------------------------------

/**
 * @param {MockOptions} [options]
 * @returns {{
 *   handle: (req: Req, res: Res, next?: (err?: unknown) => void) => void,
 *   close: () => void,
 *   namespace: (name?: string) => Namespace,
 *   mintToken: (id?: string, ns?: string) => {token: string, exp: number},
 * }}
 */
export function createOmneoMock(options = {}) {
  const apiToken = options.apiToken ?? process.env.OMNEO_API_TOKEN ?? 'mock-secret-admin-token';
  const signingKey = options.signingKey ?? randomBytes(32);
  const defaultTtl = options.tokenTtlSeconds ?? 900;
  const defaultLatency = options.latencyMs ?? 0;
  const shopSecret = options.shopSecret ?? DEMO_SHOP_SECRET;

  /** @type {Map<string, Namespace>} */
  const namespaces = new Map();
  /** Timers and never-answered responses, ended by close(). */
  const timers = new Set();
  /** @type {Set<Res>} */
  const hanging = new Set();
  let closed = false;

  /** @param {{rewards?: number, member?: import('./seed.js').TierMember}} opts @param {number} now */
  function buildState(opts, now) {
    const seed = options.seed;
    if (typeof seed === 'function') return seed(now, opts);
    if (seed && opts.rewards == null && opts.member == null) return structuredClone(seed);
    return createSeed(now, opts);
  }

  /** @param {string} name @param {{rewards?: number, member?: import('./seed.js').TierMember, tokenTtlSeconds?: number, latencyMs?: number}} [opts] */
  function freshNamespace(name, opts = {}) {
    /** @type {Namespace} */
    const ns = {
      name,
      state: buildState(
        { ...(opts.rewards != null ? { rewards: opts.rewards } : {}), ...(opts.member != null ? { member: opts.member } : {}) },
        Date.now(),
      ),
      faults: [],
      log: [],
      clockOffsetMs: 0,
      tokenTtlSeconds: opts.tokenTtlSeconds ?? defaultTtl,
      latencyMs: opts.latencyMs ?? defaultLatency,
    };
    namespaces.set(name, ns);
    return ns;
  }

  /** @param {string} [name] the namespace, "" for the default one */
  function namespace(name = '') {
    return namespaces.get(name) ?? freshNamespace(name);
  }

  /** @param {Namespace} ns */
  const nowMs = (ns) => Date.now() + ns.clockOffsetMs;

  /** @param {number} ms */
  function sleep(ms) {
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve(undefined);
      }, ms);
      timers.add(t);
    });
  }

  /**
   * The profile an id names: its uuid, its email, or an external identity.
   * @param {SeedState} state @param {string} id @param {string | undefined} idHandle
   */
  function findProfile(state, id, idHandle) {
    const p = state.profile;
    if (!p) return null;
    if (id === p.id) return p;
    if (typeof id === 'string' && id.toLowerCase() === String(p.email).toLowerCase()) return p;
    const identities = state.identities ?? p.identities ?? [];
    const hit = identities.some((x) => x.identifier === id && (!idHandle || x.handle === idHandle));
    return hit ? p : null;
  }

  /**
   * Mint a shopper token for `pid` ("null" for anonymous) on the namespace's clock.
   * @param {Namespace} ns @param {string} pid @param {number} [ttlSeconds]
   */
  function mint(ns, pid, ttlSeconds = ns.tokenTtlSeconds) {
    const iat = Math.floor(nowMs(ns) / 1000);
    const exp = iat + ttlSeconds;
    return { token: signJwt({ pid, iat, exp, iss: 'omneo-mock' }, signingKey), exp };
  }

  /** The admin secret, or 401. @param {Req} req */
  function requireAdmin(req) {
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const given = Buffer.from(m?.[1]?.trim() ?? '');
    const want = Buffer.from(apiToken);
    if (given.length !== want.length || !timingSafeEqual(given, want)) throw unauthenticated();
  }

  /** The shopper's profile for the request's token; 401 or 404 otherwise. @param {Req} req @param {Namespace} ns */
  function requireShopper(req, ns) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!m) throw unauthenticated();
    const claims = verifyJwt(m[1], signingKey);
    if (!claims || typeof claims.exp !== 'number' || claims.exp <= Math.floor(nowMs(ns) / 1000)) {
      throw unauthenticated();
    }
    const p = ns.state.profile;
    if (claims.pid === 'null' || !p || claims.pid !== p.id) {
      throw new HttpError(404, { message: 'Profile not found.' });
    }
    return p;
  }

  // -------------------------------------------------------------------------
  // ID API routes. Each handler returns [status, body].

  /**
   * @typedef {object} Ctx
   * @property {Req} req
   * @property {Namespace} ns
   * @property {URL} url  public absolute URL of the request
   * @property {any} body parsed JSON body (or raw text / null)
   * @property {string[]} params  path parameters
   */

  /** @type {{method: string, re: RegExp, auth: 'admin' | 'shopper' | 'signature', run: (c: Ctx) => [number, unknown]}[]} */
  const routes = [
    { method: 'POST', re: /^\/auth\/token$/, auth: 'admin', run: authToken },
    // Omneo's Shopify endpoint: its full path, as ID API paths never start with /shopify.
    { method: 'POST', re: /^\/shopify\/api\/v1\/auth\/token$/, auth: 'signature', run: shopifyToken },
    { method: 'GET', re: /^\/profiles\/me$/, auth: 'shopper', run: ({ ns }) => [200, { data: profileView(ns) }] },
    {
      method: 'GET',
      re: /^\/profiles\/me\/balances$/,
      auth: 'shopper',
      run: ({ ns }) => [200, { data: computeBalances(ns.state) }],
    },
    { method: 'GET', re: /^\/profiles\/me\/rewards$/, auth: 'shopper', run: (c) => [200, list(c, c.ns.state.rewards)] },
    {
      method: 'GET',
      re: /^\/profiles\/me\/rewards\/([^/]+)$/,
      auth: 'shopper',
      run: (c) => [200, { data: one(c.ns.state.rewards, c.params[0]) }],
    },
    { method: 'GET', re: /^\/profiles\/me\/benefits$/, auth: 'shopper', run: (c) => [200, list(c, c.ns.state.benefits)] },
    {
      method: 'GET',
      re: /^\/profiles\/me\/benefits\/([^/]+)$/,
      auth: 'shopper',
      run: (c) => [200, { data: one(c.ns.state.benefits, c.params[0]) }],
    },
    {
      method: 'POST',
      re: /^\/profiles\/me\/benefits\/([^/]+)\/redeem$/,
      auth: 'shopper',
      run: ({ ns, params }) => redeemBenefit(ns.state, params[0], nowMs(ns)),
    },
    {
      method: 'POST',
      re: /^\/profiles\/me\/redeem$/,
      auth: 'shopper',
      run: ({ ns, body }) => redeemAmount(ns.state, body, nowMs(ns)),
    },
    { method: 'GET', re: /^\/profiles\/me\/tiers$/, auth: 'shopper', run: ({ ns }) => tiersOf(ns.state) },
    { method: 'GET', re: /^\/profiles\/me\/points$/, auth: 'shopper', run: (c) => [200, list(c, c.ns.state.points)] },
  ];

  /** @param {Ctx} c @returns {[number, unknown]} */
  function authToken({ req, ns, body }) {
    requireAdmin(req);
    const b = body && typeof body === 'object' ? body : {};
    if (!('id' in b) || b.id === null) throw invalid({ id: ['The id field is required.'] });
    if (typeof b.id !== 'string' && typeof b.id !== 'number') throw invalid({ id: ['The id must be a string.'] });
    const id = String(b.id);
    if (id === '') return [200, { data: mint(ns, 'null') }];
    const profile = findProfile(ns.state, id, typeof b.id_handle === 'string' ? b.id_handle : undefined);
    if (!profile) throw new HttpError(404, { message: 'Profile not found.' });
    return [200, { data: mint(ns, profile.id) }];
  }

  /**
   * Omneo's Shopify sign-in: a customer id and its signature by the shop secret, for a shopper token.
   * @param {Ctx} c @returns {[number, unknown]}
   */
  function shopifyToken({ ns, body }) {
    const b = body && typeof body === 'object' ? body : {};
    /** @type {Record<string, string[]>} */
    const errors = {};
    if ((typeof b.id !== 'string' && typeof b.id !== 'number') || String(b.id) === '') errors.id = ['The id field is required.'];
    if (typeof b.signature !== 'string' || b.signature === '') errors.signature = ['The signature field is required.'];
    if (Object.keys(errors).length) throw invalid(errors);
    const id = String(b.id);
    if (!signatureMatches(id, b.signature)) throw new HttpError(401, { message: 'Invalid signature.' });
    const profile = findProfile(ns.state, id, 'shopify');
    if (!profile) throw new HttpError(404, { message: 'Profile not found.' });
    return [200, { data: mint(ns, profile.id) }];
  }

  /** Whether `signature` is the shop secret's HMAC-SHA256 of `id`, in hex. @param {string} id @param {string} signature */
  function signatureMatches(id, signature) {
    const expected = createHmac('sha256', shopSecret).update(id).digest();
    const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The profile with its live balances. @param {Namespace} ns */
  function profileView(ns) {
    syncProfileBalances(ns.state);
    return ns.state.profile;
  }

  /** A member with no tier is answered 404 (omneo-id-api.md: `current_tier` null, or 404). @param {SeedState} state @returns {[number, unknown]} */
  function tiersOf(state) {
    if (!state.tiers) throw new HttpError(404, { message: 'This profile has no tier.' });
    return [200, { data: state.tiers }];
  }

  /** @param {Ctx} c @param {Json[]} items */
  function list({ url }, items) {
    const filtered = filterItems(items, url.searchParams);
    return paginate(sortItems(filtered, url.searchParams.get('sort')), url);
  }

  /** @param {Json[]} items @param {string} id */
  function one(items, id) {
    const item = items.find((it) => String(it.id) === id);
    if (!item) throw new HttpError(404, { message: 'Not found.' });
    return item;
  }

  // -------------------------------------------------------------------------
  // Control endpoints (/__mock/...)

  /** @param {Req} req @param {Res} res @param {string} nsName @param {string} path @param {URL} url */
  async function control(req, res, nsName, path, url) {
    const method = req.method ?? 'GET';
    const body = parseBody(await readBody(req));
    const b = body && typeof body === 'object' ? body : {};
    const ns = namespace(nsName);
    const key = `${method} ${path}`;
    switch (key) {
      case 'POST /reset': {
        const n = b.rewards == null ? undefined : Number(b.rewards);
        if (n !== undefined && !(Number.isInteger(n) && n >= 0)) {
          return sendJson(req, res, 400, { message: 'rewards must be a whole number.' });
        }
        if (b.member != null && !TIER_MEMBERS.includes(b.member)) {
          return sendJson(req, res, 400, { message: `member must be one of ${TIER_MEMBERS.join(', ')}.` });
        }
        const fresh = freshNamespace(nsName, {
          rewards: n,
          member: b.member,
          tokenTtlSeconds: b.tokenTtlSeconds,
          latencyMs: b.latencyMs,
        });
        return sendJson(req, res, 200, {
          namespace: nsName,
          baseUrl: `${url.origin}${nsName ? `/ns/${nsName}` : ''}${ID_API_PREFIX}`,
          tokenTtlSeconds: fresh.tokenTtlSeconds,
          latencyMs: fresh.latencyMs,
          balances: computeBalances(fresh.state),
        });
      }
      case 'GET /requests':
        return sendJson(req, res, 200, ns.log);
      case 'DELETE /requests':
        ns.log = [];
        return sendJson(req, res, 204, undefined);
      case 'GET /faults': // the rules, with `remaining` (null: unlimited)
        return sendJson(req, res, 200, ns.faults);
      case 'POST /faults': {
        // A list of rules; {rules: [...]} or a single rule object are accepted too.
        /** @type {any[] | null} */
        const rules = Array.isArray(body)
          ? body
          : Array.isArray(b.rules)
            ? b.rules
            : body && typeof body === 'object'
              ? [body]
              : null;
        if (!rules || rules.some((r) => !r || typeof r.path !== 'string')) {
          return sendJson(req, res, 400, { message: 'Send a JSON list of rules, each with a "path".' });
        }
        ns.faults = rules.map((r) => ({ ...r, path: normaliseRulePath(r.path), remaining: r.times ?? Infinity }));
        return sendJson(req, res, 200, { faults: ns.faults.length });
      }
      case 'DELETE /faults':
        ns.faults = [];
        return sendJson(req, res, 204, undefined);
      case 'POST /mint': {
        // A shopper token without the admin secret (tests only).
        const id = b.id === undefined ? ns.state.profile?.id : String(b.id);
        const ttl = b.ttlSeconds == null ? undefined : Number(b.ttlSeconds);
        if (id === '') return sendJson(req, res, 200, { data: mint(ns, 'null', ttl) });
        const profile = id ? findProfile(ns.state, id, b.id_handle) : null;
        if (!profile) return sendJson(req, res, 404, { message: 'Profile not found.' });
        return sendJson(req, res, 200, { data: mint(ns, profile.id, ttl) });
      }
      case 'GET /clock':
      case 'POST /clock': {
        if (method === 'POST') {
          const s = Number(b.offsetSeconds ?? 0);
          if (!Number.isFinite(s)) return sendJson(req, res, 400, { message: 'offsetSeconds must be a number.' });
          ns.clockOffsetMs = s * 1000;
        }
        const now = nowMs(ns);
        return sendJson(req, res, 200, {
          offsetSeconds: ns.clockOffsetMs / 1000,
          now: Math.floor(now / 1000),
          date: formatUtc(now),
        });
      }
      case 'GET /state':
        refreshExpiry(ns.state, nowMs(ns));
        syncProfileBalances(ns.state);
        return sendJson(req, res, 200, { ...ns.state, balances: computeBalances(ns.state) });
      case 'POST /state': {
        // Replace top-level parts of the state: {profile?, rewards?, benefits?, points?, tiers?, ...}.
        if (!body || typeof body !== 'object' || Array.isArray(body)) {
          return sendJson(req, res, 400, { message: 'Send a JSON object with the parts of the state to replace.' });
        }
        Object.assign(ns.state, body);
        syncProfileBalances(ns.state);
        return sendJson(req, res, 200, { balances: computeBalances(ns.state) });
      }
      default:
        return sendJson(req, res, 404, { message: `No mock control endpoint ${key}.` });
    }
  }

  // -------------------------------------------------------------------------
  // The ID API pipeline: log → fault → latency → route → auth → handler

  /** @param {Req} req @param {Res} res @param {string} nsName @param {string} path @param {URL} url */
  async function idApi(req, res, nsName, path, url) {
    const ns = namespace(nsName);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const body = parseBody(raw);
    ns.log.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization ?? null,
      body,
      at: new Date().toISOString(),
    });

    /** @type {Record<string, string>} */
    let extraHeaders = {};
    const rule = ns.faults.find(
      (r) => r.remaining > 0 && matchesPath(r.path, path) && (r.method ? r.method.toUpperCase() === method : true),
    );
    if (rule) {
      rule.remaining -= 1;
      await sleep((rule.delayMs ?? 0) + ns.latencyMs);
      if (closed) return;
      if (rule.hang) {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (rule.drop) {
        req.socket.destroy();
        return;
      }
      extraHeaders = { ...(rule.headers ?? {}) };
      if (rule.status != null) return sendFault(req, res, rule);
    } else {
      await sleep(ns.latencyMs);
      if (closed) return;
    }

    const route = routes.find((r) => r.re.test(path) && r.method === method);
    if (!route) {
      const other = routes.some((r) => r.re.test(path));
      return other
        ? sendJson(req, res, 405, { message: `The ${method} method is not supported for route ${path.slice(1)}.` }, extraHeaders)
        : sendJson(req, res, 404, { message: `The route ${path.slice(1)} could not be found.` }, extraHeaders);
    }
    try {
      refreshExpiry(ns.state, nowMs(ns));
      if (route.auth === 'shopper') requireShopper(req, ns);
      const params = /** @type {RegExpExecArray} */ (route.re.exec(path)).slice(1).map(decodeURIComponent);
      const [status, out] = route.run({ req, ns, url, body, params });
      // The seed's images are served by this mock (GET /images/...), so they load offline.
      const served = out === undefined ? out : JSON.parse(JSON.stringify(out).replaceAll(IMAGE_BASE, `${url.origin}/images`));
      sendJson(req, res, status, served, extraHeaders);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      sendJson(req, res, err.status, err.body ?? undefined, { ...extraHeaders, ...(err.headers ?? {}) });
    }
  }

  /** Answer with a fault rule's status/body/headers. @param {Req} req @param {Res} res @param {FaultRule} rule */
  function sendFault(req, res, rule) {
    const status = /** @type {number} */ (rule.status);
    /** @type {Record<string, string>} */
    const headers = { ...corsHeaders(req), 'Cache-Control': 'no-cache, private' };
    let text = '';
    if (typeof rule.body === 'string') {
      text = rule.body;
      const t = text.trimStart();
      headers['Content-Type'] = t.startsWith('<')
        ? 'text/html; charset=utf-8'
        : t.startsWith('{') || t.startsWith('[')
          ? 'application/json'
          : 'text/plain; charset=utf-8';
    } else if (status !== 204 && status !== 304) {
      text = JSON.stringify(rule.body ?? { message: STATUS_CODES[status] ?? 'Error' });
      headers['Content-Type'] = 'application/json';
    }
    headers['Content-Length'] = String(Buffer.byteLength(text));
    // Header names are case-insensitive: let the rule's headers replace ours.
    for (const [k, v] of Object.entries(rule.headers ?? {})) {
      for (const own of Object.keys(headers)) if (own.toLowerCase() === k.toLowerCase()) delete headers[own];
      headers[k] = v;
    }
    res.writeHead(status, headers);
    res.end(text);
  }

  // -------------------------------------------------------------------------

  /**
   * The request handler / connect middleware.
   * @param {Req} req @param {Res} res @param {(err?: unknown) => void} [next]
   */
  function handle(req, res, next) {
    const host = req.headers.host ?? 'localhost';
    // A TLS socket says `encrypted`. (The cast has a line of its own: Prettier reformats one inside || twice.)
    const socket = /** @type {import('node:tls').TLSSocket} */ (req.socket);
    const proto =
      String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        .trim() || (socket.encrypted ? 'https' : 'http');
    let url;
    try {
      url = new URL(req.url ?? '/', `${proto}://${host}`);
    } catch {
      url = new URL(req.url ?? '/', 'http://localhost');
    }
    let path = url.pathname;
    let nsName = '';
    const nsMatch = NS_RE.exec(path);
    if (nsMatch) [, nsName, path] = nsMatch;

    /** @type {'api' | 'control' | null} */
    let kind = null;
    let sub = '';
    if (path === ID_API_PREFIX || path.startsWith(`${ID_API_PREFIX}/`)) {
      kind = 'api';
      sub = path.slice(ID_API_PREFIX.length) || '/';
    } else if (path.startsWith(`${SHOPIFY_API_PREFIX}/`)) {
      kind = 'api';
      sub = path;
    } else if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      kind = 'control';
      sub = path.slice(CONTROL_PREFIX.length) || '/';
    }

    if (!kind && req.method === 'GET' && path.startsWith('/images/')) {
      const svg = placeholderImage(path);
      res.writeHead(200, {
        'Content-Type': 'image/svg+xml',
        'Cache-Control': 'public, max-age=3600',
        'Content-Length': String(Buffer.byteLength(svg)),
      });
      return res.end(svg);
    }
    if (!kind) {
      if (next) return next();
      if (path === '/' && req.method === 'GET') {
        return sendJson(req, res, 200, {
          name: 'omneo-mock',
          idApi: `${url.origin}${ID_API_PREFIX}`,
          shopifyApi: `${url.origin}${SHOPIFY_API_PREFIX}`,
          control: `${url.origin}${CONTROL_PREFIX}`,
        });
      }
      return sendJson(req, res, 404, { message: 'Not found.' });
    }
    if (req.method === 'OPTIONS') return answerPreflight(req, res);

    const work = kind === 'api' ? idApi(req, res, nsName, sub, url) : control(req, res, nsName, sub, url);
    work.catch((err) => {
      if (err instanceof HttpError) return sendJson(req, res, err.status, err.body ?? undefined);
      console.error('[omneo-mock]', err);
      sendJson(req, res, 500, { message: 'Server Error' });
    });
  }

  /** Cancel pending delays and end the never-answered responses. */
  function close() {
    closed = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    for (const res of hanging) res.destroy();
    hanging.clear();
  }

  return {
    handle,
    close,
    namespace,
    /** Mint a shopper token directly (for tests in the same process). */
    mintToken: (id, nsName = '') => {
      const ns = namespace(nsName);
      const profile = id === '' ? null : findProfile(ns.state, id ?? ns.state.profile.id, undefined);
      if (id !== '' && !profile) throw new Error(`No profile ${id}`);
      return mint(ns, profile ? profile.id : 'null');
    },
  };
}
