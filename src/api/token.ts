/**
 * The shopper token: where it comes from (`token`, `tokenProvider` or `token-url`), when it is
 * renewed, and one request at a time however many widgets ask.
 */
import type { KyInstance } from 'ky';
import { OmneoError } from './errors.js';
import { parseToken } from './validate.js';
import type { TokenProvider, TokenResult } from './types.js';

export interface TokenOptions {
  /** A token already in the page. Used as it is; it cannot be renewed. */
  token?: string | null;
  /** The host site's endpoint: `POST` it, same-origin credentials, for `{token, exp}`. */
  tokenUrl?: string | null;
  tokenProvider?: TokenProvider | null;
}

interface Held {
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
  private held?: Held | null;
  private inflight?: Promise<Held | null>;
  /**
   * The shopper of the last token fetched (`null`: nobody signed in). Kept when the token itself is
   * dropped (a 401, `forget()`), so the next one is still checked against it.
   */
  private shopper?: string | null;
  /** The last token renewed after a 401. */
  private renewed?: string;

  /** `onShopperChange` is called when a token is for another shopper than the last one. */
  constructor(
    private readonly opts: TokenOptions,
    private readonly http: KyInstance,
    private readonly onShopperChange: () => void,
  ) {}

  /** Whether a rejected token can be replaced by a new one. */
  get renewable() {
    return !!(this.opts.tokenUrl || this.opts.tokenProvider);
  }

  /** The current token, fetching one when there is none or it is about to expire; `null` when signed out. */
  async get(): Promise<string | null> {
    let held = this.held;
    // A signed-out verdict stands; a token serves until it is due and another can be fetched.
    if (held !== null && !(held && (Date.now() < held.renewAt || !this.renewable))) held = await this.fetch();
    return held?.token ?? null;
  }

  /** After the API refused `rejected` with a 401: one new token for every request that was refused. */
  async renew(rejected: string): Promise<string | null> {
    // Once per refused token: if the renewal brought the same token back, the other requests it
    // refused use it (and fail) rather than each asking for yet another.
    if (this.held?.token === rejected && !this.inflight && this.renewed !== rejected) {
      this.renewed = rejected;
      this.held = undefined;
    }
    return this.get();
  }

  /** Forget a signed-out verdict, so the next request asks again. */
  reset() {
    if (this.held === null) this.held = undefined;
  }

  /** Forget the token too, when another can be fetched: the next request asks who is signed in now. */
  forget() {
    if (this.renewable) this.held = undefined;
    else this.reset();
  }

  private fetch(): Promise<Held | null> {
    return (this.inflight ??= this.load().then(
      (held) => {
        const before = this.shopper;
        this.held = held;
        this.shopper = held ? held.pid : null;
        this.inflight = undefined;
        if (before != null && this.shopper !== before) this.onShopperChange();
        return held;
      },
      (e) => {
        this.inflight = undefined;
        throw e;
      },
    ));
  }

  private async load(): Promise<Held | null> {
    const { token, tokenUrl, tokenProvider } = this.opts;
    let result: TokenResult | undefined = token;
    let res: Response | undefined;
    try {
      if (tokenProvider) {
        result = await tokenProvider();
        if (result != null && typeof result != 'string') result = parseToken(result);
      } else if (tokenUrl) {
        res = await this.http.post(tokenUrl, {
          credentials: 'same-origin',
          // Minting is safe to repeat: a token endpoint that is briefly down gets two more tries.
          retry: { limit: 2, methods: ['post'] },
        });
        result = res.status === 204 ? null : parseToken(await res.json()); // 204: nobody is signed in
      }
    } catch (e) {
      // A 401 from the token endpoint (not from whatever a tokenProvider threw): nobody is signed in.
      const status = tokenProvider ? undefined : (e as { response?: Response }).response?.status;
      if (status === 401) return null;
      throw e instanceof OmneoError
        ? e
        : res
          ? new OmneoError('invalid-response', 'The token endpoint did not answer with JSON.', { status: res.status, cause: e })
          : new OmneoError(status ? 'http' : 'network', 'The shopper token could not be fetched.', { status, cause: e });
    }
    if (typeof result == 'string') result = { token: result };
    return result?.token ? hold(result.token, result.exp) : null;
  }
}

function hold(token: string, exp?: number): Held {
  const claims = jwtClaims(token);
  const now = Date.now();
  exp ??= claims.exp;
  // From `iat`, the server's "now", when there is one (a browser clock may be minutes off); for
  // ever without `exp`.
  const life = typeof exp === 'number' ? exp * 1000 - (typeof claims.iat === 'number' ? claims.iat * 1000 : now) : Infinity;
  return { token, pid: claims.pid == null ? undefined : String(claims.pid), renewAt: now + Math.max(MIN_LIFE, life - Math.min(MARGIN, life / 2)) };
}
