/**
 * Omneo's ID API and the host site's token endpoint, mocked in the browser with msw, from the same
 * demo shopper as the Node mock (`mock/seed.js`), so no story needs a server.
 *
 * `omneoApi()` answers like `mock/omneo-mock.js`: balances computed from the seed, rewards and
 * benefits in Laravel's `data/links/meta` envelope (`page[size]`, `page[number]`), redeem by amount
 * and by benefit with the same 422 messages, and `POST /omneo/token` minting a shopper token.
 *
 * The handlers come in named groups (`token`, `balances`, `rewards`, `benefits`, `tiers`, `points`,
 * `redeem`, `other`, `assets`) because `parameters.msw.handlers` is merged key by key: a story replaces only the groups
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
  toLocal,
  DEMO_PROFILE_ID,
  DEMO_TIMEZONE,
  IMAGE_BASE,
  placeholderImage,
} from '../mock/seed.js';
import { paginate, redeemAmount, redeemBenefit } from '../mock/rules.js';

type Json = Record<string, unknown>;
type SeedState = ReturnType<typeof createSeed>;

/** The ID API base the stories' providers use (`base-url`); also what `tenant="demo"` gives. */
export const API = 'https://api.demo.getomneo.com/id/api/v1';
/** The host site's token endpoint the stories' providers use (`token-url`). */
export const TOKEN_URL = '/omneo/token';

/**
 * Handlers in named groups, a story replacing only the groups it changes: `token`, `balances`,
 * `rewards`, `benefits`, `tiers`, `points`, `redeem`, `other` (the profile) and `assets` (images).
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
  const expiresAt = formatUtc(now + days * DAY);
  item.expires_at = expiresAt;
  item.expires_local_at = toLocal(expiresAt, DEMO_TIMEZONE);
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
  /** Bronze, the floor tier: 120 of the 250 points to Silver. */
  bronze: (now: number) => createSeed(now, { member: 'bronze' }),
  /** Silver, with 70 points still to earn in 45 days to keep it (a new period: 130 points so far). */
  keepTier: (now: number) => createSeed(now, { member: 'silver' }),
  /** Platinum, the top tier: no next tier. */
  topTier: (now: number) => createSeed(now, { member: 'platinum' }),
  /** No tier at all: `GET /profiles/me/tiers` answers 404. */
  noTier: (now: number) => createSeed(now, { member: 'none' }),
  /** Point lots that all expire within days (and one used up, one expired). */
  pointsExpiringSoon: (now: number) => {
    const s = createSeed(now);
    s.points.forEach(
      (p: Json, i: number) =>
        typeof p.value_remaining === 'number' && p.value_remaining > 0 && !p.is_expired && expireIn(p, 2 + i * 2, now),
    );
    return s;
  },
  /** No point lots at all. */
  noPoints: (now: number) => {
    const s = createSeed(now);
    s.points = [];
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
/** A `[status, body]` answer of the mock's rules (`mock/rules.js`) as a response. */
const reply = ([status, body]: [number, unknown]) => json(body, status);

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
    balances: [
      http.get(`${API}/profiles/me/balances`, ({ request }) => authed(request, (s) => json({ data: computeBalances(s) }))),
    ],
    rewards: [
      http.get(`${API}/profiles/me/rewards`, ({ request }) =>
        authed(request, (s) => json(paginate(s.rewards, new URL(request.url)))),
      ),
      http.get(`${API}/profiles/me/rewards/:id`, ({ request, params }) =>
        authed(request, (s) => one(s.rewards, String(params.id))),
      ),
    ],
    benefits: [
      http.get(`${API}/profiles/me/benefits`, ({ request }) =>
        authed(request, (s) => json(paginate(s.benefits, new URL(request.url)))),
      ),
      http.get(`${API}/profiles/me/benefits/:id`, ({ request, params }) =>
        authed(request, (s) => one(s.benefits, String(params.id))),
      ),
    ],
    redeem: [
      http.post(`${API}/profiles/me/redeem`, async ({ request }) => {
        const body = await request.json().catch(() => null);
        return authed(request, (s) => reply(redeemAmount(s, body, Date.now())));
      }),
      http.post(`${API}/profiles/me/benefits/:id/redeem`, ({ request, params }) =>
        authed(request, (s) => reply(redeemBenefit(s, String(params.id), Date.now()))),
      ),
    ],
    other: [http.get(`${API}/profiles/me`, ({ request }) => authed(request, (s) => json({ data: s.profile })))],
    tiers: [
      // A member with no tier is answered 404, as the Node mock does.
      http.get(`${API}/profiles/me/tiers`, ({ request }) =>
        authed(request, (s) => (s.tiers ? json({ data: s.tiers }) : json({ message: 'This profile has no tier.' }, 404))),
      ),
    ],
    points: [
      http.get(`${API}/profiles/me/points`, ({ request }) =>
        authed(request, (s) => json(paginate(s.points, new URL(request.url)))),
      ),
    ],
    // The seed's images, drawn as the Node mock draws them (the build is offline).
    assets: [
      http.get(
        `${IMAGE_BASE}/*`,
        ({ request }) =>
          new HttpResponse(placeholderImage(new URL(request.url).pathname), {
            headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' },
          }),
      ),
    ],
  };
}

// ---------------------------------------------------------------------------
// States. Each returns only the groups it changes; the rest stay `omneoApi()`'s.

type Group = 'balances' | 'rewards' | 'benefits' | 'tiers' | 'points';
const LISTS: Group[] = ['balances', 'rewards', 'benefits'];
const ROUTES: Record<Group, string> = {
  balances: `${API}/profiles/me/balances`,
  rewards: `${API}/profiles/me/rewards`,
  benefits: `${API}/profiles/me/benefits`,
  tiers: `${API}/profiles/me/tiers`,
  points: `${API}/profiles/me/points`,
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
export const serverError = (groups: Group[] = LISTS): OmneoHandlers => each(groups, () => json({ message: 'Server Error' }, 500));

/** The API answers 200 with bodies that are not what the API page describes. */
export const malformed = (groups: Group[] = LISTS): OmneoHandlers =>
  each(groups, (request) =>
    request.url.includes('/balances')
      ? json({ data: { point_balance: 'lots', reward_balance: null } })
      : request.url.includes('/tiers')
        ? json({ data: { current_tier: { name: 42 }, current_credit: 'NaN' } })
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
export const refusedRedeem = (
  message = 'This benefit cannot be redeemed online.',
  amountMessage = 'The amount must not have more than 2 decimal places.',
): OmneoHandlers => ({
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
