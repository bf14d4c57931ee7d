/**
 * `OmneoClient`: the one way a widget reaches Omneo. One token, one cache entry and at most one
 * request in flight per resource, shared by every widget under a provider.
 */
import ky, { type KyInstance, type Options } from 'ky';
import { OmneoError, asOmneoError, isAbort, isOmneoError, statusOnlyMessage } from './errors.js';
import { checkRedeemRequest, redeemFailureOf } from './redeem.js';
import { KeptSession, dropKeptSessions } from './session.js';
import { TokenSource, type ShopifySignIn, type TokenOptions } from './token.js';
import { expiryOf, isActive, isObj, jsonOf, parseBalances, parsePage, parseRedemption, parseTiers } from './validate.js';
import type { Balances, ListItems, ListSource, ListValue, Page, RedeemRequest, Redemption, TierProgress } from './types.js';

/** What a widget can ask the client for. */
export type Resource =
  { type: 'balances' } | { type: 'tiers' } | { type: 'list'; source: ListSource; limit: number; includeExpired?: boolean };

/** The value of a resource: the balances, the tier progress, or a list's items sorted by expiry. */
export type ResourceValue<R extends Resource> = R extends { type: 'balances' }
  ? Balances
  : R extends { type: 'tiers' }
    ? TierProgress
    : ListValue;

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
  throw new OmneoError(
    'config',
    tenant ? `"${tenant}" is not an Omneo tenant name.` : 'Set tenant or base-url on <omneo-provider>.',
  );
}

/**
 * Where a Shopify customer is signed in: Omneo's Shopify API beside the ID API, as
 * `https://api.{tenant}.getomneo.com/shopify/api/v1/auth/token`, or `baseUrl` with its trailing
 * `/id/api/v1` replaced by `/shopify/api/v1`.
 */
export function shopifyTokenUrlOf(baseUrl: string): string {
  if (!/\/id\/api\/v1$/.test(baseUrl)) {
    throw new OmneoError('config', `The Shopify sign-in needs a base-url that ends in /id/api/v1, not "${baseUrl}".`);
  }
  return `${baseUrl.replace(/\/id\/api\/v1$/, '/shopify/api/v1')}/auth/token`;
}

/** The Shopify sign-in, when the options ask for one: a customer id and no other token source. */
function shopifySignInOf(options: OmneoClientOptions, baseUrl: string): ShopifySignIn | undefined {
  const { shopifyCustomerId: id, shopifySignature: signature, token, tokenUrl, tokenProvider } = options;
  if (id == null || token || tokenUrl || tokenProvider) return undefined;
  return { url: shopifyTokenUrlOf(baseUrl), id, signature: signature ?? '' };
}

/**
 * The shopper the page declares: `shopper`, else the Shopify customer (`shopify:<id>`). `undefined`
 * when the page declares none; `''` when it declares that nobody is signed in.
 */
export function declaredShopperOf({ shopper, shopifyCustomerId }: OmneoClientOptions): string | undefined {
  if (shopper != null) return shopper;
  if (shopifyCustomerId != null) return shopifyCustomerId && `shopify:${shopifyCustomerId}`;
  return undefined;
}

/**
 * A kept answer, checked again as if it had just arrived (storage is not trusted more than the
 * API); `undefined` when it does not pass. Lists drop what has expired since.
 */
function revive(key: Resource, kept: unknown): unknown {
  try {
    switch (key.type) {
      case 'balances':
        return parseBalances({ data: kept });
      case 'tiers':
        return parseTiers({ data: kept });
      case 'list': {
        const { source, items } = (kept ?? {}) as { source?: unknown; items?: unknown };
        if (source !== key.source) return undefined;
        const now = Date.now();
        const valid = parsePage({ data: items }, key.source).items;
        return { source, items: key.includeExpired ? valid : valid.filter((item) => isActive(key.source, item, now)) };
      }
    }
  } catch {
    return undefined;
  }
}

const PAGE_SIZE = 15;
/**
 * A list follows the pages its `limit` needs, and at most this many more: for the items left out
 * (inactive, or malformed), and never for ever when a pagination says there is always a next page.
 */
const EXTRA_PAGES = 20;
/** And never more than this many in all (1,500 items). */
const MOST_PAGES = 100;
/** A GET is retried on a timeout (408), too many requests (429) and any server error (5xx). */
const RETRIED_STATUSES = [408, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];
/** After a redeem whose outcome is unknown, the balances are read again this much later. */
const UNCONFIRMED_REREAD = 2500;

function signedOut() {
  return new OmneoError('signed-out', 'Nobody is signed in.');
}

interface CallOptions {
  /** This is the try after a 401 and a new token. */
  renewed?: boolean;
  /** The shopper (the token's `pid`) the call must be made for. */
  shopper?: string;
}

/** A cache key: a resource, or one page of a list (pages are shared by lists of any length). */
type Key = Resource | { type: 'page'; source: ListSource; page: number };

type Listener = (state: ResourceState<unknown>) => void;

interface Entry {
  /** What it caches, to fetch it again. */
  key: Key;
  /** `key` as text: its name in the cache and in the kept session. */
  id: string;
  state: ResourceState<unknown>;
  subscribers: Set<Listener>;
  inflight?: Promise<unknown>;
  aborter?: AbortController;
  /** Callers of `get` still waiting for `inflight` with a signal; `Infinity` once one waits without. */
  waiters: number;
  /** Its value was kept from the last page: shown at once, and fetched again once. */
  stale?: boolean;
}

/** Drops the request in flight, if any. */
function stop(entry: Entry) {
  entry.aborter?.abort();
  entry.inflight = entry.aborter = undefined;
}

/** Laravel's `{field: ["message", …]}`: the messages that are text, a lone string as a list of one. */
function fieldErrorsOf(errors: unknown): Record<string, string[]> | undefined {
  if (!isObj(errors)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    const texts = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string' && m !== '');
    if (texts.length) fields[field] = texts;
  }
  return Object.keys(fields).length ? fields : undefined;
}

/** The error for an answer that is not 2xx: the API's own message when it sends one (Laravel's `{message, errors}`). */
async function errorOf(response: Response): Promise<OmneoError> {
  const body: unknown = await response.json().catch(() => undefined);
  const { message, errors } = isObj(body) ? body : {};
  return new OmneoError(
    response.status === 401 ? 'auth' : 'http',
    (typeof message === 'string' && message) || statusOnlyMessage(response.status),
    {
      status: response.status,
      errors: fieldErrorsOf(errors),
    },
  );
}

class Client implements OmneoClient {
  readonly #api: KyInstance;
  readonly #tokens: TokenSource;
  readonly #entries = new Map<string, Entry>();
  /** What is kept for the next page, when the page declares its shopper. */
  readonly #kept?: KeptSession;

  constructor(options: OmneoClientOptions) {
    const baseUrl = baseUrlOf(options);
    const shopper = declaredShopperOf(options);
    // Another shopper's session, or one that ended, is dropped before anything can be shown.
    if (shopper === '') dropKeptSessions();
    else if (shopper !== undefined) this.#kept = new KeptSession(baseUrl, shopper);
    const http = ky.create({
      timeout: options.timeout ?? 10_000,
      headers: { Accept: 'application/json' },
      fetch: options.fetch,
      retry: 0,
    });
    this.#api = http.extend({
      // Every call is about the signed-in shopper.
      prefixUrl: `${baseUrl}/profiles/me`,
      retry: {
        limit: options.retries ?? 2,
        methods: ['get'],
        statusCodes: RETRIED_STATUSES,
        // Retry-After is honoured on every status retried, not only on ky's 413, 429 and 503.
        afterStatusCodes: RETRIED_STATUSES,
        backoffLimit: 3_000,
        maxRetryAfter: 10_000,
      },
    });
    // Another shopper: nothing of the last one's may stay on screen.
    this.#tokens = new TokenSource(
      { ...options, shopper },
      http,
      () => this.#refetch({ forget: true }),
      shopifySignInOf(options, baseUrl),
      this.#kept,
    );
  }

  /**
   * One call to the ID API with the shopper token; a 401 gets a new token and one more try. With
   * `shopper`, only with a token for that shopper: a redeem goes out for the shopper whose balance
   * the page shows, or not at all (another may have signed in, in another tab).
   */
  async #call(path: string, init: Options, { renewed = false, shopper }: CallOptions = {}): Promise<unknown> {
    const token = await this.#tokens.get();
    if (token === null) throw signedOut();
    if (shopper !== undefined && this.#tokens.shopper !== shopper) {
      throw new OmneoError('auth', 'Another shopper has signed in since: nothing was sent.');
    }
    let response: Response;
    try {
      response = await this.#api(path, { ...init, headers: { Authorization: `Bearer ${token}` } });
    } catch (e) {
      if (isAbort(e)) throw e;
      const failed = (e as { response?: Response }).response;
      if (!failed) {
        const timedOut = (e as Error).name === 'TimeoutError';
        throw new OmneoError('network', timedOut ? 'Omneo took too long to answer.' : 'Omneo could not be reached.', {
          cause: e,
        });
      }
      if (failed.status === 401) {
        this.#tokens.refused(token);
        if (!renewed && this.#tokens.renewable) {
          if ((await this.#tokens.renew(token)) === null) throw signedOut();
          return this.#call(path, init, { renewed: true, shopper });
        }
      }
      throw await errorOf(failed);
    }
    return response.status === 204 ? null : jsonOf(response, 'Omneo');
  }

  #fetch(key: Key, signal: AbortSignal): Promise<unknown> {
    switch (key.type) {
      case 'balances':
        return this.#call('balances', { signal }).then(parseBalances);
      case 'tiers':
        return this.#fetchTiers(signal);
      case 'page':
        return this.#call(key.source, { signal, searchParams: { 'page[size]': PAGE_SIZE, 'page[number]': key.page } }).then(
          (body) => parsePage(body, key.source),
        );
      case 'list':
        return this.#fetchList(key.source, key.limit, !!key.includeExpired, signal);
    }
  }

  async #fetchTiers(signal: AbortSignal): Promise<TierProgress> {
    try {
      return parseTiers(await this.#call('tiers', { signal }));
    } catch (e) {
      // A member with no tier may be answered 404.
      // A new value each time, as an answer is: each load is heard as one (`omneo-load`).
      if (isOmneoError(e) && e.kind === 'http' && e.status === 404) return { current_tier: null, next_tier: null };
      throw e;
    }
  }

  /** The first `limit` items of a list, active ones only unless `includeExpired`, soonest expiry first. */
  async #fetchList<S extends ListSource>(
    source: S,
    limit: number,
    includeExpired: boolean,
    signal: AbortSignal,
  ): Promise<ListValue> {
    const items: ListItems[S][] = [];
    // An item that moved while the pages were read comes on two of them: it is listed once.
    const ids = new Set<string>();
    const now = Date.now();
    const maxPages = Math.min(Math.ceil(limit / PAGE_SIZE) + EXTRA_PAGES, MOST_PAGES);
    for (let page = 1, last = 1; page <= Math.min(last, maxPages) && items.length < limit; page++) {
      const { items: onPage, lastPage } = (await this.#read({ type: 'page', source, page }, signal)) as Page<ListItems[S]>;
      last = lastPage;
      for (const item of onPage) {
        if (ids.has(String(item.id)) || !(includeExpired || isActive(source, item, now))) continue;
        ids.add(String(item.id));
        items.push(item);
      }
    }
    // Each date parsed once, not in every comparison: a thousand items sort in well under a frame.
    const expiry = new Map(items.map((item) => [item, expiryOf(item)]));
    const sorted = items.sort((a, b) => expiry.get(a)! - expiry.get(b)!).slice(0, limit);
    return { source, items: sorted } as ListValue;
  }

  #entryOf(key: Key): Entry {
    const id = JSON.stringify(key);
    let entry = this.#entries.get(id);
    if (!entry) {
      entry = { key, id, state: { status: 'loading' }, subscribers: new Set(), waiters: 0 };
      const kept = this.#kept?.answer(id);
      const value = kept === undefined || key.type === 'page' ? undefined : revive(key, kept);
      if (value !== undefined) {
        entry.state = { status: 'ready', value };
        entry.stale = true;
      }
      this.#entries.set(id, entry);
    }
    return entry;
  }

  /** Tells every subscriber of `entry` its new state. */
  #publish(entry: Entry, state: ResourceState<unknown>) {
    entry.state = state;
    for (const listener of entry.subscribers) listener(state);
  }

  #launch(entry: Entry): Promise<unknown> {
    const aborter = (entry.aborter = new AbortController());
    entry.waiters = 0;
    const promise: Promise<unknown> = this.#fetch(entry.key, aborter.signal).then(
      (value) => {
        if (entry.inflight === promise) this.#settle(entry, { status: 'ready', value });
        return value;
      },
      (error: unknown) => {
        if (entry.inflight === promise && !isAbort(error)) {
          const e = asOmneoError(error);
          this.#settle(
            entry,
            e.kind === 'signed-out' ? { status: 'signed-out' } : { status: 'error', error: e, value: entry.state.value },
          );
        }
        throw error;
      },
    );
    entry.inflight = promise;
    promise.catch(() => {});
    return promise;
  }

  /** The request of `entry` is over (and was not superseded by an invalidate). */
  #settle(entry: Entry, state: ResourceState<unknown>) {
    entry.inflight = entry.aborter = undefined;
    entry.stale = false;
    this.#publish(entry, state);
    if (!this.#kept) return;
    if (state.status === 'signed-out') this.#kept.clear();
    else if (state.status === 'ready' && entry.key.type !== 'page') this.#kept.keepAnswer(entry.id, state.value);
  }

  #read(key: Key, signal?: AbortSignal): Promise<unknown> {
    const entry = this.#entryOf(key);
    if (entry.state.status === 'ready') return abortable(Promise.resolve(entry.state.value), signal);
    const promise = entry.inflight ?? this.#launch(entry);
    entry.waiters += signal ? 1 : Infinity;
    return abortable(promise, signal, () => {
      // The last caller gave up (a list whose source changed, or that left the page): nobody needs
      // the answer, so the request stops, as a subscribed resource's does with its last subscriber.
      entry.waiters--;
      if (!entry.waiters && !entry.subscribers.size && entry.inflight === promise) this.#evict(entry);
    });
  }

  get<R extends Resource>(resource: R, signal?: AbortSignal): Promise<ResourceValue<R>> {
    return this.#read(resource, signal) as Promise<ResourceValue<R>>;
  }

  subscribe<R extends Resource>(resource: R, listener: (state: ResourceState<ResourceValue<R>>) => void) {
    const entry = this.#entryOf(resource);
    // The entry of `resource` only ever holds states of `ResourceValue<R>`.
    const heard = listener as Listener;
    entry.subscribers.add(heard);
    // A new subscriber also retries what failed before, and refreshes what the last page kept.
    const due = entry.state.status === 'loading' || entry.state.status === 'error' || entry.stale;
    if (due && !entry.inflight) this.#launch(entry);
    heard(entry.state);
    return () => {
      entry.subscribers.delete(heard);
      if (!entry.subscribers.size && entry.state.status !== 'ready') this.#evict(entry);
    };
  }

  /** Stops what the entry has in flight and forgets it (unless another already took its key). */
  #evict(entry: Entry) {
    stop(entry);
    if (this.#entries.get(entry.id) === entry) this.#entries.delete(entry.id);
  }

  invalidate({ token = false }: { token?: boolean } = {}) {
    if (token) this.#tokens.forget();
    else this.#tokens.reset();
    this.#refetch();
  }

  /** Fetches every subscribed resource again; with `forget`, nothing cached is shown meanwhile. */
  #refetch({ forget = false } = {}) {
    if (forget) this.#kept?.clearAnswers();
    const watched: Entry[] = [];
    // Every request stops, and what nobody watches (the pages of lists) is dropped first: lists
    // read their pages through `#read`, so each page is fetched once however many lists need it.
    for (const entry of this.#entries.values()) {
      stop(entry);
      if (entry.subscribers.size) watched.push(entry);
      else this.#entries.delete(entry.id);
    }
    for (const entry of watched) {
      // A value stays on screen while it is read again, one kept through an error too; unless forgotten.
      if (forget) this.#publish(entry, { status: 'loading' });
      else if (entry.state.status !== 'ready') this.#publish(entry, { status: 'loading', value: entry.state.value });
      this.#launch(entry);
    }
  }

  async redeem(request: RedeemRequest, signal?: AbortSignal): Promise<Redemption> {
    const { amount, benefitId } = checkRedeemRequest(request);
    const benefit = benefitId !== undefined;
    try {
      const body = await this.#call(
        benefit ? `benefits/${encodeURIComponent(benefitId)}/redeem` : 'redeem',
        { method: 'post', json: benefit ? undefined : { amount }, signal, retry: 0 },
        { shopper: this.#tokens.shopper ?? undefined },
      );
      const redemption = parseRedemption(body, benefit);
      this.#refetch();
      return redemption;
    } catch (e) {
      // A refusal changed nothing; any other failure may have redeemed: read the balances again,
      // now and once more in a moment, as the API may still be finishing a redeem that timed out.
      if (redeemFailureOf(e) === 'unknown') {
        this.#refetch();
        setTimeout(() => this.#refetch(), UNCONFIRMED_REREAD);
      }
      throw e;
    }
  }
}

/** `promise`, or an AbortError as soon as `signal` aborts (and then `gaveUp()`). */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal, gaveUp?: () => void): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      gaveUp?.();
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Builds the client a provider gives its widgets. Throws when neither `baseUrl` nor `tenant` is usable. */
export function createOmneoClient(options: OmneoClientOptions): OmneoClient {
  return new Client(options);
}
