/**
 * Checks every answer against the shapes in omneo-id-api.md before a widget sees it, so a
 * malformed answer becomes a clear `invalid-response` error, never `NaN` or a wrong number.
 */
import { OmneoError } from './errors.js';
import type { Balances, Benefit, Page, Redemption, Reward } from './types.js';

type Obj = Record<string, unknown>;
/** Whether a field fits; `where` names it, for the fields that are objects of their own. */
type Check = (v: unknown, where?: string) => unknown;
type Shape = Record<string, Check>;

const isObj = (v: unknown): v is Obj => typeof v == 'object' && !!v && !Array.isArray(v);
// Number.isFinite is false for anything that is not a number: no coercion.
const num: Check = Number.isFinite as Check;
const str: Check = (v) => typeof v == 'string';
const bool: Check = (v) => typeof v == 'boolean';
const id: Check = (v) => num(v) || (str(v) && v !== '');
/** `YYYY-MM-DD HH:mm:ss` (UTC), or ISO 8601. */
const date: Check = (v) => str(v) && parseApiDate(v as string) >= 0;
const opt = (c: Check): Check => (v, where) => v == null || c(v, where);
/** A field that is an object of the given shape. */
const obj = (shape: Shape): Check => (v, where) => check(v, shape, where!);

/** Names what did not fit: `balances.point_balance`, `rewards.meta`. */
const fail = (what: string): never => {
  throw new OmneoError('invalid-response', `Unexpected answer from Omneo: ${what}.`);
};

/** Checks `o` has each field of `shape`, naming the first that does not fit. */
function check<T>(o: unknown, shape: Shape, where: string): T {
  if (!isObj(o)) fail(where);
  for (const k in shape) if (!shape[k]((o as Obj)[k], `${where}.${k}`)) fail(`${where}.${k}`);
  return o as T;
}

/** Unwraps Laravel's `{data: …}` envelope. */
const data = (body: unknown, where: string): unknown => (isObj(body) && 'data' in body ? body.data : fail(where));

/** Parses an API date-time (`2026-02-01 12:59:59`, UTC) to epoch milliseconds; NaN when it is not one. */
export function parseApiDate(s: string): number {
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+-]\d\d:?\d\d)?$/.exec(s);
  return m ? Date.parse(`${m[1]}T${m[2]}${m[3] ?? 'Z'}`) : NaN;
}

const BALANCES = {
  reward_balance: num,
  point_balance: num,
  point_balance_dollars: num,
  combined_balance_dollars: num,
  benefit_balance: opt(num),
  currency: opt((v) => str(v) && /^[A-Za-z]{3}$/.test(v as string)),
};

/** `GET /profiles/me/balances`: `{data: {…}}`. */
export const parseBalances = (body: unknown): Balances => check(data(body, 'balances'), BALANCES, 'balances');

const DEFINITION = obj({ name: str, image_url: opt(str), short_description: opt(str) });

// `definition` last: the item's own fields are checked first.
const ITEMS: Record<string, Shape> = {
  rewards: { id, value_remaining: num, expires_at: opt(date), is_active: opt(bool), is_expired: opt(bool), definition: DEFINITION },
  benefits: {
    id,
    expires_at: opt(date),
    is_redeemable: opt(bool),
    redemptions_remaining: opt(num),
    redeem_code_online: opt(str),
    redeem_code_pos: opt(str),
    definition: DEFINITION,
  },
};

/**
 * A page of rewards or benefits, in Laravel's pagination envelope:
 * `{data: [...], meta: {current_page, last_page, total}}`.
 */
export function parsePage(body: unknown, source: 'rewards' | 'benefits'): Page<Reward | Benefit> {
  const list = data(body, source);
  if (!Array.isArray(list)) fail(`${source}.data`);
  const meta = check<{ current_page?: number; last_page?: number; total?: number }>(
    (body as Obj).meta ?? {},
    { current_page: opt(num), last_page: opt(num), total: opt(num) },
    `${source}.meta`,
  );
  const items = (list as unknown[]).map((o) => check<Reward | Benefit>(o, ITEMS[source], source));
  const page = meta.current_page ?? 1;
  return { items, page, lastPage: meta.last_page ?? page, total: meta.total ?? items.length };
}

/** The token endpoint's answer: `{token, exp?}` or Omneo's own `{data: {token, exp}}`. */
export function parseToken(body: unknown): { token: string; exp?: number } {
  const t = isObj(body) && isObj(body.data) ? body.data : body;
  return check(t, { token: (v) => str(v) && v !== '', exp: opt(num) }, 'token');
}

/**
 * A redeem's answer, `{data: …}`: for an amount `{id, total, balances?}`, for a benefit the
 * redeemed benefit, with its codes where the API gives them.
 */
export const parseRedemption = (body: unknown, benefit: boolean): Redemption =>
  check(
    data(body, 'redemption'),
    benefit
      ? { id: opt(id), redeem_code_online: opt(str), redeem_code_pos: opt(str) }
      : { id, balances: opt(obj({ ...BALANCES, point_balance: opt(num), point_balance_dollars: opt(num), reward_balance: opt(num) })) },
    'redemption',
  );

/** Whether a reward can still be spent, or a benefit still redeemed, at `now` (ms). */
export function isActive(i: Reward | Benefit, now: number) {
  if ('value_remaining' in i) {
    if (i.is_active === false || i.is_expired === true || i.value_remaining <= 0) return false;
  } else if (i.is_redeemable === false || i.redemptions_remaining === 0) return false;
  return !i.expires_at || parseApiDate(i.expires_at) > now;
}
