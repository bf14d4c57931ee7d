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

/** One page of a paginated list: Laravel's `data` + `meta` envelope. */
export interface Page<T> {
  items: T[];
  page: number;
  lastPage: number;
  total: number;
}

/** `POST /profiles/me/redeem` → `data`. */
export interface AmountRedemption {
  id: number | string;
  total?: number;
  balances?: Balances;
  [key: string]: unknown;
}

/** What a redeem resolves to: the API's `data`, an amount redemption or the redeemed benefit. */
export type Redemption = AmountRedemption | Benefit;

/** What a `tokenProvider` may resolve to. `null` means nobody is signed in. */
export type TokenResult = string | { token: string; exp?: number } | null;

export type TokenProvider = () => Promise<TokenResult> | TokenResult;

/** What a redeem asks for: an amount in dollars, or one benefit by id. */
export type RedeemRequest = { amount: number; benefitId?: undefined } | { benefitId: string; amount?: undefined };
