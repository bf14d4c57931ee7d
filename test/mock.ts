import type { Balances, Benefit, Reward } from '../src/api/types.js';

/**
 * The mock Omneo from the tests' side: each `MockOmneo` is a fresh namespace of the mock server
 * (its own shopper, faults and request log), on another origin than the test page.
 */
import { DEMO_SHOP_SECRET, DEMO_SHOPIFY_CUSTOMER_ID, DEMO_SHOPIFY_STRANGER_ID } from '../mock/seed.js';

declare global {
  interface Window {
    OMNEO_MOCK: string;
  }
}

export interface Logged {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  body: unknown;
}

/** What a namespace of the mock holds (`GET __mock/state`): the seed's records, in the API's shapes. */
export interface MockState {
  balances: Balances;
  rewards: (Reward & { is_active: boolean; expires_at: string })[];
  benefits: Benefit[];
  redemptions: unknown[];
}

let n = 0;

export class MockOmneo {
  readonly ns = `t${Date.now().toString(36)}${(n++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  readonly origin = new URL(window.OMNEO_MOCK).origin;
  /** The ID API base of this namespace, for `base-url`. */
  readonly baseUrl = `${this.origin}/ns/${this.ns}/id/api/v1`;
  /** Omneo's Shopify sign-in of this namespace: `POST {shopifyBaseUrl}/auth/token {id, signature}`. */
  readonly shopifyBaseUrl = `${this.origin}/ns/${this.ns}/shopify/api/v1`;
  /** The path the Shopify sign-in is logged under (see `requests()` and `count()`). */
  static readonly shopifyTokenPath = '/shopify/api/v1/auth/token';
  /** The Shopify customer whose Omneo profile is the demo shopper. */
  static readonly shopifyCustomerId = DEMO_SHOPIFY_CUSTOMER_ID;
  /** A Shopify customer with no Omneo profile (a good signature answers 404). */
  static readonly shopifyStrangerId = DEMO_SHOPIFY_STRANGER_ID;
  /** The same-origin token endpoint for this namespace, for `token-url`. */
  readonly tokenUrl = `/omneo/token/${this.ns}`;

  /** `member`: the shopper's tier (`gold` by default; `platinum` is the top, `none` has no tier). */
  static async create(
    options: { rewards?: number; tokenTtlSeconds?: number; member?: 'bronze' | 'silver' | 'gold' | 'platinum' | 'none' } = {},
  ) {
    const m = new MockOmneo();
    await m.control('POST', 'reset', options);
    return m;
  }

  async control(method: string, path: string, body?: unknown) {
    const res = await fetch(`${this.origin}/ns/${this.ns}/__mock/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`mock ${method} ${path}: ${res.status}`);
    return res.status === 204 ? undefined : res.json();
  }

  /** A shopper token for the demo shopper (or `id`). */
  async mint(id?: string, ttlSeconds?: number): Promise<{ token: string; exp: number }> {
    return (await this.control('POST', 'mint', { id, ttlSeconds })).data;
  }

  /** Redeems `amount` dollars for the demo shopper through the API, so this mock's balances differ from a fresh one's. */
  async spend(amount: number) {
    const { token } = await this.mint();
    const res = await fetch(`${this.baseUrl}/profiles/me/redeem`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ amount }),
    });
    if (!res.ok) throw new Error(`mock redeem ${amount}: ${res.status}`);
  }

  /**
   * What a Shopify theme renders as `shopify-signature`: the HMAC-SHA256 of the customer id keyed
   * with the shop secret, in lowercase hex (the mock checks it against DEMO_SHOP_SECRET).
   */
  static async shopifySignature(customerId: string = DEMO_SHOPIFY_CUSTOMER_ID, shopSecret: string = DEMO_SHOP_SECRET) {
    const encoder = new TextEncoder();
    const key = await crypto.subtle.importKey('raw', encoder.encode(shopSecret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(customerId));
    return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  /** A `tokenProvider` that mints with the mock. */
  tokenProvider = () => this.mint();

  faults(rules: object[]) {
    return this.control('POST', 'faults', rules);
  }

  requests(): Promise<Logged[]> {
    return this.control('GET', 'requests');
  }

  /** How many requests of `method` reached `path` (after `/id/api/v1`; the Shopify sign-in: `MockOmneo.shopifyTokenPath`). */
  async count(path: string, method = 'GET') {
    return (await this.requests()).filter((r) => r.method === method && r.path === path).length;
  }

  state(): Promise<MockState> {
    return this.control('GET', 'state');
  }

  setState(parts: object) {
    return this.control('POST', 'state', parts);
  }
}
