/**
 * Omneo's ID API and the host site's token endpoint, mocked in the browser with msw, from the same
 * demo shopper as the Node mock (`mock/seed.js`), so no story needs a server.
 *
 * `omneoApi()` answers like `mock/omneo-mock.js`: balances computed from the seed, rewards and
 * benefits in Laravel's `data/links/meta` envelope (`page[size]`, `page[number]`), redeem by amount
 * and by benefit with the same 422 messages, and `POST /omneo/token` minting a shopper token.
 *
 * The handlers come in named groups (`token`, `balances`, `rewards`, `benefits`, `redeem`, `other`,
 * `assets`) because `parameters.msw.handlers` is merged key by key: a story replaces only the groups
 * it changes, e.g. `parameters: { msw: { handlers: signedOut() } }`.
 *
 * Every story starts from a fresh copy of its seed (`resetDemoData()` runs before each render, from
 * `.storybook/preview.ts`), so a redeem in one story never shows in the next.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  computeBalances,
  createLargeSeed,
  createSeed,
  formatUtc,
  refreshExpiry,
  syncProfileBalances,
  toCents,
  toLocal,
  DEMO_PROFILE_ID,
  DEMO_TIMEZONE,
} from '../mock/seed.js';

type Json = Record<string, any>;
type SeedState = ReturnType<typeof createSeed>;

/** The ID API base the stories' providers use (`base-url`); also what `tenant="demo"` gives. */
export const API = 'https://api.demo.getomneo.com/id/api/v1';
/** The host site's token endpoint the stories' providers use (`token-url`). */
export const TOKEN_URL = '/omneo/token';

/**
 * Handlers in named groups, a story replacing only the groups it changes: `token`, `balances`,
 * `rewards`, `benefits`, `redeem`, `other` (profile, tiers, points) and `assets` (images).
 */
export type OmneoHandlers = Record<string, HttpHandler[]>;

// ---------------------------------------------------------------------------
// Seeds: the shopper a story meets. Each is a function of "now", so dates stay relative.

const DAY = 86_400_000;

/** Keeps the first `n` active rewards and benefits of the demo shopper (and drops the rest). */
function onlyActive(state: SeedState, rewards: number, benefits: number) {
  state.rewards = state.rewards.filter((r: Json) => r.is_active && !r.is_expired).slice(0, rewards);
  state.benefits = state.benefits.filter((b: Json) => b.is_redeemable && !b.is_expired).slice(0, benefits);
  return state;
}

/** Moves an item's expiry to `days` from now (and its local companion). */
function expireIn(item: Json, days: number, now: number) {
  item.expires_at = formatUtc(now + days * DAY);
  item.expires_local_at = toLocal(item.expires_at, DEMO_TIMEZONE);
  return item;
}

export const seeds = {
  /** Ava: 9 rewards (6 active, $45), 1,234 points ($12.34), 5 benefits (3 redeemable). */
  demo: (now: number) => createSeed(now),
  /** Just joined: no rewards, no benefits, no points. */
  newMember: (now: number) => {
    const s = createSeed(now);
    s.rewards = [];
    s.benefits = [];
    s.points = [];
    return s;
  },
  /** Points, but no rewards or benefits yet. */
  noRewards: (now: number) => {
    const s = createSeed(now);
    s.rewards = [];
    s.benefits = [];
    return s;
  },
  /** Exactly one active reward (Welcome $5) and one benefit (Free Express Shipping). */
  one: (now: number) => onlyActive(createSeed(now), 1, 1),
  /** 60 generated rewards (four pages of 15), about 48 of them active. */
  many: (now: number) => createLargeSeed(60, now),
  /** Every active reward and benefit expires within a few days. */
  expiringSoon: (now: number) => {
    const s = onlyActive(createSeed(now), 3, 2);
    s.rewards.forEach((r: Json, i: number) => expireIn(r, 1 + i * 2, now));
    s.benefits.forEach((b: Json, i: number) => expireIn(b, 2 + i * 3, now));
    return s;
  },
  /** A shopper with exactly one point, for the singular. */
  onePoint: (now: number) => {
    const s = createSeed(now);
    s.rewards = [];
    s.points = s.points.slice(0, 1).map((p: Json) => ({ ...p, value_remaining: 1 }));
    return s;
  },
};

export type Seed = (now: number) => SeedState;

// ---------------------------------------------------------------------------
// Per-story state

let generation = 0;

/** Starts every store over from its seed on its next request (called before each story renders). */
export function resetDemoData() {
  generation++;
}

/** The live state of a seed: made on first use, remade after `resetDemoData()`, expiry refreshed. */
function store(seed: Seed) {
  let state: SeedState | undefined;
  let made = -1;
  return () => {
    if (!state || made !== generation) {
      state = seed(Date.now());
      made = generation;
    }
    refreshExpiry(state);
    syncProfileBalances(state);
    return state;
  };
}

// ---------------------------------------------------------------------------
// Tokens: JWT-shaped, unsigned (the widgets only read `exp` and `pid`; this "server" checks both).

const b64url = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** A shopper token for the demo profile, as the host backend would mint it. */
export function mintDemoToken(ttlSeconds = 900, pid = DEMO_PROFILE_ID) {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + ttlSeconds;
  return { token: `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ pid, iat, exp, iss: 'omneo-storybook' })}.storybook`, exp };
}

function claims(request: Request): Json | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!m) return null;
  try {
    const payload = m[1].split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const c = JSON.parse(atob(payload));
    return c && typeof c.exp === 'number' && c.exp > Date.now() / 1000 ? c : null;
  } catch {
    return null;
  }
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  HttpResponse.json(body as Json, { status, headers: { 'Cache-Control': 'no-cache, private', ...headers } });

const unauthenticated = () => json({ message: 'Unauthenticated.' }, 401);
const invalid = (errors: Record<string, string[]>) => json({ message: 'The given data was invalid.', errors }, 422);

// ---------------------------------------------------------------------------
// Lists

/** Laravel's pagination envelope: `page[size]` (default 15, at most 100) and `page[number]`. */
export function paginate(items: Json[], url: URL) {
  const size = Number.parseInt(url.searchParams.get('page[size]') ?? '', 10);
  const number = Number.parseInt(url.searchParams.get('page[number]') ?? '', 10);
  const perPage = size > 0 ? Math.min(size, 100) : 15;
  const page = number > 0 ? number : 1;
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const start = (page - 1) * perPage;
  const data = items.slice(start, start + perPage);
  const path = `${url.origin}${url.pathname}`;
  const link = (n: number) => {
    const q = new URLSearchParams(url.searchParams);
    q.set('page[number]', String(n));
    return `${path}?${q}`;
  };
  return {
    data,
    links: {
      first: link(1),
      last: link(lastPage),
      prev: page > 1 ? link(Math.min(page - 1, lastPage)) : null,
      next: page < lastPage ? link(page + 1) : null,
    },
    meta: {
      current_page: page,
      from: data.length ? start + 1 : null,
      last_page: lastPage,
      links: [],
      path,
      per_page: perPage,
      to: data.length ? start + data.length : null,
      total,
    },
  };
}

/** Soonest expiry first, no expiry last, then by id. */
const byExpiry = (a: Json, b: Json) =>
  (a.expires_at ?? '\uffff').localeCompare(b.expires_at ?? '\uffff') || a.id - b.id;

// ---------------------------------------------------------------------------
// Redeems, with the mock's rules and messages

function redeemAmount(state: SeedState, body: unknown) {
  const raw = body && typeof body === 'object' ? (body as Json).amount : undefined;
  if (raw === undefined || raw === null || raw === '') return invalid({ amount: ['The amount field is required.'] });
  const amount = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(amount)) return invalid({ amount: ['The amount must be a number.'] });
  if (!(amount > 0)) return invalid({ amount: ['The amount must be greater than 0.'] });
  if (Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) {
    return invalid({ amount: ['The amount must not have more than 2 decimal places.'] });
  }
  let cents = toCents(amount);
  if (cents > toCents(computeBalances(state).combined_balance_dollars)) {
    return invalid({ amount: ['The amount exceeds the available balance.'] });
  }
  const at = formatUtc(Date.now());
  // Rewards first, soonest expiry first; then points, soonest-expiring lots first.
  for (const r of state.rewards.filter((x: Json) => x.is_active && !x.is_expired && x.value_remaining > 0).sort(byExpiry)) {
    if (cents === 0) break;
    const take = Math.min(toCents(r.value_remaining), cents);
    r.value_remaining = (toCents(r.value_remaining) - take) / 100;
    if (r.value_remaining === 0) r.is_active = false;
    r.updated_at = at;
    cents -= take;
  }
  let points = Math.ceil(cents / (state.pointsToDollarsRate * 100) - 1e-9);
  for (const lot of state.points.filter((p: Json) => !p.is_expired && p.value_remaining > 0).sort(byExpiry)) {
    if (points <= 0) break;
    const take = Math.min(lot.value_remaining, points);
    lot.value_remaining -= take;
    lot.updated_at = at;
    points -= take;
  }
  syncProfileBalances(state);
  const { currency: _currency, ...balances } = computeBalances(state);
  const redemption = {
    id: state.nextRedemptionId++,
    profile_id: state.profile.id,
    total: amount,
    total_localised: amount,
    balances,
    meta: {},
    created_at: at,
    updated_at: at,
  };
  state.redemptions.push(redemption);
  return json({ data: redemption });
}

function redeemBenefit(state: SeedState, id: string) {
  const b = state.benefits.find((x: Json) => String(x.id) === id);
  if (!b) return json({ message: 'Not found.' }, 404);
  if (b.is_expired) return json({ message: 'This benefit has expired.' }, 422);
  if (!(b.redemptions_remaining > 0)) return json({ message: 'This benefit has no redemptions remaining.' }, 422);
  if (!b.is_redeemable) return json({ message: 'This benefit cannot be redeemed online.' }, 422);
  const at = formatUtc(Date.now());
  b.redemptions_remaining -= 1;
  if (b.redemptions_remaining === 0) b.is_redeemable = false;
  b.last_redeemed_at = at;
  b.updated_at = at;
  syncProfileBalances(state);
  return json({ data: b });
}

// ---------------------------------------------------------------------------
// Placeholder images for the seed's `https://cdn.example.com/...png` (the build is offline)

const PALETTE = ['#f4d8c8', '#d6e6d3', '#d7dff2', '#f1e2b3', '#e6d4ee', '#cfe7ea'];

function placeholder(url: URL) {
  const handle = url.pathname.split('/').pop()?.replace(/\.\w+$/, '') ?? 'reward';
  const initials = handle.split('-').map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();
  let h = 0;
  for (const c of handle) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<rect width="96" height="96" rx="12" fill="${PALETTE[h % PALETTE.length]}"/>
<text x="48" y="58" font-family="system-ui, sans-serif" font-size="32" font-weight="600" text-anchor="middle" fill="#3b3b3b">${initials}</text>
</svg>`;
  return new HttpResponse(svg, { headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' } });
}

// ---------------------------------------------------------------------------
// The working API

export interface OmneoApiOptions {
  /** The shopper (default: `seeds.demo`). */
  seed?: Seed;
  /** Milliseconds before each answer (default 150), so the loading state shows for a moment. */
  latencyMs?: number;
}

/** Every endpoint the widgets use, answering from the seed like `mock/omneo-mock.js`. */
export function omneoApi({ seed = seeds.demo, latencyMs = 150 }: OmneoApiOptions = {}) {
  const state = store(seed);
  /** Latency, then the shopper's state, or the 401/404 the API gives for a bad token. */
  const authed = async (request: Request, run: (s: SeedState) => Response | Promise<Response>) => {
    await delay(latencyMs);
    const c = claims(request);
    if (!c) return unauthenticated();
    const s = state();
    if (c.pid !== s.profile.id) return json({ message: 'Profile not found.' }, 404);
    return run(s);
  };
  const one = (items: Json[], id: string) => {
    const item = items.find((x) => String(x.id) === id);
    return item ? json({ data: item }) : json({ message: 'Not found.' }, 404);
  };
  return {
    token: [
      http.post(TOKEN_URL, async () => {
        await delay(latencyMs / 2);
        return json(mintDemoToken(), 200, { 'Cache-Control': 'no-store' });
      }),
    ],
    balances: [http.get(`${API}/profiles/me/balances`, ({ request }) => authed(request, (s) => json({ data: computeBalances(s) })))],
    rewards: [
      http.get(`${API}/profiles/me/rewards`, ({ request }) => authed(request, (s) => json(paginate(s.rewards, new URL(request.url))))),
      http.get(`${API}/profiles/me/rewards/:id`, ({ request, params }) => authed(request, (s) => one(s.rewards, String(params.id)))),
    ],
    benefits: [
      http.get(`${API}/profiles/me/benefits`, ({ request }) => authed(request, (s) => json(paginate(s.benefits, new URL(request.url))))),
      http.get(`${API}/profiles/me/benefits/:id`, ({ request, params }) => authed(request, (s) => one(s.benefits, String(params.id)))),
    ],
    redeem: [
      http.post(`${API}/profiles/me/redeem`, async ({ request }) => {
        const body = await request.json().catch(() => null);
        return authed(request, (s) => redeemAmount(s, body));
      }),
      http.post(`${API}/profiles/me/benefits/:id/redeem`, ({ request, params }) =>
        authed(request, (s) => redeemBenefit(s, String(params.id))),
      ),
    ],
    other: [
      http.get(`${API}/profiles/me`, ({ request }) => authed(request, (s) => json({ data: s.profile }))),
      http.get(`${API}/profiles/me/tiers`, ({ request }) => authed(request, (s) => json({ data: s.tiers }))),
      http.get(`${API}/profiles/me/points`, ({ request }) => authed(request, (s) => json(paginate(s.points, new URL(request.url))))),
    ],
    assets: [http.get('https://cdn.example.com/*', ({ request }) => placeholder(new URL(request.url)))],
  };
}

// ---------------------------------------------------------------------------
// States. Each returns only the groups it changes; the rest stay `omneoApi()`'s.

type Group = 'balances' | 'rewards' | 'benefits';
const LISTS: Group[] = ['balances', 'rewards', 'benefits'];
const ROUTES: Record<Group, string> = {
  balances: `${API}/profiles/me/balances`,
  rewards: `${API}/profiles/me/rewards`,
  benefits: `${API}/profiles/me/benefits`,
};

function each(groups: Group[], answer: (request: Request) => Response | Promise<Response>): OmneoHandlers {
  return Object.fromEntries(groups.map((g) => [g, [http.get(ROUTES[g], ({ request }) => answer(request))]]));
}

/** Nobody is signed in: the host's token endpoint answers 401 (as the example backend does). */
export const signedOut = (): OmneoHandlers => ({
  token: [http.post(TOKEN_URL, () => json({ message: 'Not signed in.' }, 401, { 'Cache-Control': 'no-store' }))],
});

/** The API never answers, so the widgets stay in their loading state. */
export const loading = (groups: Group[] = LISTS): OmneoHandlers =>
  each(groups, async () => {
    await delay('infinite');
    return json({});
  });

/** The API fails with a 500 every time (the client's two retries fail too). */
export const serverError = (groups: Group[] = LISTS): OmneoHandlers =>
  each(groups, () => json({ message: 'Server Error' }, 500));

/** The API answers 200 with bodies that are not what the API page describes. */
export const malformed = (groups: Group[] = LISTS): OmneoHandlers =>
  each(groups, (request) =>
    request.url.includes('/balances')
      ? json({ data: { point_balance: 'lots', reward_balance: null } })
      : json({ data: [{ id: 1, definition: null }], meta: { current_page: 1, last_page: 1, total: 1 } }),
  );

/** Every other group, from one seed (they share one state, so a redeem updates the balances). */
export const withSeed = (seed: Seed, latencyMs?: number): OmneoHandlers => omneoApi({ seed, latencyMs });

/** No rewards and no benefits (but some points). */
export const emptyLists = () => withSeed(seeds.noRewards);

/** 60 rewards over four pages. */
export const manyItems = () => withSeed(seeds.many);

/** Every active item expires within days. */
export const expiringSoon = () => withSeed(seeds.expiringSoon);

/** The API refuses every redeem with a 422 and the message given (the amount one in Laravel's envelope). */
export const refusedRedeem = (message = 'This benefit cannot be redeemed online.', amountMessage = 'The amount must not have more than 2 decimal places.'): OmneoHandlers => ({
  redeem: [
    http.post(`${API}/profiles/me/redeem`, async () => {
      await delay(150);
      return invalid({ amount: [amountMessage] });
    }),
    http.post(`${API}/profiles/me/benefits/:id/redeem`, async () => {
      await delay(150);
      return json({ message }, 422);
    }),
  ],
});

/**
 * The balance went down elsewhere (say, spent in store) after the page loaded: the balances the
 * widgets hold still say there is enough, but the API refuses with "exceeds the available balance".
 */
export const overBalance = (): OmneoHandlers => ({
  redeem: [
    http.post(`${API}/profiles/me/redeem`, async () => {
      await delay(150);
      return invalid({ amount: ['The amount exceeds the available balance.'] });
    }),
  ],
});

/** A redeem that the API accepts but whose answer never arrives (the button stays busy). */
export const redeemInFlight = (): OmneoHandlers => ({
  redeem: [
    http.post(`${API}/profiles/me/redeem`, () => delay('infinite').then(() => json({}))),
    http.post(`${API}/profiles/me/benefits/:id/redeem`, () => delay('infinite').then(() => json({}))),
  ],
});

/** Omneo fails (500) while redeeming: the outcome is unknown, so the widgets must not claim either. */
export const redeemUnconfirmed = (): OmneoHandlers => ({
  redeem: [
    http.post(`${API}/profiles/me/redeem`, async () => {
      await delay(150);
      return json({ message: 'Server Error' }, 500);
    }),
    http.post(`${API}/profiles/me/benefits/:id/redeem`, async () => {
      await delay(150);
      return json({ message: 'Server Error' }, 500);
    }),
  ],
});
