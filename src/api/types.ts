/** Shapes of the Omneo ID API answers the widgets read (see omneo-id-api.md). */

/** `GET /profiles/me/balances` → `data`. */
export interface Balances {
  reward_balance: number;
  point_balance: number;
  point_balance_dollars: number;
  benefit_balance?: number;
  combined_balance_dollars: number;
  /** ISO 4217; only in newer API versions. */
  currency?: string;
  credit_balance?: number;
}

export interface RewardDefinition {
  id?: number | string;
  name: string;
  handle?: string;
  type?: string;
  value?: number;
  short_description?: string | null;
  icon?: string | null;
  image_url?: string | null;
  terms_conditions?: string | null;
}

/** An item of `GET /profiles/me/rewards`. Date-times are `YYYY-MM-DD HH:mm:ss` in UTC. */
export interface Reward {
  id: number | string;
  value_initial?: number;
  value_remaining: number;
  issued_at?: string | null;
  expires_at?: string | null;
  is_expired?: boolean;
  is_active?: boolean;
  definition: RewardDefinition;
}

export interface BenefitDefinition {
  name: string;
  handle?: string;
  icon?: string | null;
  image_url?: string | null;
  short_description?: string | null;
  redeem_instructions_online?: string | null;
  terms_conditions?: string | null;
}

/** An item of `GET /profiles/me/benefits`. */
export interface Benefit {
  id: number | string;
  is_redeemable?: boolean;
  redemptions_remaining?: number | null;
  expires_at?: string | null;
  redeem_code_online?: string | null;
  redeem_code_pos?: string | null;
  definition: BenefitDefinition;
}

/** An item of `GET /profiles/me/points`: a lot of points earned at once, and what is left of it. */
export interface PointLot {
  id: number | string;
  value_initial?: number | null;
  value_remaining: number;
  issued_at?: string | null;
  expires_at?: string | null;
  description?: string | null;
  definition?: { id?: number | string; name?: string | null; handle?: string | null } | null;
}

/** Where a list's items come from: `GET /profiles/me/{source}`. */
export type ListSource = 'rewards' | 'benefits' | 'points';

/** The items of each list source. */
export interface ListItems {
  rewards: Reward;
  benefits: Benefit;
  points: PointLot;
}

/** An item of any list: what `<omneo-rewards-list>`'s `omneo-load` carries, as an array. */
export type RewardsListItem = ListItems[ListSource];

/** A list's items, sorted by expiry, tagged with their source so each is read as what it is. */
export type ListValue = { [S in ListSource]: { source: S; items: ListItems[S][] } }[ListSource];

/** A tier of the loyalty program (`GET /profiles/me/tiers` → `current_tier`, `next_tier`). */
export interface Tier {
  id?: number | string;
  /** Optional, as every field of this answer (omneo-id-api.md); without one the widget says "your tier" or "the next tier". */
  name?: string | null;
  handle?: string | null;
  is_floor?: boolean | null;
  /** What must be earned in a period to reach this tier, in the program's unit. */
  value_min?: number | null;
  /** What must be earned in a period to keep this tier. */
  value_maintain?: number | null;
  description?: string | null;
  short_description?: string | null;
  image_url?: string | null;
}

/** `GET /profiles/me/tiers` → `data`. The API may leave any field out; a missing tier is `null` here. */
export interface TierProgress {
  current_tier: Tier | null;
  next_tier: Tier | null;
  prev_tier?: Tier | null;
  /** Earned in the current period, in the program's unit (points or dollars). */
  current_credit?: number | null;
  /** Still to earn to reach `next_tier`; `null` at the top. */
  next_remain?: number | null;
  /** Still to earn to keep `current_tier` at the next anniversary; 0 when kept. */
  current_remain?: number | null;
  anniversary_at?: string | null;
  is_floor?: boolean | null;
}

/** One page of a paginated list: Laravel's `data` + `meta` envelope. */
export interface Page<T> {
  items: T[];
  page: number;
  lastPage: number;
  total: number;
}

/** `POST /profiles/me/redeem` → `data`: the fields that fit, as the API sent them. */
export interface AmountRedemption {
  id?: number | string;
  total?: number;
  /** The balances after the redeem; the API may leave out all but `combined_balance_dollars`. */
  balances?: Partial<Balances>;
  [key: string]: unknown;
}

/** `POST /profiles/me/benefits/{id}/redeem` → `data`: the redeemed benefit's fields that fit. */
export type BenefitRedemption = Partial<Benefit> & { [key: string]: unknown };

/**
 * What a redeem resolves to: the fields of the API's `data` that fit their type (none when it sent
 * no `data`), for an amount or for a benefit.
 */
export type Redemption = AmountRedemption | BenefitRedemption;

/** What a `tokenProvider` may resolve to. `null` means nobody is signed in. */
export type TokenResult = string | { token: string; exp?: number } | null;

export type TokenProvider = () => Promise<TokenResult> | TokenResult;

/** What a redeem asks for: an amount in dollars, or one benefit by id. */
export type RedeemRequest = { amount: number; benefitId?: undefined } | { benefitId: string; amount?: undefined };
