/** Test helpers: a scripted `fetch` that records what went over the wire, and JWT-shaped tokens. */

export interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  credentials: RequestCredentials;
  signal: AbortSignal;
}

export type Handler = (call: Call) => Response | Promise<Response>;

/** A `fetch` answered by `handler`, recording every call; the signal aborts like a real one. */
export function fakeFetch(handler: Handler) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const call: Call = {
      method: req.method,
      url: new URL(req.url),
      headers: req.headers,
      body: req.body ? await req.text() : '',
      credentials: req.credentials,
      signal: req.signal,
    };
    calls.push(call);
    return new Promise<Response>((resolve, reject) => {
      const abort = () => reject(req.signal.reason ?? new DOMException('Aborted', 'AbortError'));
      if (req.signal.aborted) return abort();
      req.signal.addEventListener('abort', abort);
      Promise.resolve(handler(call)).then(resolve, reject);
    });
  };
  const count = (path: string, method = 'GET') =>
    calls.filter((c) => c.method === method && c.url.pathname.endsWith(path)).length;
  return { fetch: fetch as typeof globalThis.fetch, calls, count };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** A JWT-shaped shopper token (unsigned: the client never verifies it, the API does). */
export function jwt(claims: { pid?: string; exp?: number; iat?: number } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ pid: 'p1', iat: now, exp: now + 900, ...claims })}.sig`;
}

export const BALANCES = {
  reward_balance: 15,
  point_balance: 1234,
  point_balance_dollars: 12.34,
  benefit_balance: 0,
  combined_balance_dollars: 27.34,
  currency: 'AUD',
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `test()` is (or resolves to) true, polling; fails after `ms`. */
export async function until(test: () => unknown, ms = 3000, what = 'condition') {
  const end = performance.now() + ms;
  while (!(await test())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** The text a shopper sees in an element's shadow root (slotted text included), whitespace folded. */
export function seen(el: Element): string {
  const walk = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
    if (n instanceof HTMLSlotElement) {
      const assigned = n.assignedNodes({ flatten: true });
      return (assigned.length ? assigned : [...n.childNodes]).map(walk).join('');
    }
    if (
      n instanceof Element &&
      (n.matches('.sr-only, [aria-hidden="true"], style, script') || getComputedStyle(n).display === 'none')
    )
      return '';
    const root = (n as Element).shadowRoot;
    return [...(root ?? n).childNodes].map(walk).join('');
  };
  return walk(el).replace(/\s+/g, ' ').trim();
}

/** The element's part `name` in its shadow root. */
export const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement | null;
