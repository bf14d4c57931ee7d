/**
 * `OmneoClient`: the one way a widget reaches Omneo. One token, one cache entry and at most one
 * request in flight per resource, shared by every widget under a provider.
 */
import ky, { type Options } from 'ky';
type KyInstance = typeof ky;
import { OmneoError, isAbort } from './errors.js';
import { TokenSource, type TokenOptions } from './token.js';
import { isActive, parseApiDate, parseBalances, parsePage, parseRedemption } from './validate.js';
import type { Balances, Benefit, Page, RedeemRequest, Redemption, Reward } from './types.js';

/** What a widget can ask the client for. */
export type Resource =
  | { type: 'balances' }
  | { type: 'list'; source: 'rewards' | 'benefits'; limit: number; includeExpired?: boolean };

/** The value of a resource: balances, or a list of rewards or benefits sorted by expiry. */
export type ResourceValue<R extends Resource> = R extends { type: 'balances' }
  ? Balances
  : R extends { source: 'benefits' }
    ? Benefit[]
    : Reward[];

/** What a subscriber hears: the state of one resource. `value` stays while it is refetched. */
export interface ResourceState<T> {
  status: 'loading' | 'ready' | 'signed-out' | 'error';
  value?: T;
  error?: OmneoError;
}

/** The client every widget uses, provided by `<omneo-provider>` through `omneoContext`. */
export interface OmneoClient {
  /** Reads a resource from the cache, from the request in flight, or with a new request. */
  get<R extends Resource>(resource: R, signal?: AbortSignal): Promise<ResourceValue<R>>;
  /** Calls `listener` now and on every change of the resource, until the returned function is called. */
  subscribe<R extends Resource>(resource: R, listener: (state: ResourceState<ResourceValue<R>>) => void): () => void;
  /** Sends one redeem, never retried by itself, then refetches every resource in use. */
  redeem(request: RedeemRequest, signal?: AbortSignal): Promise<Redemption>;
  /**
   * Drops what is cached: every subscribed resource is fetched again, once. With `{token: true}`
   * (`<omneo-provider>`'s `refresh()`), the shopper token too, when another can be fetched: after the
   * site signs a shopper in or out, the data is for whoever is signed in now.
   */
  invalidate(options?: { token?: boolean }): void;
}

export interface OmneoClientOptions extends TokenOptions {
  /** The ID API base, e.g. `https://api.acme.getomneo.com/id/api/v1`. */
  baseUrl?: string | null;
  /** The Omneo tenant; gives the base URL when `baseUrl` is not set. */
  tenant?: string | null;
  /** Milliseconds before one request attempt is given up (default 10 000). */
  timeout?: number;
  /** GET retries on 408, 429 and 5xx (default 2). */
  retries?: number;
  /** A `fetch` to use instead of the page's. */
  fetch?: typeof fetch;
}

/** The ID API base URL for the options, or an error naming what is missing. */
export function baseUrlOf({ baseUrl, tenant }: Pick<OmneoClientOptions, 'baseUrl' | 'tenant'>): string {
  if (baseUrl) return baseUrl.replace(/\/+$/, '');
  if (tenant && /^[a-z0-9-]+$/i.test(tenant)) return `https://api.${tenant}.getomneo.com/id/api/v1`;
  throw new OmneoError('config', tenant ? `"${tenant}" is not an Omneo tenant name.` : 'Set tenant or base-url on <omneo-provider>.');
}

const PAGE_SIZE = 15;
/** After a redeem whose outcome is unknown, the balances are read again this much later. */
const UNCONFIRMED_REREAD = 2500;
const signedOut = () => new OmneoError('signed-out', 'Nobody is signed in.');

/** A cache key: a resource, or one page of a list (pages are shared by lists of any length). */
type Key = Resource | { type: 'page'; source: 'rewards' | 'benefits'; page: number };

interface Entry {
  /** What it caches, to fetch it again. */
  what: Key;
  state: ResourceState<unknown>;
  subscribers: Set<(state: ResourceState<any>) => void>;
  inflight?: Promise<unknown>;
  aborter?: AbortController;
  /** Callers of `get` still waiting for `inflight` with a signal; `Infinity` once one waits without. */
  waiters?: number;
}

/** Drops the request in flight, if any. */
const stop = (e: Entry) => {
  e.aborter?.abort();
  e.inflight = e.aborter = undefined;
};

class Client implements OmneoClient {
  private readonly api: KyInstance;
  private readonly tokens: TokenSource;
  private readonly byKey = new Map<string, Entry>();

  constructor(options: OmneoClientOptions) {
    const http = ky.create({
      timeout: options.timeout ?? 10_000,
      headers: { Accept: 'application/json' },
      fetch: options.fetch,
      retry: 0,
    });
    this.api = http.extend({
      // Every call is about the signed-in shopper.
      prefixUrl: `${baseUrlOf(options)}/profiles/me`,
      retry: {
        // ky 1.0 counts the first attempt in `limit`: 2 retries are a limit of 3.
        limit: (options.retries ?? 2) + 1,
        methods: ['get'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        backoffLimit: 3_000,
        maxRetryAfter: 10_000,
      },
    });
    // Another shopper: nothing of the last one's may stay on screen.
    this.tokens = new TokenSource(options, http, () => this.refetch(true));
  }

  /** One call to the ID API with the shopper token; a 401 gets a new token and one more try. */
  private async callApi(path: string, init: Options, renewed?: boolean): Promise<unknown> {
    const token = await this.tokens.get();
    if (token === null) throw signedOut();
    let res: Response;
    try {
      res = await this.api(path, { ...init, headers: { Authorization: `Bearer ${token}` } });
    } catch (e) {
      const response = (e as { response?: Response }).response;
      if (isAbort(e)) throw e;
      if (!response) {
        throw new OmneoError('network', (e as Error).name === 'TimeoutError' ? 'Omneo took too long to answer.' : 'Omneo could not be reached.', { cause: e });
      }
      if (response.status === 401 && !renewed && this.tokens.renewable) {
        if ((await this.tokens.renew(token)) === null) throw signedOut();
        return this.callApi(path, init, true);
      }
      const { message, errors } = ((await response.json().catch(() => {})) ?? {}) as { message?: unknown; errors?: unknown };
      throw new OmneoError(response.status === 401 ? 'auth' : 'http', (typeof message === 'string' && message) || `Omneo answered ${response.status}.`, {
        status: response.status,
        errors: errors && typeof errors === 'object' ? (errors as Record<string, string[]>) : undefined,
      });
    }
    if (res.status === 204) return null;
    try {
      return JSON.parse(await res.text());
    } catch (e) {
      throw isAbort(e) ? e : new OmneoError('invalid-response', 'Omneo sent an answer that is not JSON.', { status: res.status, cause: e });
    }
  }

  private async fetchKey(r: Key, signal: AbortSignal): Promise<unknown> {
    if (r.type === 'balances') return parseBalances(await this.callApi('balances', { signal }));
    const { source } = r;
    if (r.type === 'page') {
      return parsePage(await this.callApi(source, { signal, searchParams: { 'page[size]': PAGE_SIZE, 'page[number]': r.page } }), source);
    }
    const { limit, includeExpired } = r;
    const items: (Reward | Benefit)[] = [];
    const now = Date.now();
    for (let page = 1, last = 1; page <= last && items.length < limit; page++) {
      const p = (await this.get({ type: 'page', source, page } as never, signal)) as Page<Reward | Benefit>;
      last = p.lastPage;
      items.push(...(includeExpired ? p.items : p.items.filter((i) => isActive(i, now))));
    }
    // Each date parsed once, not in every comparison: a thousand items sort in well under a frame.
    const expiry = new Map(items.map((i) => [i, i.expires_at ? parseApiDate(i.expires_at) : Infinity]));
    return items.sort((a, b) => expiry.get(a)! - expiry.get(b)!).slice(0, limit);
  }

  private entryOf(key: Key): [string, Entry] {
    const k = JSON.stringify(key);
    let entry = this.byKey.get(k);
    if (!entry) this.byKey.set(k, (entry = { what: key, state: { status: 'loading' }, subscribers: new Set() }));
    return [k, entry];
  }

  private launch(entry: Entry): Promise<unknown> {
    const abort = (entry.aborter = new AbortController());
    entry.waiters = 0;
    const settle = (state: ResourceState<unknown>) => {
      if (entry.inflight !== promise) return; // superseded by an invalidate
      entry.inflight = entry.aborter = undefined;
      entry.state = state;
      for (const l of entry.subscribers) l(state);
    };
    const promise: Promise<unknown> = (entry.inflight = this.fetchKey(entry.what, abort.signal).then(
      (value) => (settle({ status: 'ready', value }), value),
      (error) => {
        if (!isAbort(error)) {
          const e = error instanceof OmneoError ? error : new OmneoError('invalid-response', String(error), { cause: error });
          settle(e.kind === 'signed-out' ? { status: 'signed-out' } : { status: 'error', error: e, value: entry.state.value });
        }
        throw error;
      },
    ));
    promise.catch(() => {});
    return promise;
  }

  get<R extends Resource>(resource: R, signal?: AbortSignal): Promise<ResourceValue<R>> {
    const [k, entry] = this.entryOf(resource);
    if (entry.state.status === 'ready') return abortable(Promise.resolve(entry.state.value), signal) as Promise<ResourceValue<R>>;
    const promise = entry.inflight ?? this.launch(entry);
    entry.waiters! += signal ? 1 : Infinity;
    return abortable(promise, signal, () => {
      // The last caller gave up (a list whose source changed, or that left the page): nobody needs
      // the answer, so the request stops, as a subscribed resource's does with its last subscriber.
      if (!--entry.waiters! && !entry.subscribers.size && entry.inflight === promise) this.evict(k, entry);
    }) as Promise<ResourceValue<R>>;
  }

  subscribe<R extends Resource>(resource: R, listener: (state: ResourceState<ResourceValue<R>>) => void) {
    const [k, entry] = this.entryOf(resource);
    entry.subscribers.add(listener);
    // A new subscriber also retries what failed before.
    if ((entry.state.status === 'loading' || entry.state.status === 'error') && !entry.inflight) this.launch(entry);
    listener(entry.state as ResourceState<ResourceValue<R>>);
    return () => {
      entry.subscribers.delete(listener);
      if (!entry.subscribers.size && entry.state.status !== 'ready') this.evict(k, entry);
    };
  }

  /** Stops what the entry has in flight and forgets it (unless another already took its key). */
  private evict(k: string, entry: Entry) {
    stop(entry);
    if (this.byKey.get(k) === entry) this.byKey.delete(k);
  }

  invalidate({ token }: { token?: boolean } = {}) {
    if (token) this.tokens.forget();
    else this.tokens.reset();
    this.refetch();
  }

  /** Fetches every subscribed resource again; with `forget`, nothing cached is shown meanwhile. */
  private refetch(forget?: boolean) {
    const watched: Entry[] = [];
    // Every request stops, and what nobody watches (the pages of lists) is dropped first: lists
    // read their pages through `get`, so each page is fetched once however many lists need it.
    for (const [k, entry] of this.byKey) {
      stop(entry);
      if (entry.subscribers.size) watched.push(entry);
      else this.byKey.delete(k);
    }
    for (const entry of watched) {
      if (forget || entry.state.status !== 'ready') {
        entry.state = { status: 'loading' };
        for (const l of entry.subscribers) l(entry.state);
      }
      this.launch(entry);
    }
  }

  async redeem({ amount, benefitId }: RedeemRequest, signal?: AbortSignal): Promise<Redemption> {
    const benefit = benefitId != null;
    if (!benefit && !(amount! > 0 && Number.isFinite(amount))) throw new OmneoError('http', 'Choose an amount to redeem.', { status: 422 });
    try {
      const body = await this.callApi(benefit ? `benefits/${encodeURIComponent(benefitId)}/redeem` : 'redeem', {
        method: 'post',
        json: benefit ? undefined : { amount },
        signal,
        retry: 0,
      });
      const redemption = parseRedemption(body, benefit);
      this.refetch();
      return redemption;
    } catch (e) {
      // A refusal changed nothing; any other failure may have redeemed: read the balances again,
      // now and once more in a moment, as the API may still be finishing a redeem that timed out.
      const refused = e instanceof OmneoError && (e.kind === 'signed-out' || (e.kind !== 'network' && e.kind !== 'invalid-response' && (e.status ?? 500) < 500));
      if (!refused) {
        this.refetch();
        setTimeout(() => this.refetch(), UNCONFIRMED_REREAD);
      }
      throw e;
    }
  }
}

/** `p`, or an AbortError as soon as `signal` aborts (and then `gaveUp()`). */
function abortable<T>(p: Promise<T>, signal?: AbortSignal, gaveUp?: () => void): Promise<T> {
  return signal
    ? new Promise((resolve, reject) => {
        const onAbort = () => (reject(signal.reason), gaveUp?.());
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort);
        p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      })
    : p;
}

/** Builds the client a provider gives its widgets. Throws when neither `baseUrl` nor `tenant` is usable. */
export function createOmneoClient(options: OmneoClientOptions): OmneoClient {
  return new Client(options);
}
