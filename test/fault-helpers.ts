/**
 * Helpers for the fault and embed tests: what the page does over the wire (every `fetch`, with its
 * start time and outcome), what reaches the page as an uncaught error, and what state a widget ends in.
 */
import { expect } from '@open-wc/testing';
import type { Logged, MockOmneo } from './mock.js';
import { en } from '../src/internal/strings.js';
import { part, seen, sleep, until } from './helpers.js';

export interface Sent {
  method: string;
  url: URL;
  /** `performance.now()` when the page called `fetch`. */
  at: number;
  outcome?: 'answered' | 'failed' | 'aborted';
  status?: number;
}

/**
 * Watches the page until `stop()`: every `fetch` the page makes (the test's own calls to the mock's
 * `/__mock/` controls left out), and every `error` and `unhandledrejection` that reaches `window`.
 */
export function watchPage() {
  const errors: string[] = [];
  const sent: Sent[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.error?.stack ?? e.message}`);
  const onRejection = (e: PromiseRejectionEvent) =>
    errors.push(`unhandledrejection: ${(e.reason as Error)?.stack ?? String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const real = window.fetch;
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    const req = input instanceof Request ? input : undefined;
    const url = new URL(req ? req.url : String(input), location.href);
    if (url.pathname.includes('/__mock/')) return real.call(window, input, init);
    const s: Sent = { method: (init?.method ?? req?.method ?? 'GET').toUpperCase(), url, at: performance.now() };
    sent.push(s);
    const p = real.call(window, input, init);
    p.then(
      (res) => ((s.outcome = 'answered'), (s.status = res.status)),
      (e) => (s.outcome = (e as Error)?.name === 'AbortError' ? 'aborted' : 'failed'),
    );
    return p;
  };
  return {
    errors,
    sent,
    /** The calls to URLs whose path ends with `path` (and `method`). */
    to(path: string, method = 'GET') {
      return sent.filter((s) => s.method === method && s.url.pathname.endsWith(path));
    },
    stop() {
      window.fetch = real;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
    /** Nothing uncaught reached the page (given a moment for late rejections to be reported). */
    async expectNoPageErrors() {
      await sleep(50);
      expect(errors, 'uncaught errors and unhandled rejections on the page').to.deep.equal([]);
    },
  };
}

export type PageWatch = ReturnType<typeof watchPage>;

/** What a widget shows: its data, the signed-out state, the `error` part, the loading state, or nothing. */
export type Shown = 'value' | 'signed-out' | 'error' | 'loading' | 'blank';

/** The state a shopper sees in a balance, a list or a redeem button. */
export function shown(el: Element): Shown {
  const root = el.shadowRoot;
  if (!root) return 'blank';
  if (part(el, 'error')) return 'error';
  if (root.querySelector('slot[name="signed-out"]')) return 'signed-out';
  switch (el.localName) {
    case 'omneo-points-balance': {
      const v = part(el, 'value');
      if (!v) return 'blank';
      return v.classList.contains('skeleton') ? 'loading' : 'value';
    }
    case 'omneo-rewards-list':
      if (root.querySelector('[part~="item"]:not(.loading-row)') || part(el, 'empty')) return 'value';
      return root.querySelector('.loading-row') ? 'loading' : 'blank';
    case 'omneo-redeem-button': {
      const message = seen(part(el, 'message')!);
      if (message === en.signInToRedeem) return 'signed-out';
      const button = part(el, 'button');
      if (!button) return part(el, 'confirm') ? 'value' : 'blank';
      if (root.querySelector('[part="message"] .sr-only')?.textContent === en.loading) return 'loading';
      return button.getAttribute('aria-disabled') === 'false' || message ? 'value' : 'blank';
    }
  }
  return 'blank';
}

/** Waits until none of `els` is loading, then checks each shows `expected` (one for all, or one each) with real text. */
export async function expectDesigned(els: Element[], expected: Shown | Shown[], ms = 4000) {
  // Settled: neither loading nor not yet drawn (a widget just inserted); if one never settles, the checks below say how it ended.
  await until(() => els.every((el) => !['loading', 'blank'].includes(shown(el))), ms).catch(() => {});
  els.forEach((el, i) => {
    const want = Array.isArray(expected) ? expected[i] : expected;
    const text = seen(el);
    expect(shown(el), `${el.localName} shows ${want}: "${text}"`).to.equal(want);
    expect(text, `${el.localName} is not blank`).not.to.equal('');
    expect(text, `${el.localName} shows no NaN, undefined or null`).not.to.match(/NaN|undefined|null|\[object/);
    if (want === 'error') expect(seen(part(el, 'error')!)).to.contain(en.error);
  });
}

/** The ID API requests in the mock's log to `path` (after /id/api/v1), with `method`. */
export async function logged(mock: MockOmneo, path: string, method = 'GET'): Promise<Logged[]> {
  return (await mock.requests()).filter((r) => r.method === method && r.path === path);
}

/** Milliseconds between consecutive requests of the mock's log. */
export const gaps = (log: (Logged & { at?: string })[]) => log.slice(1).map((r, i) => Date.parse(r.at!) - Date.parse(log[i].at!));

/** Milliseconds between consecutive fetches the page made. */
export const sentGaps = (sent: Sent[]) => sent.slice(1).map((s, i) => s.at - sent[i].at);

/**
 * Every text `el` shows (its shadow DOM and slotted text) from now until `stop()`: each state that
 * reached the screen, recorded whenever its DOM changes.
 */
export function recordSeen(el: Element) {
  const texts: string[] = [seen(el)];
  const note = () => {
    const t = seen(el);
    if (t !== texts[texts.length - 1]) texts.push(t);
  };
  const observer = new MutationObserver(note);
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  return {
    texts,
    stop() {
      note();
      observer.disconnect();
    },
  };
}

/** A shopper of the scripted API: what the ID API answers for their token. */
export interface Shopper {
  pid: string;
  points: number;
  reward: string;
  benefit: string;
}

export const AVA: Shopper = { pid: 'ava', points: 1111, reward: 'Ava birthday gift', benefit: 'Ava free coffee' };
export const BEN: Shopper = { pid: 'ben', points: 2222, reward: 'Ben welcome gift', benefit: 'Ben free shipping' };

/**
 * An ID API with two shoppers, answered in the page (no mock server): `install()` routes every
 * `fetch` to `https://api.<tenant>.getomneo.com/id/api/v1` to it, each shopper's data by the token's
 * `pid`; the tenant's name is added to every name, so two tenants answer differently. An answer can be
 * held back per shopper (`delay`), a token refused (`revoked`), and every call is recorded.
 */
export function shoppersApi() {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const now = () => Math.floor(Date.now() / 1000);
  const tokenOf = (s: Shopper) =>
    `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ pid: s.pid, iat: now(), exp: now() + 900 })}.sig-${s.pid}`;
  const tokens = new Map([AVA, BEN].map((s) => [s.pid, tokenOf(s)]));
  const byToken = new Map([AVA, BEN].map((s) => [tokens.get(s.pid)!, s]));
  const delay: Record<string, number> = {};
  const revoked = new Set<string>();
  const calls: { host: string; path: string; authorization: string | null; outcome?: 'answered' | 'aborted' }[] = [];

  const answer = (tenant: string, s: Shopper, path: string) => {
    const at = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
    const named = (name: string) => ({ name: `${name} (${tenant})`, image_url: null, short_description: null });
    if (path.endsWith('/balances')) {
      const d = s.points / 100;
      return {
        data: {
          reward_balance: 10,
          point_balance: s.points,
          point_balance_dollars: d,
          combined_balance_dollars: d + 10,
          currency: 'AUD',
        },
      };
    }
    if (path.endsWith('/rewards'))
      return {
        data: [{ id: `${s.pid}-r1`, value_remaining: 10, expires_at: at, is_active: true, definition: named(s.reward) }],
        meta: { current_page: 1, last_page: 1, total: 1 },
      };
    if (path.endsWith('/benefits'))
      return {
        data: [
          { id: `${s.pid}-b1`, is_redeemable: true, redemptions_remaining: 1, expires_at: at, definition: named(s.benefit) },
        ],
        meta: { current_page: 1, last_page: 1, total: 1 },
      };
    return undefined;
  };

  let real: typeof fetch | undefined;
  const fake = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    const host = /^api\.([\w-]+)\.getomneo\.com$/.exec(url.hostname);
    if (!host) return real!.call(window, input, init);
    const authorization = req.headers.get('authorization');
    const call: (typeof calls)[number] = { host: url.hostname, path: url.pathname, authorization };
    calls.push(call);
    const signal = init?.signal ?? req.signal;
    return new Promise((resolve, reject) => {
      const shopper = byToken.get(authorization?.replace(/^Bearer /, '') ?? '');
      const reply = () => {
        signal?.removeEventListener('abort', onAbort);
        const json = (body: unknown, status = 200) =>
          resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
        if (!shopper || revoked.has(shopper.pid)) return json({ message: 'Unauthenticated.' }, 401);
        const body = answer(host[1], shopper, url.pathname);
        call.outcome = 'answered';
        return body ? json(body) : json({ message: 'Not found.' }, 404);
      };
      const timer = setTimeout(reply, (shopper && delay[shopper.pid]) || 0);
      const onAbort = () => {
        clearTimeout(timer);
        call.outcome = 'aborted';
        reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort);
    });
  };

  return {
    calls,
    delay,
    revoked,
    /** The shopper's token (a JWT with their `pid`). */
    token: (s: Shopper) => tokens.get(s.pid)!,
    install() {
      real = window.fetch;
      window.fetch = fake as typeof fetch;
    },
    uninstall() {
      if (real) window.fetch = real;
    },
  };
}
