/**
 * The shopper token: where it comes from (`token`, `tokenProvider`, `token-url` or a signed Shopify
 * customer), when it is renewed, and one request at a time however many widgets ask.
 */
import type { KyInstance } from 'ky';
import { OmneoError } from './errors.js';
import { jsonOf, parseToken } from './validate.js';
import type { KeptSession } from './session.js';
import type { TokenProvider, TokenResult } from './types.js';

export interface TokenOptions {
  /** A token already in the page. Used as it is; it cannot be renewed. */
  token?: string | null;
  /** The host site's endpoint: `POST` it, same-origin credentials, for `{token, exp}`. */
  tokenUrl?: string | null;
  tokenProvider?: TokenProvider | null;
  /**
   * A Shopify store's signed-in customer, rendered by the theme's Liquid (`''`: a guest). Used when
   * none of the above is set: the pair is exchanged at Omneo's Shopify endpoint.
   */
  shopifyCustomerId?: string | null;
  /** `{{ customer.id | hmac_sha256: shop.metafields.omneo.id_secret }}`, lowercase hex. */
  shopifySignature?: string | null;
  /**
   * The shopper the page declares, as the store's server knows them (`''`: nobody is signed in, so
   * no token is asked for). With one, the token and the last answers are kept for the next page.
   */
  shopper?: string | null;
}

/** Where a Shopify customer's token is asked for, and for whom. */
export interface ShopifySignIn {
  url: string;
  id: string;
  signature: string;
}

/** A token in use; the same is kept for the next page. */
export interface Held {
  token: string;
  /** The shopper the token is for (the JWT's `pid`), when it says. */
  pid?: string;
  /** When to fetch the next one, on this browser's clock (ms). */
  renewAt: number;
}

/** Renew this long before `exp`, or half the token's life if that is shorter. */
const MARGIN = 60_000;
/** A token just received is used for at least this long, whatever a skewed clock says. */
const MIN_LIFE = 10_000;

/** The JWT payload's claims, or `{}` when the token is not a JWT. */
export function jwtClaims(token: string): { exp?: number; iat?: number; pid?: unknown } {
  try {
    const b64 = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(b64));
    return typeof claims === 'object' && claims ? claims : {};
  } catch {
    return {};
  }
}

export class TokenSource {
  #held?: Held | null;
  #inflight?: Promise<Held | null>;
  /**
   * The shopper of the last token fetched (`null`: nobody signed in). Kept when the token itself is
   * dropped (a 401, `forget()`), so the next one is still checked against it.
   */
  #shopper?: string | null;
  /** The last token renewed after a 401. */
  #renewed?: string;
  /** Counts `forget()`s: a request sent before one answers for whoever was signed in then. */
  #generation = 0;

  readonly #opts: TokenOptions;
  readonly #http: KyInstance;
  /** Called when a token is for another shopper than the last one. */
  readonly #onShopperChange: () => void;
  /** The Shopify endpoint and customer, when the token comes from there. */
  readonly #shopify?: ShopifySignIn;
  /** The session kept for the next page, when the page declares its shopper. */
  readonly #kept?: KeptSession;

  constructor(opts: TokenOptions, http: KyInstance, onShopperChange: () => void, shopify?: ShopifySignIn, kept?: KeptSession) {
    this.#opts = opts;
    this.#http = http;
    this.#onShopperChange = onShopperChange;
    this.#shopify = shopify;
    this.#kept = kept;
    if (opts.shopper === '') {
      this.#held = null;
    } else if (opts.token) {
      // The page's own token serves until it is due (or refused); then `token-url`, a
      // `tokenProvider` or the Shopify sign-in renews it. It is newer than the last page's.
      this.#held = hold(opts.token);
      this.#shopper = this.#held ? this.#held.pid : null;
    } else if (kept?.token) {
      // The last page's token, until it is due: no request on this page.
      this.#held = { ...kept.token };
      this.#shopper = kept.token.pid;
    }
  }

  /** The shopper of the last token fetched (`null`: nobody; `undefined`: none yet, or it does not say). */
  get shopper(): string | null | undefined {
    return this.#shopper;
  }

  /** Whether a rejected token can be replaced by a new one. */
  get renewable() {
    return this.#opts.shopper !== '' && !!(this.#opts.tokenUrl || this.#opts.tokenProvider || this.#shopify?.id);
  }

  /** The current token, fetching one when there is none or it is about to expire; `null` when signed out. */
  async get(): Promise<string | null> {
    let held = this.#held;
    // A signed-out verdict stands; a token serves until it is due and another can be fetched.
    if (held !== null && !(held && (Date.now() < held.renewAt || !this.renewable))) held = await this.#fetch();
    return held?.token ?? null;
  }

  /** The API refused `rejected` with a 401: it is not kept for the next page, renewed or not. */
  refused(rejected: string) {
    if (this.#kept?.token?.token === rejected) this.#kept.token = undefined;
  }

  /** After the API refused `rejected` with a 401: one new token for every request that was refused. */
  async renew(rejected: string): Promise<string | null> {
    // Once per refused token: if the renewal brought the same token back, the other requests it
    // refused use it (and fail) rather than each asking for yet another.
    if (this.#held?.token === rejected && !this.#inflight && this.#renewed !== rejected) {
      this.#renewed = rejected;
      this.#held = undefined;
    }
    return this.get();
  }

  /** Forget a signed-out verdict, so the next request asks again. */
  reset() {
    if (this.#held === null) this.#held = undefined;
  }

  /** Forget the token too, when another can be fetched: the next request asks who is signed in now. */
  forget() {
    if (!this.renewable) {
      this.reset();
      return;
    }
    this.#held = this.#inflight = undefined;
    this.#generation++;
  }

  #fetch(): Promise<Held | null> {
    const generation = this.#generation;
    return (this.#inflight ??= this.#load().then(
      (held) => {
        // Asked before a `forget()`: its callers get it, but it is not held.
        if (generation !== this.#generation) return held;
        const before = this.#shopper;
        this.#held = held;
        this.#shopper = held ? held.pid : null;
        this.#inflight = undefined;
        if (this.#kept) this.#kept.token = held ?? undefined;
        if (before != null && this.#shopper !== before) this.#onShopperChange();
        return held;
      },
      (e) => {
        if (generation === this.#generation) this.#inflight = undefined;
        throw e;
      },
    ));
  }

  async #load(): Promise<Held | null> {
    const { token, tokenUrl, tokenProvider, shopper } = this.#opts;
    if (shopper === '') return null;
    if (this.#shopify && !token) return this.#loadFromShopify(this.#shopify);
    let result: TokenResult | undefined = token;
    try {
      if (tokenProvider) {
        result = await tokenProvider();
        if (result != null && typeof result != 'string') result = parseToken(result);
      } else if (tokenUrl) {
        const res = await this.#http.post(tokenUrl, {
          credentials: 'same-origin',
          // Minting is safe to repeat: a token endpoint that is briefly down gets two more tries.
          retry: { limit: 2, methods: ['post'] },
        });
        result = res.status === 204 ? null : parseToken(await jsonOf(res, 'The token endpoint')); // 204: nobody is signed in
      }
    } catch (e) {
      // A 401 from the token endpoint (not from whatever a tokenProvider threw): nobody is signed in.
      const status = tokenProvider ? undefined : (e as { response?: Response }).response?.status;
      if (status === 401) return null;
      throw new OmneoError('token', 'The shopper token could not be fetched.', { status, cause: e });
    }
    if (typeof result == 'string') result = { token: result };
    return result?.token ? hold(result.token, result.exp) : null;
  }

  /**
   * Exchanges a signed Shopify customer for a token at Omneo's Shopify endpoint. A guest (no id)
   * asks for nothing. A refusal is an `auth` error, not a guest: the page said a customer is signed
   * in, so a refused signature is a setup fault to show.
   */
  async #loadFromShopify({ url, id, signature }: ShopifySignIn): Promise<Held | null> {
    if (!id) return null;
    try {
      const res = await this.#http.post(url, {
        json: { id, signature },
        credentials: 'omit',
        retry: { limit: 2, methods: ['post'] },
      });
      const answer = parseToken(await jsonOf(res, "Omneo's Shopify sign-in"));
      return hold(answer.token, answer.exp);
    } catch (e) {
      const status = (e as { response?: Response }).response?.status;
      if (status && status >= 400 && status < 500) {
        throw new OmneoError('auth', 'Omneo refused the Shopify sign-in of this customer.', { status, cause: e });
      }
      throw new OmneoError('token', 'The shopper token could not be fetched from Omneo.', { status, cause: e });
    }
  }
}

/** A token to hold; `null` for an anonymous one (`pid` "null", what Omneo mints for `{"id": ""}`): nobody is signed in. */
function hold(token: string, exp?: number): Held | null {
  const claims = jwtClaims(token);
  if (claims.pid === 'null') return null;
  const now = Date.now();
  exp ??= claims.exp;
  // What is left of it: until `exp` by this browser's clock, but never more than its whole life
  // from `iat` (the server's "now" when it was minted), which is what counts when the clock is
  // minutes off; for ever without `exp`.
  const life = typeof exp === 'number' ? timeLeft(exp * 1000, claims.iat, now) : Infinity;
  return {
    token,
    pid: claims.pid == null ? undefined : String(claims.pid),
    renewAt: now + Math.max(MIN_LIFE, life - Math.min(MARGIN, life / 2)),
  };
}

/**
 * Milliseconds left before `expMs`: by this browser's clock when that says some are left (a token
 * cached by the host may be minted long ago), at most the token's life from `iat`; by its life from
 * `iat` alone when this clock says it has expired (the clock is off, or the host sent it late).
 */
function timeLeft(expMs: number, iat: unknown, now: number): number {
  const life = typeof iat === 'number' ? expMs - iat * 1000 : Infinity;
  const left = expMs - now;
  if (left > 0) return Math.min(left, life);
  return Number.isFinite(life) ? life : left;
}
