// @ts-check
/**
 * The mock Omneo's rules, in plain JavaScript with no Node imports, so the Node mock
 * (`omneo-mock.js`) and the in-browser one for Storybook (`stories/msw-handlers.ts`) answer
 * alike: Laravel's pagination envelope, and redeem by amount and by benefit with the API's
 * 422 messages. Each redeem changes `state` and returns `[status, body]`.
 */
import { computeBalances, formatUtc, syncProfileBalances, toCents } from './seed.js';

/** @typedef {Record<string, any>} Json */
/** @typedef {import('./seed.js').SeedState} SeedState */

/** Compare two field values; nulls sort last. @param {any} a @param {any} b */
export function compareValues(a, b) {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Soonest expiry first, no expiry last, then by id. @param {Json} a @param {Json} b */
export const byExpiry = (a, b) => compareValues(a.expires_at, b.expires_at) || a.id - b.id;

/**
 * The Laravel pagination envelope over `items`: `page[size]` (default 15,
 * at most 100) and `page[number]` (default 1); links are absolute and keep
 * the other query parameters.
 * @param {Json[]} items @param {URL} url the request URL (absolute, public)
 */
export function paginate(items, url) {
  const sizeParam = Number.parseInt(url.searchParams.get('page[size]') ?? '', 10);
  const numberParam = Number.parseInt(url.searchParams.get('page[number]') ?? '', 10);
  const perPage = Number.isFinite(sizeParam) && sizeParam > 0 ? Math.min(sizeParam, 100) : 15;
  const page = Number.isFinite(numberParam) && numberParam > 0 ? numberParam : 1;
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const start = (page - 1) * perPage;
  const data = items.slice(start, start + perPage);
  const path = `${url.origin}${url.pathname}`;
  const link = (/** @type {number} */ n) => {
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

/** @param {Record<string, string[]>} errors @returns {[number, Json]} */
const invalid = (errors) => [422, { message: 'The given data was invalid.', errors }];

/**
 * `POST /profiles/me/benefits/{id}/redeem`.
 * @param {SeedState} state @param {string} id @param {number} now @returns {[number, Json]}
 */
export function redeemBenefit(state, id, now) {
  const b = state.benefits.find((it) => String(it.id) === id);
  if (!b) return [404, { message: 'Not found.' }];
  if (b.is_expired) return [422, { message: 'This benefit has expired.' }];
  if (!(b.redemptions_remaining > 0)) return [422, { message: 'This benefit has no redemptions remaining.' }];
  if (!b.is_redeemable) return [422, { message: 'This benefit cannot be redeemed online.' }];
  const at = formatUtc(now);
  b.redemptions_remaining -= 1;
  if (b.redemptions_remaining === 0) b.is_redeemable = false;
  b.last_redeemed_at = at;
  b.updated_at = at;
  syncProfileBalances(state);
  return [200, { data: b }];
}

/**
 * `POST /profiles/me/redeem {"amount": n}`. Spends rewards first (soonest
 * expiry first), then points (soonest-expiring lots first).
 * @param {SeedState} state @param {unknown} body @param {number} now @returns {[number, Json]}
 */
export function redeemAmount(state, body, now) {
  const raw = body && typeof body === 'object' ? /** @type {Json} */ (body).amount : undefined;
  if (raw === undefined || raw === null || raw === '') return invalid({ amount: ['The amount field is required.'] });
  // Laravel's `numeric` rule also accepts numeric strings.
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
  const at = formatUtc(now);
  for (const r of state.rewards.filter((x) => x.is_active && !x.is_expired && x.value_remaining > 0).sort(byExpiry)) {
    if (cents === 0) break;
    const have = toCents(r.value_remaining);
    const take = Math.min(have, cents);
    r.value_remaining = (have - take) / 100;
    if (r.value_remaining === 0) r.is_active = false;
    r.updated_at = at;
    cents -= take;
  }
  if (cents > 0) {
    const centsPerPoint = state.pointsToDollarsRate * 100;
    let points = Math.ceil(cents / centsPerPoint - 1e-9);
    for (const lot of state.points.filter((p) => !p.is_expired && p.value_remaining > 0).sort(byExpiry)) {
      if (points === 0) break;
      const take = Math.min(lot.value_remaining, points);
      lot.value_remaining -= take;
      lot.updated_at = at;
      points -= take;
    }
  }
  syncProfileBalances(state);
  const { currency, ...balances } = computeBalances(state);
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
  return [200, { data: redemption }];
}
