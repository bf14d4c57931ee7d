/**
 * Checks every answer against the shapes in omneo-id-api.md before a widget sees it. A field the
 * widgets read must have the type the API page gives it; fields they do not read are ignored.
 *
 * - An answer whose envelope is wrong (no `data`, no list, unusable pagination) is an
 *   `invalid-response` error.
 * - In a list, an item that does not fit is left out, and named once in a `console.warn`; the
 *   others are shown. A page whose items all fail is an error, not an empty list.
 */
import { OmneoError, isAbort } from './errors.js';
import type { Balances, ListItems, ListSource, Page, Redemption, TierProgress } from './types.js';

type Obj = Record<string, unknown>;

/** Whether a value fits. An object's check also knows its shape, to name the field at fault. */
interface Check {
  (value: unknown): boolean;
  shape?: Shape;
}
type Shape = Record<string, Check>;

/** A JSON object: not `null`, not an array. */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// Number.isFinite is false for anything that is not a number (no coercion), NaN and Infinity.
const num: Check = (v) => Number.isFinite(v);
const str: Check = (v) => typeof v === 'string';
const bool: Check = (v) => typeof v === 'boolean';
const id: Check = (v) => num(v) || (typeof v === 'string' && v !== '');
/** `YYYY-MM-DD HH:mm:ss` (UTC), or an ISO 8601 date and time; a date alone is not one. */
const date: Check = (v) => typeof v === 'string' && !Number.isNaN(parseApiDate(v));
const currency: Check = (v) => typeof v === 'string' && /^[A-Za-z]{3}$/.test(v);

/** The field may be missing or `null`; when present it must fit `check`. */
function optional(check: Check): Check {
  const optionalCheck: Check = (v) => v === undefined || v === null || check(v);
  optionalCheck.shape = check.shape;
  return optionalCheck;
}

/** A field that is an object of the given shape. */
function object(shape: Shape): Check {
  const objectCheck: Check = (v) => faultIn(v, shape) === undefined;
  objectCheck.shape = shape;
  return objectCheck;
}

/** The name of the first field of `value` that does not fit `shape` (`definition.name`), if any. */
function faultIn(value: unknown, shape: Shape): string | undefined {
  if (!isObj(value)) return '(not an object)';
  for (const [key, check] of Object.entries(shape)) {
    const field = value[key];
    if (check(field)) continue;
    const inner = check.shape && isObj(field) ? faultIn(field, check.shape) : undefined;
    return inner ? `${key}.${inner}` : key;
  }
  return undefined;
}

function invalid(what: string): never {
  throw new OmneoError('invalid-response', `Unexpected answer from Omneo: ${what}.`);
}

/** `value` if it fits `shape`; otherwise an `invalid-response` error naming the field. */
function checked<T>(value: unknown, shape: Shape, where: string): T {
  const fault = faultIn(value, shape);
  if (fault) invalid(`${where}.${fault}`);
  return value as T;
}

/** The JSON body of an answer, or an `invalid-response` error saying that `sender` sent something else. */
export async function jsonOf(response: Response, sender: string): Promise<unknown> {
  try {
    return await response.json();
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new OmneoError('invalid-response', `${sender} sent an answer that is not JSON.`, { status: response.status, cause: e });
  }
}

/** Unwraps Laravel's `{data: …}` envelope. */
function dataOf(body: unknown, where: string): unknown {
  if (!isObj(body) || !('data' in body)) invalid(`${where} (no data)`);
  return body.data;
}

/** Parses an API date-time (`2026-02-01 12:59:59`, UTC) to epoch milliseconds; NaN when it is not one. */
export function parseApiDate(s: string): number {
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+-]\d\d:?\d\d)?$/.exec(s);
  return m ? Date.parse(`${m[1]}T${m[2]}${m[3] ?? 'Z'}`) : NaN;
}

/** When an item expires (epoch ms), or `Infinity` when it never does. */
export function expiryOf(item: { expires_at?: string | null }): number {
  return item.expires_at ? parseApiDate(item.expires_at) : Infinity;
}

const BALANCES: Shape = {
  reward_balance: num,
  point_balance: num,
  point_balance_dollars: num,
  combined_balance_dollars: num,
  benefit_balance: optional(num),
  currency: optional(currency),
};

/** `GET /profiles/me/balances`: `{data: {…}}`. */
export function parseBalances(body: unknown): Balances {
  return checked(dataOf(body, 'balances'), BALANCES, 'balances');
}

const DEFINITION = object({ name: str, image_url: optional(str), short_description: optional(str) });

/** What each list's items must hold: only the fields the list reads. */
const ITEMS: Record<ListSource, Shape> = {
  rewards: {
    id,
    value_remaining: num,
    expires_at: optional(date),
    is_active: optional(bool),
    is_expired: optional(bool),
    definition: DEFINITION,
  },
  benefits: {
    id,
    expires_at: optional(date),
    is_redeemable: optional(bool),
    redemptions_remaining: optional(num),
    redeem_code_online: optional(str),
    redeem_code_pos: optional(str),
    definition: DEFINITION,
  },
  points: {
    id,
    value_remaining: num,
    value_initial: optional(num),
    expires_at: optional(date),
    description: optional(str),
    definition: optional(object({ name: optional(str) })),
  },
};

const PAGINATION: Shape = {
  current_page: optional(positiveInteger),
  last_page: optional(positiveInteger),
  total: optional((v) => Number.isSafeInteger(v) && (v as number) >= 0),
};

function positiveInteger(v: unknown) {
  return Number.isSafeInteger(v) && (v as number) >= 1;
}

/** Items already reported, so that a list refetched every minute does not repeat its warnings. */
const reported = new Set<string>();

function warnLeftOut(source: ListSource, item: unknown, fault: string) {
  const itemId = isObj(item) && id(item.id) ? String(item.id) : '(no id)';
  const key = `${source} ${itemId} ${fault}`;
  if (reported.has(key)) return;
  reported.add(key);
  console.warn(`Omneo widgets: ${source} item ${itemId} was left out: its ${fault} is not what the API describes.`);
}

/**
 * A page of a list in Laravel's pagination envelope, `{data: [...], meta: {current_page,
 * last_page, total}}`, with only the items that fit their source's shape.
 */
export function parsePage<S extends ListSource>(body: unknown, source: S): Page<ListItems[S]> {
  const list = dataOf(body, source);
  if (!Array.isArray(list)) invalid(`${source}.data (not a list)`);
  const meta = checked<{ current_page?: number; last_page?: number; total?: number }>(
    isObj(body) && body.meta != null ? body.meta : {},
    PAGINATION,
    `${source}.meta`,
  );
  const items: ListItems[S][] = [];
  for (const item of list) {
    const fault = faultIn(item, ITEMS[source]);
    if (fault) warnLeftOut(source, item, fault);
    else items.push(item as ListItems[S]);
  }
  if (list.length > 0 && items.length === 0) invalid(`every item of ${source} is malformed`);
  const page = meta.current_page ?? 1;
  return { items, page, lastPage: Math.max(meta.last_page ?? page, page), total: meta.total ?? items.length };
}

/** Whether a list's item is still usable at `now` (ms): a reward to spend, a benefit to redeem, points to use. */
export function isActive<S extends ListSource>(source: S, item: ListItems[S], now: number): boolean {
  if (expiryOf(item) <= now) return false;
  switch (source) {
    case 'rewards': {
      const reward = item as ListItems['rewards'];
      return reward.is_active !== false && reward.is_expired !== true && reward.value_remaining > 0;
    }
    case 'benefits': {
      const benefit = item as ListItems['benefits'];
      return benefit.is_redeemable !== false && benefit.redemptions_remaining !== 0;
    }
    default:
      return (item as ListItems['points']).value_remaining > 0;
  }
}

const TIER = object({
  name: optional(str),
  value_min: optional(num),
  value_maintain: optional(num),
  image_url: optional(str),
  description: optional(str),
  short_description: optional(str),
});

const TIERS: Shape = {
  current_tier: optional(TIER),
  next_tier: optional(TIER),
  current_credit: optional(num),
  next_remain: optional(num),
  current_remain: optional(num),
  anniversary_at: optional(date),
};

/** `GET /profiles/me/tiers`: `{data: {current_tier, next_tier, …}}`; missing tiers become `null`. */
export function parseTiers(body: unknown): TierProgress {
  const tiers = checked<TierProgress>(dataOf(body, 'tiers'), TIERS, 'tiers');
  return { ...tiers, current_tier: tiers.current_tier ?? null, next_tier: tiers.next_tier ?? null };
}

/** The token endpoint's answer: `{token, exp?}` or Omneo's own `{data: {token, exp}}`. */
export function parseToken(body: unknown): { token: string; exp?: number } {
  const answer = isObj(body) && isObj(body.data) ? body.data : body;
  return checked(answer, { token: (v) => typeof v === 'string' && v !== '', exp: optional(num) }, 'token');
}

const REDEEMED_BALANCES = object({
  ...BALANCES,
  point_balance: optional(num),
  point_balance_dollars: optional(num),
  reward_balance: optional(num),
});

/** What an amount's redemption must hold, where it holds it: `{id, total, balances}`. */
const AMOUNT_REDEMPTION: Shape = { id, total: num, balances: REDEEMED_BALANCES };

/**
 * A redeem's answer, `{data: …}`: for an amount `{id, total, balances}`, for a benefit the
 * redeemed benefit, with its codes where the API gives them (omneo-id-api.md does not describe
 * this answer). The API did the redeem (a 2xx in JSON): a field that does not fit is left out,
 * never held against the redeem, and an answer with no `data` (a 204, `{}`) is an empty one.
 */
export function parseRedemption(body: unknown, benefit: boolean): Redemption {
  const data = isObj(body) && isObj(body.data) ? body.data : {};
  const shape = benefit ? ITEMS.benefits : AMOUNT_REDEMPTION;
  // `Object.hasOwn`: a field named `toString` or `__proto__` is not checked by what `shape` inherits.
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => !Object.hasOwn(shape, key) || shape[key](value)));
}
