// @ts-check
/**
 * Demo data for the mock Omneo ID API: one shopper ("Ava") with rewards,
 * benefits, point lots and tier progress.
 *
 * Every date is computed relative to `now`, so the demo never goes stale:
 * "expires in 3 days" stays true whenever the seed is created. Date-times are
 * "YYYY-MM-DD HH:mm:ss" strings in UTC, with `*_local_at` companions in the
 * profile's timezone, as the ID API sends them.
 *
 * The numbers (with the default seed):
 *   rewards      9 (ids 101-109), 6 of them active, reward_balance $45.00
 *   points       1234 (4 live lots, 1 expired, 1 used up), rate $0.01 → $12.34
 *   tier         Gold, 460 points to Platinum (other members: `createSeed(now, {member})`)
 *   combined     $57.34
 *   benefits     5 (ids 201-205), 3 redeemable → benefit_balance 3
 */

/** @typedef {Record<string, any>} Json */

/**
 * @typedef {object} SeedState
 * @property {Json} profile
 * @property {Json[]} rewards
 * @property {Json[]} benefits
 * @property {Json[]} points         point lots
 * @property {Json | null} tiers     the `data` of GET /profiles/me/tiers; null: no tier (the API answers 404)
 * @property {{handle: string, identifier: string}[]} identities  external ids of the profile
 * @property {number} pointsToDollarsRate  dollars per point
 * @property {string} currency
 * @property {Json[]} redemptions    amount redemptions made so far (newest last)
 * @property {number} nextRedemptionId
 */

/**
 * @typedef {object} Balances
 * @property {number} reward_balance          dollars
 * @property {number} point_balance           points
 * @property {number} point_balance_dollars   dollars
 * @property {number} benefit_balance         number of benefits that can be redeemed now
 * @property {number} combined_balance_dollars dollars
 * @property {string} currency
 */

export const DEMO_PROFILE_ID = '9dc2b6f4-5a1e-4c8b-9f2d-6a7e1b0c4d55';
export const DEMO_EMAIL = 'ava.thompson@example.com';
export const DEMO_EXTERNAL_ID = { handle: 'shopify', identifier: 'shopify-1001' };

/**
 * Shopify stores (omneo-id-api.md, "Shopify stores"). The demo shop's secret, as Omneo keeps it in
 * the shop metafield `omneo.id_secret`: a theme signs a customer's id with it (Liquid's
 * `hmac_sha256`, lowercase hex) and the mock's `POST /shopify/api/v1/auth/token` checks that signature.
 */
export const DEMO_SHOP_SECRET = 'demo-shop-secret-8f3a1c';
/** The Shopify customer whose Omneo profile is the demo shopper (an identity with handle `shopify`). */
export const DEMO_SHOPIFY_CUSTOMER_ID = '7208317501502';
/** A Shopify customer with no Omneo profile: a good signature still answers 404. */
export const DEMO_SHOPIFY_STRANGER_ID = '7208317509999';
export const DEMO_TIMEZONE = 'Australia/Melbourne';
export const POINTS_TO_DOLLARS_RATE = 0.01;

/** Where the seed's images live. The mock serves them itself (see `placeholderImage`), so the demo works offline. */
export const IMAGE_BASE = 'https://cdn.example.com/omneo-demo';
const CDN = IMAGE_BASE;

/**
 * The picture for an image of the seed: a gift on a tile coloured after its name, as SVG.
 * @param {string} path e.g. "/rewards/birthday.png"
 */
export function placeholderImage(path) {
  const name =
    path
      .split('/')
      .pop()
      ?.replace(/\.\w+$/, '') ?? '';
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 0);
  const ink = `hsl(${hue} 40% 28%)`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" rx="18" fill="hsl(${hue} 50% 82%)"/>` +
    `<g fill="none" stroke="${ink}" stroke-width="4" stroke-linejoin="round"><path d="M28 46h40v28H28zM24 34h48v12H24zM48 34v40"/>` +
    `<path d="M48 34c-3-9-15-12-15-5s9 5 15 5c6 0 15 2 15-5s-12-4-15 5z"/></g></svg>`
  );
}
const DAY = 86_400_000;

// ---------------------------------------------------------------------------
// Dates

/** @param {number} ms @returns {string} "YYYY-MM-DD HH:mm:ss" in UTC */
export function formatUtc(ms) {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** @param {string} s "YYYY-MM-DD HH:mm:ss" in UTC @returns {number} epoch ms */
export function parseUtc(s) {
  return Date.parse(s.replace(' ', 'T') + 'Z');
}

/** @type {Map<string, Intl.DateTimeFormat>} */
const formatters = new Map();

/** Wall-clock parts of an instant in a timezone. @param {number} ms @param {string} timeZone */
function wallParts(ms, timeZone) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  /** @type {Record<string, number>} */
  const p = {};
  for (const { type, value } of f.formatToParts(ms)) if (type !== 'literal') p[type] = Number(value);
  return p;
}

/** The wall clock of an instant in `timeZone`, read as if it were UTC (epoch ms). */
function wallAsUtc(/** @type {number} */ ms, /** @type {string} */ timeZone) {
  const p = wallParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** @param {number} ms @param {string} timeZone @returns {string} "YYYY-MM-DD HH:mm:ss" in timeZone */
export function formatLocal(ms, timeZone) {
  return formatUtc(wallAsUtc(ms, timeZone));
}

/** @param {string | null} utc @param {string} timeZone */
export function toLocal(utc, timeZone) {
  return utc == null ? null : formatLocal(parseUtc(utc), timeZone);
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time on
 * the local day of `ms` (handles DST by correcting the offset twice).
 */
function atLocalTime(/** @type {number} */ ms, /** @type {string} */ timeZone, /** @type {number[]} */ [h, m, s]) {
  const p = wallParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, h, m, s);
  let utc = wall - (wallAsUtc(ms, timeZone) - ms);
  utc = wall - (wallAsUtc(utc, timeZone) - utc);
  return utc;
}

/** End (23:59:59) of the local day `days` from now, in UTC "YYYY-MM-DD HH:mm:ss". */
function endOfLocalDay(/** @type {number} */ now, /** @type {number} */ days, tz = DEMO_TIMEZONE) {
  return formatUtc(atLocalTime(now + days * DAY, tz, [23, 59, 59]));
}

/** Start (00:00:00) of the local day `days` from now (negative: in the past). */
function startOfLocalDay(/** @type {number} */ now, /** @type {number} */ days, tz = DEMO_TIMEZONE) {
  return formatUtc(atLocalTime(now + days * DAY, tz, [0, 0, 0]));
}

// ---------------------------------------------------------------------------
// Money

/** Round to cents. @param {number} n */
export function roundMoney(n) {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/** @param {number} n @returns {number} whole cents */
export function toCents(n) {
  return Math.round((n + Number.EPSILON) * 100);
}

// ---------------------------------------------------------------------------
// Builders

/**
 * Fill `*_local_at` companions for every `*_at` date field that has one in
 * the API (issued_at, expires_at), in place.
 * @param {Json} item @param {string} tz
 */
function withLocal(item, tz) {
  item.issued_local_at = toLocal(item.issued_at, tz);
  item.expires_local_at = toLocal(item.expires_at, tz);
  return item;
}

/**
 * @param {object} o
 * @param {number} o.id
 * @param {Json} o.definition
 * @param {number} o.value_initial
 * @param {number} o.value_remaining
 * @param {string} o.issued_at
 * @param {string | null} o.expires_at
 * @param {boolean} [o.is_expired]
 * @param {boolean} [o.is_active]
 * @param {string | null} [o.updated_at]
 */
function reward(o) {
  const tz = DEMO_TIMEZONE;
  return withLocal(
    {
      id: o.id,
      profile_id: DEMO_PROFILE_ID,
      timezone: tz,
      value_initial: o.value_initial,
      value_remaining: o.value_remaining,
      issued_at: o.issued_at,
      expires_at: o.expires_at,
      issued_local_at: null,
      expires_local_at: null,
      is_expired: o.is_expired ?? false,
      is_active: o.is_active ?? true,
      extended_at: null,
      meta: null,
      definition: o.definition,
      created_at: o.issued_at,
      updated_at: o.updated_at ?? o.issued_at,
    },
    tz,
  );
}

/**
 * @param {number} id @param {string} name @param {string} handle @param {string} type
 * @param {number} value @param {string} short_description
 * @param {{image?: boolean, icon?: string | null}} [opts]
 */
function rewardDefinition(id, name, handle, type, value, short_description, opts = {}) {
  return {
    id,
    name,
    handle,
    type,
    value,
    short_description,
    icon: opts.icon ?? null,
    image_url: opts.image === false ? null : `${CDN}/rewards/${handle}.png`,
    terms_conditions:
      'Valid online and in participating Harbour & Co. stores until the expiry date. ' +
      'Can be combined with other rewards. Not redeemable for cash. No change given.',
  };
}

/** The demo profile (balances are filled in live by the mock). @param {number} now */
function buildProfile(now) {
  const created = startOfLocalDay(now, -640);
  return {
    id: DEMO_PROFILE_ID,
    first_name: 'Ava',
    last_name: 'Thompson',
    full_name: 'Ava Thompson',
    email: DEMO_EMAIL,
    mobile_phone: '+61400123456',
    birth_date: '1991-03-14',
    timezone: DEMO_TIMEZONE,
    currency: 'AUD',
    tier_handle: 'gold',
    tier: { id: 2, name: 'Gold', handle: 'gold' },
    is_member: true,
    join_date: created.slice(0, 10),
    reward_balance: 0,
    point_balance: 0,
    point_balance_dollars: 0,
    benefit_balance: 0,
    combined_balance_dollars: 0,
    identities: [
      { handle: DEMO_EXTERNAL_ID.handle, identifier: DEMO_EXTERNAL_ID.identifier },
      { handle: 'shopify', identifier: DEMO_SHOPIFY_CUSTOMER_ID },
    ],
    created_at: created,
    updated_at: formatUtc(now - 2 * DAY),
  };
}

/**
 * The nine demo rewards. Ids are deliberately not in expiry order, so a list
 * widget has to sort them itself. Active ones by expiry, soonest first:
 * 104 (3 days), 107 (10 days), 101 (20 days), 109 (45 days), 105 (90 days),
 * 103 (no expiry).
 * @param {number} now
 */
function buildRewards(now) {
  return [
    reward({
      id: 101,
      value_initial: 5,
      value_remaining: 5,
      issued_at: startOfLocalDay(now, -10),
      expires_at: endOfLocalDay(now, 20),
      definition: rewardDefinition(11, 'Welcome $5', 'welcome', 'welcome', 5, 'Thanks for joining Harbour & Co.', {
        icon: 'gift',
      }),
    }),
    reward({
      // used up: nothing left, no longer active
      id: 102,
      value_initial: 10,
      value_remaining: 0,
      is_active: false,
      issued_at: startOfLocalDay(now, -60),
      expires_at: endOfLocalDay(now, 30),
      updated_at: formatUtc(now - 12 * DAY),
      definition: rewardDefinition(
        12,
        'First Purchase $10',
        'first-purchase',
        'campaign',
        10,
        'A thank-you for your first order',
        { image: false },
      ),
    }),
    reward({
      // no expiry at all
      id: 103,
      value_initial: 2.5,
      value_remaining: 2.5,
      issued_at: startOfLocalDay(now, -5),
      expires_at: null,
      definition: rewardDefinition(
        13,
        'Product Review $2.50',
        'product-review',
        'review',
        2.5,
        'For reviewing your Linen Shirt',
        { image: false, icon: 'star' },
      ),
    }),
    reward({
      // expiring soon
      id: 104,
      value_initial: 10,
      value_remaining: 10,
      issued_at: startOfLocalDay(now, -27),
      expires_at: endOfLocalDay(now, 3),
      definition: rewardDefinition(3, 'Birthday $10', 'birthday', 'birthday', 10, 'A gift for your birthday', { icon: 'cake' }),
    }),
    reward({
      id: 105,
      value_initial: 15,
      value_remaining: 15,
      issued_at: startOfLocalDay(now, -2),
      expires_at: endOfLocalDay(now, 90),
      definition: rewardDefinition(15, 'Anniversary $15', 'anniversary', 'anniversary', 15, 'Two years with Harbour & Co.'),
    }),
    reward({
      // already expired, never used
      id: 106,
      value_initial: 10,
      value_remaining: 10,
      is_expired: true,
      is_active: false,
      issued_at: startOfLocalDay(now, -95),
      expires_at: endOfLocalDay(now, -5),
      definition: rewardDefinition(16, 'Winter Sale $10', 'winter-sale', 'campaign', 10, 'Our winter thank-you'),
    }),
    reward({
      // also within the default 14-day "expiring soon" window
      id: 107,
      value_initial: 5,
      value_remaining: 5,
      issued_at: startOfLocalDay(now, -20),
      expires_at: endOfLocalDay(now, 10),
      definition: rewardDefinition(17, 'Spring Bonus $5', 'spring-bonus', 'campaign', 5, 'Double the fun this spring', {
        image: false,
      }),
    }),
    reward({
      // expired long ago, partly used
      id: 108,
      value_initial: 25,
      value_remaining: 12.5,
      is_expired: true,
      is_active: false,
      issued_at: startOfLocalDay(now, -400),
      expires_at: endOfLocalDay(now, -310),
      updated_at: formatUtc(now - 330 * DAY),
      definition: rewardDefinition(18, 'Gold Welcome $25', 'gold-welcome', 'tier', 25, 'Welcome to Gold'),
    }),
    reward({
      // partly used, still active
      id: 109,
      value_initial: 20,
      value_remaining: 7.5,
      issued_at: startOfLocalDay(now, -40),
      expires_at: endOfLocalDay(now, 45),
      updated_at: formatUtc(now - 8 * DAY),
      definition: rewardDefinition(19, 'Loyalty $20', 'loyalty', 'loyalty', 20, 'For reaching 2,000 points', { icon: 'anchor' }),
    }),
  ];
}

/**
 * @param {object} o
 * @param {number} o.id
 * @param {Json} o.definition
 * @param {boolean} o.is_redeemable
 * @param {number} o.redemptions_remaining
 * @param {number} o.redemptions_initial
 * @param {string} o.issued_at
 * @param {string | null} o.expires_at
 * @param {string | null} [o.redeem_code_online]
 * @param {string | null} [o.redeem_code_pos]
 * @param {boolean} [o.is_expired]
 * @param {string | null} [o.last_redeemed_at]
 */
function benefit(o) {
  const tz = DEMO_TIMEZONE;
  return withLocal(
    {
      id: o.id,
      profile_id: DEMO_PROFILE_ID,
      timezone: tz,
      is_redeemable: o.is_redeemable,
      is_expired: o.is_expired ?? false,
      redemptions_initial: o.redemptions_initial,
      redemptions_remaining: o.redemptions_remaining,
      issued_at: o.issued_at,
      expires_at: o.expires_at,
      issued_local_at: null,
      expires_local_at: null,
      last_redeemed_at: o.last_redeemed_at ?? null,
      redeem_code_online: o.redeem_code_online ?? null,
      redeem_code_pos: o.redeem_code_pos ?? null,
      meta: null,
      definition: o.definition,
      created_at: o.issued_at,
      updated_at: o.last_redeemed_at ?? o.issued_at,
    },
    tz,
  );
}

/**
 * @param {number} id @param {string} name @param {string} handle @param {'perk' | 'voucher'} type
 * @param {string} short_description @param {string | null} redeem_instructions_online
 * @param {{image?: boolean, icon?: string | null}} [opts]
 */
function benefitDefinition(id, name, handle, type, short_description, redeem_instructions_online, opts = {}) {
  return {
    id,
    name,
    handle,
    type,
    short_description,
    redeem_instructions_online,
    redeem_instructions_pos: 'Show this benefit to our team at the register.',
    icon: opts.icon ?? null,
    image_url: opts.image === false ? null : `${CDN}/benefits/${handle}.png`,
    terms_conditions:
      'One use per redemption. Cannot be exchanged for cash. Harbour & Co. may change or end this benefit at any time.',
  };
}

/**
 * The five demo benefits:
 *   201 Free Express Shipping — redeemable once, has online + POS codes
 *   202 Free Coffee at Harbour Café — redeemable 3 times, no codes
 *   203 15% Off Full-Price — redeemable once, online code only, expires in 5 days
 *   204 Members' Night Invitation — not redeemable online (in store only)
 *   205 Double Points Weekend — expired 2 days ago
 * @param {number} now
 */
function buildBenefits(now) {
  return [
    benefit({
      id: 201,
      is_redeemable: true,
      redemptions_initial: 1,
      redemptions_remaining: 1,
      issued_at: startOfLocalDay(now, -15),
      expires_at: endOfLocalDay(now, 30),
      redeem_code_online: 'SHIPFREE-7QK2M',
      redeem_code_pos: '9900123456781',
      definition: benefitDefinition(
        21,
        'Free Express Shipping',
        'free-express-shipping',
        'voucher',
        'Express shipping on us, on any order',
        'Enter the code at checkout.',
        { icon: 'truck' },
      ),
    }),
    benefit({
      id: 202,
      is_redeemable: true,
      redemptions_initial: 4,
      redemptions_remaining: 3,
      issued_at: startOfLocalDay(now, -30),
      expires_at: endOfLocalDay(now, 60),
      last_redeemed_at: formatUtc(now - 6 * DAY),
      definition: benefitDefinition(
        22,
        'Free Coffee at Harbour Café',
        'free-coffee',
        'perk',
        'A coffee on us every time you visit',
        null,
        { image: false, icon: 'coffee' },
      ),
    }),
    benefit({
      id: 203,
      is_redeemable: true,
      redemptions_initial: 1,
      redemptions_remaining: 1,
      issued_at: startOfLocalDay(now, -9),
      expires_at: endOfLocalDay(now, 5),
      redeem_code_online: 'GOLD15-AVA3',
      definition: benefitDefinition(
        23,
        '15% Off Full-Price',
        'fifteen-off',
        'voucher',
        '15% off one full-price order',
        'Enter the code at checkout. Excludes sale items.',
      ),
    }),
    benefit({
      // not redeemable online: redeemed by staff at the event
      id: 204,
      is_redeemable: false,
      redemptions_initial: 1,
      redemptions_remaining: 1,
      issued_at: startOfLocalDay(now, -3),
      expires_at: endOfLocalDay(now, 21),
      definition: benefitDefinition(
        24,
        "Members' Night Invitation",
        'members-night',
        'perk',
        'Late-night shopping, drinks and 20% off for Gold members',
        null,
        { icon: 'ticket' },
      ),
    }),
    benefit({
      id: 205,
      is_redeemable: false,
      is_expired: true,
      redemptions_initial: 1,
      redemptions_remaining: 1,
      issued_at: startOfLocalDay(now, -16),
      expires_at: endOfLocalDay(now, -2),
      redeem_code_online: 'DOUBLEPTS-X9',
      definition: benefitDefinition(
        25,
        'Double Points Weekend',
        'double-points',
        'voucher',
        'Earn double points on every purchase this weekend',
        'Enter the code at checkout.',
        { image: false },
      ),
    }),
  ];
}

/**
 * Point lots, one of each kind a points list meets: 400 + 484 + 200 + 150 live = 1234 points.
 * By expiry: 305 expires soon (5 days), 301 later (165 days), 302 later still (320 days), 303 never
 * (and has no definition: its description names it); 304 has expired, 306 is used up.
 * @param {number} now
 */
function buildPoints(now) {
  const tz = DEMO_TIMEZONE;
  /**
   * @param {number} id @param {number} initial @param {number} remaining @param {number} issuedDays
   * @param {number | null} expiresDays null: never expires
   * @param {string | null} name the definition's name; null: no definition @param {string} handle
   * @param {string | null} [description]
   */
  const lot = (id, initial, remaining, issuedDays, expiresDays, name, handle, description = null) =>
    withLocal(
      {
        id,
        profile_id: DEMO_PROFILE_ID,
        linked_profile_id: null,
        timezone: tz,
        value_initial: initial,
        value_remaining: remaining,
        issued_at: startOfLocalDay(now, issuedDays),
        expires_at: expiresDays === null ? null : endOfLocalDay(now, expiresDays),
        issued_local_at: null,
        expires_local_at: null,
        is_expired: expiresDays !== null && expiresDays < 0,
        definition:
          name === null
            ? null
            : { id: 30 + (id % 10), name, handle, type: handle, short_description: null, icon: null, image_url: null },
        source_type: handle,
        rate: 1,
        description,
        meta: null,
        created_at: startOfLocalDay(now, issuedDays),
        updated_at: startOfLocalDay(now, issuedDays),
      },
      tz,
    );
  return [
    lot(301, 600, 400, -200, 165, 'Purchase points', 'purchase'),
    lot(302, 634, 484, -45, 320, 'Purchase points', 'purchase'),
    lot(303, 200, 200, -10, null, null, 'review', 'Bonus for reviewing your Linen Shirt'),
    lot(304, 150, 150, -380, -15, 'Purchase points', 'purchase'),
    lot(305, 150, 150, -355, 5, 'Birthday bonus', 'birthday'),
    lot(306, 300, 0, -90, 200, 'Purchase points', 'purchase'),
  ];
}

/** The program's tiers, lowest first; Platinum is the top. Credit is in points, earned per 12 months. */
const TIER_LADDER = [
  {
    id: 1,
    name: 'Bronze',
    handle: 'bronze',
    is_floor: true,
    value_min: 0,
    value_maintain: 0,
    description: 'Earn 1 point per $1 spent.',
  },
  {
    id: 2,
    name: 'Silver',
    handle: 'silver',
    is_floor: false,
    value_min: 250,
    value_maintain: 200,
    description: 'Earn 1.1 points per $1 and a birthday reward.',
  },
  {
    id: 3,
    name: 'Gold',
    handle: 'gold',
    is_floor: false,
    value_min: 500,
    value_maintain: 400,
    description: 'Earn 1.25 points per $1, free express shipping and members-only events.',
  },
  {
    id: 4,
    name: 'Platinum',
    handle: 'platinum',
    is_floor: false,
    value_min: 1500,
    value_maintain: 1200,
    description: 'Earn 1.5 points per $1, free alterations and early access to every sale.',
  },
];

/** The members the mock can be reset to (`POST /__mock/reset {member}`): one per tier, and one with none. */
export const TIER_MEMBERS = /** @type {const} */ (['bronze', 'silver', 'gold', 'platinum', 'none']);

/**
 * @typedef {typeof TIER_MEMBERS[number]} TierMember
 * - `bronze`: the floor tier, 120 of the 250 points to Silver.
 * - `silver`: a new period has begun: 130 points, below Silver's 250 (the bar at 0), 370 to Gold,
 *   and 70 still to earn in 45 days to keep Silver (it asks 200).
 * - `gold` (Ava, the default): 1,040 points, 460 to Platinum, Gold kept.
 * - `platinum`: the top tier (`next_tier` null).
 * - `none`: no tier at all; `GET /profiles/me/tiers` answers 404.
 */

/**
 * Tier progress, as `data` of GET /profiles/me/tiers; `null` for a member with no tier.
 * @param {TierMember} member @param {number} now @returns {Json | null}
 */
export function buildTiers(member, now) {
  const at = TIER_LADDER.findIndex((t) => t.handle === member);
  if (at < 0) return null;
  const tier = (/** @type {number} */ i) => {
    const t = TIER_LADDER[i];
    return t
      ? {
          ...t,
          short_description: null,
          icon: null,
          image_url: `${CDN}/tiers/${t.handle}.png`,
          earn_instructions: null,
          tags: [],
          meta: null,
        }
      : null;
  };
  const credit = { bronze: 120, silver: 130, gold: 1040, platinum: 1800 }[/** @type {'bronze'} */ (member)];
  const next = tier(at + 1);
  const keep = member === 'silver' ? 70 : 0;
  return {
    prev_tier: tier(at - 1),
    current_tier: tier(at),
    next_tier: next,
    current_credit: credit,
    current_progress: 0, // scale not confirmed (omneo-id-api.md): 0 as in every sample
    current_remain: keep,
    next_progress: 0,
    next_remain: next ? next.value_min - credit : null,
    total_points_12m: credit,
    total_points_achievement: credit,
    anniversary_at: endOfLocalDay(now, member === 'silver' ? 45 : 120),
    next_progress_change_at: null,
    achieved_at: startOfLocalDay(now, -245),
    maintained_at: null,
    assigned_at: startOfLocalDay(now, -245),
    is_floor: at === 0,
  };
}

/**
 * `n` generated rewards (ids from 1001), for list benchmarks. Deterministic:
 * about 80% active, 10% expired, 10% used up; expiries spread over a year.
 * @param {number} n @param {number} now
 */
function buildManyRewards(n, now) {
  const kinds = [
    ['Birthday', 'birthday', 10],
    ['Welcome', 'welcome', 5],
    ['Loyalty', 'loyalty', 20],
    ['Spend & Get', 'spend-and-get', 15],
    ['Referral', 'referral', 25],
    ['Review', 'review', 2.5],
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    const [label, handle, value] = /** @type {[string, string, number]} */ (kinds[i % kinds.length]);
    const expired = i % 10 === 7;
    const usedUp = i % 10 === 3;
    const expiresDays = expired ? -1 - (i % 60) : 1 + ((i * 37) % 365);
    out.push(
      reward({
        id: 1001 + i,
        value_initial: value,
        value_remaining: usedUp ? 0 : i % 4 === 1 ? roundMoney(value / 2) : value,
        is_expired: expired,
        is_active: !expired && !usedUp,
        issued_at: startOfLocalDay(now, -((i * 13) % 200) - 1 + Math.min(0, expiresDays)),
        expires_at: endOfLocalDay(now, expiresDays),
        definition: rewardDefinition(
          100 + (i % kinds.length),
          `${label} $${value} #${i + 1}`,
          handle,
          handle,
          value,
          `Generated reward number ${i + 1}`,
          { image: i % 3 === 0 },
        ),
      }),
    );
  }
  return out;
}

/**
 * A fresh demo shopper state. Everything is a new object, so callers may mutate it.
 * @param {number} [now] epoch ms the relative dates are computed from
 * @param {{rewards?: number, member?: TierMember}} [options] `rewards: n` replaces the nine demo rewards
 *   with n generated ones; `member` puts the shopper on another tier (default `gold`), or none
 * @returns {SeedState}
 */
export function createSeed(now = Date.now(), options = {}) {
  const tiers = buildTiers(options.member ?? 'gold', now);
  /** @type {Json} */
  const profile = buildProfile(now);
  profile.tier_handle = tiers?.current_tier.handle ?? null;
  profile.tier = tiers ? { id: tiers.current_tier.id, name: tiers.current_tier.name, handle: tiers.current_tier.handle } : null;
  const state = {
    profile,
    rewards: options.rewards != null ? buildManyRewards(options.rewards, now) : buildRewards(now),
    benefits: buildBenefits(now),
    points: buildPoints(now),
    tiers,
    identities: [{ ...DEMO_EXTERNAL_ID }],
    pointsToDollarsRate: POINTS_TO_DOLLARS_RATE,
    currency: 'AUD',
    redemptions: [],
    nextRedemptionId: 55,
  };
  // The shopper is also a Shopify store's customer (Omneo's Shopify sign-in finds them by this id).
  state.identities.push({ handle: 'shopify', identifier: DEMO_SHOPIFY_CUSTOMER_ID });
  syncProfileBalances(state);
  return state;
}

/**
 * A demo shopper with `n` generated rewards (for a 1,000-item list benchmark).
 * @param {number} n @param {number} [now]
 */
export function createLargeSeed(n, now = Date.now()) {
  return createSeed(now, { rewards: n });
}

// ---------------------------------------------------------------------------
// Derived values

/**
 * Flags that `refreshExpiry` changed because the clock passed an item's
 * expiry, kept so that moving the clock back (POST /__mock/clock) undoes them.
 * @type {WeakMap<Json, Json>}
 */
const expiredByClock = new WeakMap();

/**
 * Mark rewards, benefits and point lots whose `expires_at` has passed as
 * expired (rewards then inactive, benefits not redeemable), in place; and
 * un-expire the ones this function expired if the clock is now before their
 * expiry again. Rewards with nothing left become inactive. The mock calls
 * this before every request, so a clock offset or a long-running demo sees
 * things expire for real.
 * @param {SeedState} state @param {number} [now]
 */
export function refreshExpiry(state, now = Date.now()) {
  const passed = (/** @type {string | null} */ at) => at != null && parseUtc(at) <= now;
  /** @param {Json} item @param {string} flag is_active or is_redeemable */
  const update = (item, flag) => {
    const saved = expiredByClock.get(item);
    if (!item.is_expired && passed(item.expires_at)) {
      expiredByClock.set(item, { [flag]: item[flag] });
      item.is_expired = true;
      if (flag) item[flag] = false;
    } else if (saved && !passed(item.expires_at)) {
      expiredByClock.delete(item);
      item.is_expired = false;
      if (flag) item[flag] = saved[flag];
    }
  };
  for (const r of state.rewards) {
    update(r, 'is_active');
    if (r.value_remaining <= 0) r.is_active = false;
  }
  for (const b of state.benefits) {
    update(b, 'is_redeemable');
    if (b.redemptions_remaining <= 0) b.is_redeemable = false;
  }
  for (const p of state.points) update(p, '');
  return state;
}

/**
 * The balances, derived from the state's flags (call `refreshExpiry` first
 * to take the clock into account):
 * - reward_balance: sum of `value_remaining` of active, non-expired rewards
 * - point_balance: sum of `value_remaining` of non-expired point lots
 * - point_balance_dollars: point_balance × pointsToDollarsRate
 * - benefit_balance: how many benefits can be redeemed now
 * - combined_balance_dollars: reward_balance + point_balance_dollars
 * Money is rounded to cents.
 * @param {SeedState} state
 * @returns {Balances}
 */
export function computeBalances(state) {
  let rewardCents = 0;
  for (const r of state.rewards) {
    if (r.is_active && !r.is_expired && r.value_remaining > 0) rewardCents += toCents(r.value_remaining);
  }
  let points = 0;
  for (const p of state.points) if (!p.is_expired) points += p.value_remaining;
  const pointCents = toCents(points * state.pointsToDollarsRate);
  const benefitCount = state.benefits.filter((b) => b.is_redeemable && !b.is_expired && b.redemptions_remaining > 0).length;
  return {
    reward_balance: rewardCents / 100,
    point_balance: points,
    point_balance_dollars: pointCents / 100,
    benefit_balance: benefitCount,
    combined_balance_dollars: (rewardCents + pointCents) / 100,
    currency: state.currency ?? 'AUD',
  };
}

/** Copy the live balances onto the profile (it carries them too). @param {SeedState} state */
export function syncProfileBalances(state) {
  const { currency, ...b } = computeBalances(state);
  Object.assign(state.profile, b);
  return state;
}
