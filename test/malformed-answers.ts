/**
 * A seeded generator of malformed Omneo answers, for test/malformed.test.ts: valid answers of every
 * route the widgets read (balances, rewards, benefits, points lots, tiers, redeems, the token
 * endpoint), then mutated as the API might one day send them: wrong types, missing fields, unknown
 * fields, bad dates, NaN-like strings, huge and negative numbers, markup, broken envelopes, bodies
 * that are not JSON or empty.
 *
 * Everything follows from one seed: the answer to a request depends only on the seed and the
 * request (its route and page), not on the order requests are made, so a failing round replays.
 */

/** mulberry32: a small, fast 32-bit PRNG; good enough to pick mutations, and the same everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string: gives each request its own stream of the round's seed. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** The stream for one request of a round. */
  static for(seed: number, key: string) {
    return new Rng(seed ^ hash(key));
  }
  int(n: number) {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number) {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------
// Valid answers

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const DAY = 86_400_000;
export const utc = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 19).replace('T', ' ');
const CDN = 'https://cdn.example.com/omneo-fuzz';

export const validBalances = (): Obj => ({
  reward_balance: 15,
  point_balance: 1234,
  point_balance_dollars: 12.34,
  benefit_balance: 2,
  combined_balance_dollars: 27.34,
  currency: 'AUD',
});

export function validReward(id: number, days: number | null): Obj {
  return {
    id,
    profile_id: '9dc2b6f4',
    timezone: 'Australia/Melbourne',
    value_initial: 10,
    value_remaining: 5,
    issued_at: utc(-10),
    expires_at: days === null ? null : utc(days),
    is_expired: false,
    is_active: true,
    extended_at: null,
    meta: null,
    definition: {
      id: 3,
      name: `Reward ${id}`,
      handle: 'birthday',
      type: 'birthday',
      value: 10,
      short_description: 'A gift',
      icon: null,
      image_url: `${CDN}/r${id}.png`,
    },
  };
}

export function validBenefit(id: number, days: number | null): Obj {
  return {
    id,
    is_redeemable: true,
    redemptions_remaining: 2,
    expires_at: days === null ? null : utc(days),
    redeem_code_online: `ONLINE${id}`,
    redeem_code_pos: `POS${id}`,
    definition: {
      name: `Benefit ${id}`,
      handle: 'free-coffee',
      icon: null,
      image_url: `${CDN}/b${id}.png`,
      short_description: 'A perk',
      terms_conditions: null,
    },
  };
}

export function validLot(id: number, days: number | null): Obj {
  return {
    id,
    profile_id: '9dc2b6f4',
    linked_profile_id: null,
    value_initial: 500,
    value_remaining: 150,
    issued_at: utc(-30),
    expires_at: days === null ? null : utc(days),
    definition: { id: 7, name: 'Purchase points', handle: 'purchase' },
    source_type: 'transaction',
    source: null,
    rate: 1,
    description: `Order ${id}`,
    meta: null,
  };
}

const tier = (id: number, name: string, valueMin: number): Obj => ({
  id,
  name,
  handle: name.toLowerCase(),
  is_floor: id === 1,
  value_min: valueMin,
  value_maintain: valueMin,
  description: `${name} members`,
  short_description: name,
  icon: null,
  image_url: `${CDN}/${name.toLowerCase()}.png`,
  earn_instructions: null,
  tags: [],
  meta: null,
});

export const validTiers = (): Obj => ({
  current_tier: tier(2, 'Silver', 500),
  next_tier: tier(3, 'Gold', 1000),
  prev_tier: tier(1, 'Bronze', 0),
  current_credit: 800,
  next_remain: 200,
  current_remain: 100,
  current_progress: 0,
  next_progress: 0,
  total_points_12m: 800,
  total_points_achievement: 800,
  anniversary_at: utc(100),
  next_progress_change_at: null,
  achieved_at: utc(-200),
  maintained_at: null,
  assigned_at: utc(-200),
  is_floor: false,
});

export const validAmountRedemption = (amount: number): Obj => ({
  id: 55,
  profile_id: '9dc2b6f4',
  total: amount,
  total_localised: amount,
  balances: { ...validBalances(), reward_balance: 5, combined_balance_dollars: 17.34 },
  meta: {},
  created_at: utc(0),
  updated_at: utc(0),
});

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** A JWT-shaped shopper token with these claims (the fake API takes any token). */
export const jwtWith = (claims: Record<string, unknown>) => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.sig`;

export const validToken = (): Obj => {
  const now = Math.floor(Date.now() / 1000);
  return { token: jwtWith({ pid: 'p1', iat: now, exp: now + 900 }), exp: now + 900 };
};

// ---------------------------------------------------------------------------
// Junk

/**
 * A number JSON can carry but JavaScript cannot (`1e400` parses to Infinity): written into the
 * body as the bare token by `serialize`.
 */
const RAW = (token: string) => `\u0000raw:${token}\u0000`;

/** Markup that would run, or show, if a widget put API text in as HTML. */
export const MARKUP = '<img src=x onerror="window.__omneoPwned=1"><b>bold</b>';

/** Instead of a number. */
const NOT_NUMBERS: Json[] = [
  '12',
  '5.00',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  RAW('1e400'),
  RAW('-1e400'),
  '',
  {},
  [],
  [5],
  true,
  false,
  null,
  { value: 5 },
];
/** Numbers that are numbers, at the edges. */
const ODD_NUMBERS: Json[] = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -5, -0.01, 0, 1e-300, 123456789.123456];
/** Instead of a string. Never "NaN", "null" and the like: a name may legitimately say anything, so text that says them proves nothing. */
const NOT_STRINGS: Json[] = [42, 0, {}, [], ['a'], true, false, null, { en: 'Name' }];
const ODD_STRINGS: Json[] = [MARKUP, '', '   ', 'javascript:alert(1)', 'x'.repeat(500), '🎁 Ünïcödé ‮reversed', '\u0000'];
const NOT_DATES: Json[] = [
  'not a date',
  '2026-13-45 99:99:99',
  '0000-00-00 00:00:00',
  '',
  'tomorrow',
  '01/02/2026',
  'NaN',
  1767225600,
  0,
  {},
  [],
  true,
  '2026-02-01 12:59:59+99:99',
];
const ODD_DATES: Json[] = [
  '9999-12-31 23:59:59',
  '1970-01-01 00:00:00',
  '0001-01-01 00:00:00',
  '2026-02-01T12:59:59Z',
  '2026-02-01T12:59:59.999+11:00',
  '2026-02-30 00:00:00',
];
const NOT_BOOLEANS: Json[] = ['true', 'false', 1, 0, null, {}, []];
const NOT_OBJECTS: Json[] = [null, 'x', '', 5, [], [{}], true];
const UNKNOWN_VALUES: Json[] = [null, 'new', 7, { nested: { deeper: [1, 'two'] } }, [], true, MARKUP, RAW('1e400')];
const UNKNOWN_KEYS = [
  'value_remaining',
  'extra',
  'localised',
  'credit_balance',
  'strategies',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'then',
  'x-new-field',
];

/** Bodies that are not a JSON object at all. */
const BROKEN_BODIES = [
  '',
  ' ',
  'not json',
  '<!doctype html><html><body><h1>Maintenance</h1></body></html>',
  '{"data": {',
  '{"data": [{"id": 1, "value_remaining": 1',
  'null',
  '[]',
  '"data"',
  '42',
  'NaN',
  'undefined',
  'true',
  '{}',
];

/**
 * A copy of one of `values`: the pools' objects are shared by every round, and a later mutation
 * inside one must not change them (a round would then depend on the rounds before it).
 */
const pickFrom = (values: readonly Json[], rng: Rng): Json => structuredClone(rng.pick(values));

function junkFor(key: string, value: Json, rng: Rng): Json {
  if (/_at$/.test(key)) return pickFrom(rng.chance(0.8) ? NOT_DATES : ODD_DATES, rng);
  if (typeof value === 'number') return pickFrom(rng.chance(0.7) ? NOT_NUMBERS : ODD_NUMBERS, rng);
  if (typeof value === 'string') return pickFrom(rng.chance(0.6) ? NOT_STRINGS : ODD_STRINGS, rng);
  if (typeof value === 'boolean') return pickFrom(NOT_BOOLEANS, rng);
  if (value !== null && typeof value === 'object') return pickFrom(NOT_OBJECTS, rng);
  // null: a field that is null today may carry anything tomorrow (but no "NaN": it may be a name).
  return pickFrom(['12', 12, -1, {}, [], true, MARKUP, 'not a date', RAW('1e400')], rng);
}

/** Every object in `root` (itself included), with the path to it. */
function objectsIn(root: Json, path = ''): { path: string; obj: Obj }[] {
  if (root === null || typeof root !== 'object') return [];
  const here = Array.isArray(root) ? [] : [{ path, obj: root }];
  const entries: [string, Json][] = Array.isArray(root) ? root.map((v, i) => [String(i), v]) : Object.entries(root);
  return [...here, ...entries.flatMap(([k, v]) => objectsIn(v, path ? `${path}.${k}` : k))];
}

/** One mutation of an object in place: a field gets a wrong or odd value, goes missing, or an unknown field appears. Returns what it did. */
function mutate(root: Obj, rng: Rng, unknownOnly = false): string {
  const targets = objectsIn(root);
  const { path, obj } = rng.pick(targets);
  const keys = Object.keys(obj);
  const op = unknownOnly || !keys.length ? 'unknown' : rng.pick(['junk', 'junk', 'junk', 'missing', 'unknown'] as const);
  const at = (k: string) => (path ? `${path}.${k}` : k);
  if (op === 'unknown') {
    const key = rng.pick(UNKNOWN_KEYS);
    // Only fields the object does not have: an unknown field, never a known one overwritten.
    if (Object.hasOwn(obj, key)) return `${at(key)} already there`;
    const value = pickFrom(UNKNOWN_VALUES, rng);
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    return `+${at(key)} = ${describe(value)}`;
  }
  const key = rng.pick(keys);
  if (op === 'missing') {
    delete obj[key];
    return `-${at(key)}`;
  }
  obj[key] = junkFor(key, obj[key], rng);
  return `${at(key)} = ${describe(obj[key])}`;
}

function describe(value: Json): string {
  const s = typeof value === 'string' && value.startsWith('\u0000raw:') ? value.slice(5, -1) : JSON.stringify(value);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** JSON text, with the bare number tokens JavaScript cannot hold put in. */
function serialize(body: Json): string {
  return JSON.stringify(body).replace(/"\\u0000raw:([^"\\]*)\\u0000"/g, '$1');
}

// ---------------------------------------------------------------------------
// Answers

export interface Answer {
  status: number;
  body: string;
  /** What was done to the valid answer, for the failure message. */
  note: string;
  /**
   * What a widget must show for it, when that is certain: `value` (the answer is sound, or only
   * has unknown fields), `not-error` (a list with a sound envelope and some untouched items).
   */
  expect?: 'value' | 'not-error';
  /** A list's untouched items, by a text each shows (its name, or a lot's description): a list of every item shows them all. */
  shows?: string[];
}

export type Route = 'balances' | 'rewards' | 'benefits' | 'points' | 'tiers' | 'token' | 'redeem' | 'benefit-redeem';

const LISTS = { rewards: validReward, benefits: validBenefit, points: validLot } as const;

function objectAnswer(route: Route, data: Obj, rng: Rng, envelope: boolean): Answer {
  const roll = rng.next();
  if (roll < 0.2) return { status: 200, body: serialize(envelope ? { data } : data), note: 'valid', expect: 'value' };
  if (roll < 0.35) {
    const body: Obj = envelope ? { data } : data;
    const notes = Array.from({ length: 1 + rng.int(4) }, () => mutate(body, rng, true));
    return { status: 200, body: serialize(body), note: `unknown fields: ${notes.join('; ')}`, expect: 'value' };
  }
  if (roll < 0.8) {
    const notes = Array.from({ length: 1 + rng.int(3) }, () => mutate(data, rng));
    return { status: 200, body: serialize(envelope ? { data } : data), note: notes.join('; ') };
  }
  if (roll < 0.9 && envelope) {
    const broken = rng.pick<Json>([
      {},
      { data: null },
      { data: [] },
      { data: [data] },
      { data: 'x' },
      { data: 5 },
      { message: 'ok' },
      { Data: data },
      [data],
    ]);
    return { status: 200, body: serialize(broken), note: `envelope ${describe(broken)}` };
  }
  return brokenAnswer(route, rng);
}

function brokenAnswer(route: Route, rng: Rng): Answer {
  const roll = rng.next();
  if (roll < 0.7) {
    const body = rng.pick(BROKEN_BODIES);
    return { status: 200, body, note: `body ${JSON.stringify(body).slice(0, 40)}` };
  }
  if (roll < 0.8) return { status: 204, body: '', note: '204 no content' };
  // No 5xx, 408 or 429 on GETs: the client retries those with backoff (faults.test.ts covers that), and this suite must stay fast.
  const status =
    route === 'redeem' || route === 'benefit-redeem' ? rng.pick([404, 422, 500, 503]) : rng.pick([400, 403, 404, 422]);
  const body = rng.pick([
    '',
    'Bad',
    serialize({ message: MARKUP }),
    serialize({ message: 42, errors: 'x' }),
    serialize({ message: 'Nope.', errors: { amount: [MARKUP] } }),
    // Laravel's field errors are lists of strings; a proxy or a new version may send anything.
    serialize({ message: 'Nope.', errors: { amount: [{ code: 1 }] } }),
    serialize({ message: 'Nope.', errors: { amount: [42, 'second'] } }),
    serialize({ message: 'Nope.', errors: { amount: 'not a list' } }),
    serialize({ message: '', errors: { amount: [null], other: [[]] } }),
  ]);
  return { status, body, note: `status ${status} ${body.slice(0, 30)}` };
}

function listAnswer(source: keyof typeof LISTS, page: number, rng: Rng): Answer {
  // Later pages reuse ids now and then: an item that moved between two page requests comes twice.
  const n = rng.int(5);
  const firstId = page === 1 || rng.chance(0.3) ? 100 : 100 + page * 10;
  const items = Array.from({ length: n }, (_, i) => LISTS[source](firstId + i, rng.chance(0.2) ? null : rng.int(60) - 5));
  const lastPage = rng.chance(0.8) ? 1 : 1 + rng.int(4);
  const body: Obj = {
    data: items,
    links: { first: '?page=1', last: `?page=${lastPage}`, prev: null, next: page < lastPage ? `?page=${page + 1}` : null },
    meta: { current_page: page, from: 1, last_page: lastPage, path: '/x', per_page: 15, to: n, total: n },
  };
  const textOf = (i: number) =>
    source === 'rewards' ? `Reward ${firstId + i}` : source === 'benefits' ? `Benefit ${firstId + i}` : `Order ${firstId + i}`;
  const all = items.map((_, i) => textOf(i));
  const single = lastPage === 1;
  const roll = rng.next();
  if (roll < 0.15) {
    return {
      status: 200,
      body: serialize(body),
      note: `valid, ${n} items, page ${page}/${lastPage}`,
      expect: single ? 'value' : undefined,
      shows: single ? all : undefined,
    };
  }
  if (roll < 0.3) {
    const notes = Array.from({ length: 1 + rng.int(4) }, () => mutate(body, rng, true));
    return {
      status: 200,
      body: serialize(body),
      note: `unknown fields: ${notes.join('; ')}`,
      expect: single ? 'value' : undefined,
      shows: single ? all : undefined,
    };
  }
  if (roll < 0.75 && n > 0) {
    const touched = new Set<number>();
    const notes = Array.from({ length: 1 + rng.int(3) }, () => {
      const i = rng.int(n);
      touched.add(i);
      return `data.${i}: ${mutate(items[i] as Obj, rng)}`;
    });
    const sound = touched.size < n && single;
    const untouched = all.filter((_, i) => !touched.has(i));
    return {
      status: 200,
      body: serialize(body),
      note: notes.join('; '),
      expect: sound ? 'not-error' : undefined,
      shows: sound ? untouched : undefined,
    };
  }
  if (roll < 0.9) {
    const broken = rng.pick<() => [string, Json]>([
      () => ['no data', { meta: body.meta }],
      () => ['data {}', { ...body, data: {} }],
      () => ['data null', { ...body, data: null }],
      () => ['data "x"', { ...body, data: 'x' }],
      () => ['data an item', { ...body, data: items[0] ?? {} }],
      () => ['meta []', { ...body, meta: [] }],
      () => ['meta "x"', { ...body, meta: 'x' }],
      () => {
        const field = rng.pick(['current_page', 'last_page', 'total']);
        const value = rng.pick<Json>(['2', 0, -1, 1.5, RAW('1e400'), 1e308, {}, true, 'NaN']);
        return [`meta.${field} = ${describe(value)}`, { ...body, meta: { ...(body.meta as Obj), [field]: value } }];
      },
      () => ['a bare array', items],
    ])();
    return { status: 200, body: serialize(broken[1]), note: `envelope: ${broken[0]}` };
  }
  return brokenAnswer(source, rng);
}

function tokenAnswer(rng: Rng): Answer {
  const roll = rng.next();
  // Most rounds get a token: without one every widget only says "signed out" or "error".
  if (roll < 0.55) return { status: 200, body: serialize(validToken()), note: 'valid', expect: 'value' };
  if (roll < 0.65) return { status: 200, body: serialize({ data: validToken() }), note: 'valid, in data', expect: 'value' };
  if (roll < 0.72) {
    const body = validToken();
    const note = mutate(body, rng, true);
    return { status: 200, body: serialize(body), note: `unknown field: ${note}`, expect: 'value' };
  }
  if (roll < 0.78) {
    // Claims the widgets may read: pid and exp (junk here must not matter: the API takes the token).
    const claims = rng.pick<Record<string, unknown>>([
      { pid: {}, exp: 'soon' },
      { pid: null, iat: 'x' },
      { exp: 1e308 },
      { pid: [1], exp: -1 },
      {},
    ]);
    return {
      status: 200,
      body: serialize({ token: jwtWith(claims) }),
      note: `claims ${JSON.stringify(claims)}`,
      expect: 'value',
    };
  }
  if (roll < 0.84)
    return rng.chance(0.5)
      ? { status: 204, body: '', note: '204: signed out' }
      : { status: 401, body: '{"message":"Unauthenticated."}', note: '401: signed out' };
  if (roll < 0.94) {
    const body = rng.pick<Json>([
      { token: 5 },
      { token: '' },
      { token: null },
      { token: {} },
      { token: ['a'] },
      { exp: 1767225600 },
      { data: null },
      { data: { token: 5 } },
      { token: 'abc', exp: 'soon' },
      { token: 'abc', exp: RAW('1e400') },
      { token: 'abc', exp: '1767225600' },
      { data: 'abc' },
    ]);
    return { status: 200, body: serialize(body), note: describe(body) };
  }
  const broken = rng.pick(['', 'not json', '<html>Login</html>', 'null', '[]', '"abc"']);
  return { status: rng.pick([200, 200, 403]), body: broken, note: `body ${JSON.stringify(broken)}` };
}

/**
 * What the fake Omneo answers in round `seed` to a request of `route` (and `page`): the same for
 * the same request, whatever came before.
 */
export function answerFor(seed: number, route: Route, page = 1): Answer {
  const rng = Rng.for(seed, `${route} ${page}`);
  switch (route) {
    case 'balances':
      return objectAnswer(route, validBalances(), rng, true);
    case 'tiers':
      return objectAnswer(route, validTiers(), rng, true);
    case 'redeem':
      return objectAnswer(route, validAmountRedemption(10), rng, true);
    case 'benefit-redeem':
      return objectAnswer(route, validBenefit(201, 10), rng, true);
    case 'token':
      return tokenAnswer(rng);
    default:
      return listAnswer(route, page, rng);
  }
}

/** Whether the round gives its token through `tokenProvider` (else the `token-url` endpoint). */
export const usesTokenProvider = (seed: number) => Rng.for(seed, 'token mode').chance(0.3);
