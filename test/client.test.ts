import { expect } from '@open-wc/testing';
import { createOmneoClient, OmneoError, type OmneoClientOptions, type ResourceState } from '../src/index.js';
import { BALANCES, fakeFetch, json, jwt, sleep, until, type Handler } from './helpers.js';

const BASE = 'https://api.acme.getomneo.com/id/api/v1';
const now = () => Math.floor(Date.now() / 1000);

/** An API that answers balances, and a token endpoint at `/omneo/token`. */
function api(overrides: Record<string, Handler> = {}) {
  const routes: Record<string, Handler> = {
    'POST /omneo/token': () => json({ token: jwt(), exp: now() + 900 }),
    'GET /id/api/v1/profiles/me/balances': () => json({ data: BALANCES }),
    ...overrides,
  };
  return fakeFetch((call) => {
    const route = routes[`${call.method} ${call.url.pathname}`];
    return route ? route(call) : json({ message: 'Not found.' }, 404);
  });
}

function client(f: ReturnType<typeof fakeFetch>, options: Partial<OmneoClientOptions> = {}) {
  return createOmneoClient({ baseUrl: BASE, tokenUrl: '/omneo/token', fetch: f.fetch, ...options });
}

async function failure(p: Promise<unknown>): Promise<OmneoError> {
  try {
    await p;
  } catch (e) {
    return e as OmneoError;
  }
  throw new Error('expected a failure');
}

const balances = { type: 'balances' } as const;

describe('OmneoClient', () => {
  describe('base URL', () => {
    it('is built from the tenant', async () => {
      const f = api();
      await createOmneoClient({ tenant: 'acme', tokenUrl: '/omneo/token', fetch: f.fetch }).get(balances);
      expect(f.calls[1].url.href).to.equal(`${BASE}/profiles/me/balances`);
    });

    it('takes base-url over the tenant', async () => {
      const f = fakeFetch((c) => (c.url.pathname === '/omneo/token' ? json({ token: 't' }) : json({ data: BALANCES })));
      await createOmneoClient({
        tenant: 'acme',
        baseUrl: 'http://127.0.0.1:9/id/api/v1/',
        tokenUrl: '/omneo/token',
        fetch: f.fetch,
      }).get(balances);
      expect(f.calls[1].url.href).to.equal('http://127.0.0.1:9/id/api/v1/profiles/me/balances');
    });

    it('refuses to build without a tenant or base URL', () => {
      expect(() => createOmneoClient({ tokenUrl: '/t' })).to.throw(OmneoError, /tenant or base-url/);
    });
  });

  describe('pages of a list', () => {
    /** A rewards API whose pagination never ends: every page says there is one more. */
    function endless(perPage: (page: number) => unknown[]) {
      return fakeFetch((c) => {
        if (c.url.pathname === '/omneo/token') return json({ token: jwt() });
        const page = Number(c.url.searchParams.get('page[number]'));
        return json({ data: perPage(page), meta: { current_page: page, last_page: 1_000_000 } });
      });
    }
    const reward = (id: number) => ({ id, value_remaining: 5, expires_at: null, definition: { name: `Reward ${id}` } });
    const pagesRead = (f: ReturnType<typeof fakeFetch>) => f.calls.filter((c) => c.url.pathname.endsWith('/rewards')).length;

    it('reads only the pages its limit needs', async () => {
      const f = endless((page) => Array.from({ length: 15 }, (_, i) => reward(page * 100 + i)));
      const list = await createOmneoClient({ tenant: 'acme', tokenUrl: '/omneo/token', fetch: f.fetch }).get({
        type: 'list',
        source: 'rewards',
        limit: 40,
      });
      expect(list.items.length).to.equal(40);
      expect(pagesRead(f)).to.equal(3);
    });

    it('follows a pagination that never ends for 20 pages more than its limit needs, no further', async () => {
      // The same 15 rewards on every page: none is new after the first.
      const f = endless(() => Array.from({ length: 15 }, (_, i) => reward(i)));
      const list = await createOmneoClient({ tenant: 'acme', tokenUrl: '/omneo/token', fetch: f.fetch }).get({
        type: 'list',
        source: 'rewards',
        limit: 50,
      });
      expect(list.items.length).to.equal(15);
      expect(pagesRead(f)).to.equal(Math.ceil(50 / 15) + 20);
    });

    it('reads a thousand items when the limit asks for them', async () => {
      const f = endless((page) => (page <= 67 ? Array.from({ length: 15 }, (_, i) => reward(page * 100 + i)) : []));
      const list = await createOmneoClient({ tenant: 'acme', tokenUrl: '/omneo/token', fetch: f.fetch }).get({
        type: 'list',
        source: 'rewards',
        limit: 1000,
      });
      expect(list.items.length).to.equal(1000);
      expect(pagesRead(f)).to.equal(67);
    });
  });

  describe('token', () => {
    it('POSTs the token endpoint with same-origin credentials and no body, then sends the token as a Bearer', async () => {
      const token = jwt();
      const f = api({ 'POST /omneo/token': () => json({ token, exp: now() + 900 }) });
      expect(await client(f).get(balances)).to.deep.equal(BALANCES);
      const [t, b] = f.calls;
      expect(t.method).to.equal('POST');
      expect(t.url.href).to.equal(new URL('/omneo/token', location.href).href);
      expect(t.credentials).to.equal('same-origin');
      expect(t.body).to.equal('');
      expect(t.headers.get('accept')).to.equal('application/json');
      expect(b.headers.get('authorization')).to.equal(`Bearer ${token}`);
      expect(b.headers.get('accept')).to.equal('application/json');
    });

    it("accepts Omneo's own {data: {token, exp}} envelope", async () => {
      const token = jwt();
      const f = api({ 'POST /omneo/token': () => json({ data: { token, exp: now() + 900 } }) });
      await client(f).get(balances);
      expect(f.calls[1].headers.get('authorization')).to.equal(`Bearer ${token}`);
    });

    it('asks once for every caller at the same time', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/benefits': () => json({ data: [], meta: { current_page: 1, last_page: 1 } }) });
      const c = client(f);
      await Promise.all([c.get(balances), c.get({ type: 'list', source: 'benefits', limit: 5 }), c.get(balances)]);
      expect(f.count('/omneo/token', 'POST')).to.equal(1);
      expect(f.count('/balances')).to.equal(1);
      expect(f.count('/benefits')).to.equal(1);
    });

    it('is renewed shortly before exp, and not before', async () => {
      const f = api({ 'POST /omneo/token': () => json({ token: jwt({ iat: now(), exp: now() + 300 }) }) });
      const c = client(f);
      await c.get(balances);
      const real = Date.now;
      try {
        Date.now = () => real() + 200_000; // 100 s before exp: the token is still good
        c.invalidate();
        await c.get(balances);
        expect(f.count('/omneo/token', 'POST')).to.equal(1);
        Date.now = () => real() + 250_000; // 50 s before exp: time for a new one
        c.invalidate();
        await c.get(balances);
        expect(f.count('/omneo/token', 'POST')).to.equal(2);
      } finally {
        Date.now = real;
      }
    });

    it("takes exp from the JWT's claim when the endpoint gives none", async () => {
      const f = api({ 'POST /omneo/token': () => json({ token: jwt({ iat: now(), exp: now() + 100 }) }) });
      const c = client(f);
      await c.get(balances);
      const real = Date.now;
      try {
        Date.now = () => real() + 60_000; // past exp − half its life
        c.invalidate();
        await c.get(balances);
      } finally {
        Date.now = real;
      }
      expect(f.count('/omneo/token', 'POST')).to.equal(2);
    });

    it('is not renewed in a loop when the browser clock is minutes off', async () => {
      // Server time is 10 minutes behind the browser: by the browser's clock the token is already expired.
      const server = now() - 600;
      const f = api({ 'POST /omneo/token': () => json({ token: jwt({ iat: server, exp: server + 300 }) }) });
      const c = client(f);
      await c.get(balances);
      c.invalidate();
      await c.get(balances);
      expect(f.count('/omneo/token', 'POST')).to.equal(1);
    });

    it('is renewed before exp when it was minted a while ago (a cached token with 10 minutes left)', async () => {
      const f = api({ 'POST /omneo/token': () => json({ token: jwt({ iat: now() - 3000, exp: now() + 600 }) }) });
      const c = client(f);
      await c.get(balances);
      const real = Date.now;
      try {
        Date.now = () => real() + 560_000; // 40 s before exp
        c.invalidate();
        await c.get(balances);
      } finally {
        Date.now = real;
      }
      expect(f.count('/omneo/token', 'POST')).to.equal(2);
    });

    it('treats an anonymous token (pid "null", what {"id": ""} mints) as nobody signed in, and calls no API', async () => {
      const f = api({ 'POST /omneo/token': () => json({ token: jwt({ pid: 'null' }) }) });
      const states: string[] = [];
      client(f).subscribe(balances, (s) => states.push(s.status));
      await until(() => states.includes('signed-out'));
      expect(f.count('/balances')).to.equal(0);
    });

    it('asks again after invalidate({token: true}) when the request in flight was sent before the sign-in', async () => {
      let asked = 0;
      let answerFirst!: () => void;
      const f = api({
        'POST /omneo/token': () => {
          asked++;
          if (asked > 1) return json({ token: jwt() });
          // Sent while nobody was signed in; it answers so, but only after the sign-in.
          return new Promise<Response>((resolve) => (answerFirst = () => resolve(json({ message: 'Not signed in.' }, 401))));
        },
      });
      const c = client(f);
      const states: string[] = [];
      c.subscribe(balances, (s) => states.push(s.status));
      await until(() => asked === 1);
      // The shopper signs in; the page asks for everything again, the token too (provider.refresh()).
      c.invalidate({ token: true });
      answerFirst();
      await until(() => states.at(-1) === 'ready' || states.at(-1) === 'signed-out');
      expect(states.at(-1)).to.equal('ready');
      expect(asked).to.equal(2);
    });

    it('on a 401 from the API, gets one new token and retries the request once', async () => {
      let n = 0;
      const tokens = [jwt({ pid: 'p1' }), jwt({ pid: 'p1', exp: now() + 901 })];
      const f = api({
        'POST /omneo/token': () => json({ token: tokens[n++] }),
        'GET /id/api/v1/profiles/me/balances': (call) =>
          call.headers.get('authorization') === `Bearer ${tokens[0]}`
            ? json({ message: 'Unauthenticated.' }, 401)
            : json({ data: BALANCES }),
      });
      const c = client(f);
      const [a, b] = await Promise.all([c.get(balances), c.get({ type: 'list', source: 'rewards', limit: 1 }).catch(() => 'x')]);
      expect(a).to.deep.equal(BALANCES);
      expect(b).to.equal('x'); // rewards are not routed: a 404, reported
      expect(f.count('/omneo/token', 'POST')).to.equal(2);
      expect(f.count('/balances')).to.equal(2);
    });

    it('gives an auth error when the new token is refused too', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => json({ message: 'Unauthenticated.' }, 401) });
      const e = await failure(client(f).get(balances));
      expect(e).to.be.instanceOf(OmneoError);
      expect(e.kind).to.equal('auth');
      expect(e.status).to.equal(401);
      expect(e.message).to.equal('Unauthenticated.');
      expect(f.count('/omneo/token', 'POST')).to.equal(2);
      expect(f.count('/balances')).to.equal(2);
    });

    // The contract's `token` (server-rendered) with `token-url` to renew it: the page's token serves
    // first, so a page that renders one needs no token request.
    it('uses the page token first when token-url is set too, and asks token-url once when the API refuses it', async () => {
      const pageToken = jwt({ pid: 'p1', exp: now() + 900 });
      const renewed = jwt({ pid: 'p1', exp: now() + 901 });
      let refuse = false;
      const f = api({
        'POST /omneo/token': () => json({ token: renewed }),
        'GET /id/api/v1/profiles/me/balances': (call) =>
          refuse && call.headers.get('authorization') === `Bearer ${pageToken}`
            ? json({ message: 'Unauthenticated.' }, 401)
            : json({ data: BALANCES }),
      });
      const c = client(f, { token: pageToken });
      expect(await c.get(balances)).to.deep.equal(BALANCES);
      expect(f.calls.map((call) => call.headers.get('authorization'))).to.deep.equal([`Bearer ${pageToken}`]);
      expect(f.count('/omneo/token', 'POST')).to.equal(0);

      refuse = true;
      c.invalidate();
      expect(await c.get(balances)).to.deep.equal(BALANCES);
      expect(f.calls.slice(1).map((call) => [call.method, call.url.pathname, call.headers.get('authorization')])).to.deep.equal([
        ['GET', '/id/api/v1/profiles/me/balances', `Bearer ${pageToken}`],
        ['POST', '/omneo/token', null],
        ['GET', '/id/api/v1/profiles/me/balances', `Bearer ${renewed}`],
      ]);
    });

    it('gives an auth error at once for a page token that cannot be renewed', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => json({ message: 'Unauthenticated.' }, 401) });
      const e = await failure(createOmneoClient({ baseUrl: BASE, token: jwt(), fetch: f.fetch }).get(balances));
      expect(e.kind).to.equal('auth');
      expect(f.calls.length).to.equal(1);
    });

    for (const status of [401, 204]) {
      it(`treats ${status} from the token endpoint as signed out, and calls no API`, async () => {
        const f = api({ 'POST /omneo/token': () => json({ message: 'Not signed in.' }, status) });
        const states: string[] = [];
        client(f).subscribe(balances, (s) => states.push(s.status));
        await until(() => states.includes('signed-out'));
        expect(states).to.deep.equal(['loading', 'signed-out']);
        expect(f.calls.length).to.equal(1);
      });
    }

    it('takes a token from tokenProvider, as a string or {token, exp}', async () => {
      const f = api();
      const token = jwt();
      await createOmneoClient({ baseUrl: BASE, tokenProvider: async () => token, fetch: f.fetch }).get(balances);
      await createOmneoClient({ baseUrl: BASE, tokenProvider: () => ({ token, exp: now() + 60 }), fetch: f.fetch }).get(balances);
      expect(f.calls.map((c) => c.headers.get('authorization'))).to.deep.equal([`Bearer ${token}`, `Bearer ${token}`]);
    });

    it("does not take a token endpoint's 404 for the API's 'no tier'", async () => {
      const f = api({ 'POST /omneo/token': () => json({ message: 'Not found.' }, 404) });
      const e = await failure(client(f).get({ type: 'tiers' }));
      expect(e.kind).to.equal('token');
      expect(e.status).to.equal(404);
      expect(f.count('/tiers')).to.equal(0);
    });

    it('reports a token endpoint that is down as a token error, with its status, after bounded retries', async () => {
      const f = api({ 'POST /omneo/token': () => json({ message: 'down' }, 503) });
      const e = await failure(client(f).get(balances));
      expect(e.kind).to.equal('token');
      expect(e.status).to.equal(503);
      expect(f.count('/omneo/token', 'POST')).to.equal(3);
    });

    it('clears the cache when the token is for another shopper', async () => {
      let pid = 'p1';
      let n = 0;
      const f = api({
        'POST /omneo/token': () => json({ token: jwt({ pid, exp: now() + 900 + n++ }) }),
        'GET /id/api/v1/profiles/me/balances': () => json({ data: { ...BALANCES, point_balance: pid === 'p1' ? 1 : 2 } }),
      });
      const c = client(f);
      const seen: (number | undefined)[] = [];
      c.subscribe(balances, (s) => seen.push(s.value?.point_balance));
      await until(() => seen.includes(1));
      pid = 'p2';
      const real = Date.now;
      Date.now = () => real() + 15 * 60_000; // past the first token's renewal time
      try {
        c.invalidate();
        await until(() => seen.includes(2));
      } finally {
        Date.now = real;
      }
      // Between the two shoppers the widget saw "loading", never the first shopper's value.
      expect(seen).to.deep.equal([undefined, 1, undefined, 2]);
    });
  });

  describe('a redeem while another shopper signs in (another tab)', () => {
    /** The shopper (`pid`) of the token a call carried. */
    const pidOf = (call: { headers: Headers }) => JSON.parse(atob(call.headers.get('authorization')!.split('.')[1])).pid;

    for (const how of ['the token falls due', 'the API refuses the token (401)']) {
      it(`sends nothing for the new shopper when ${how}`, async () => {
        let pid = 'ava';
        let refuseAva = false;
        const f = api({
          'POST /omneo/token': () => json({ token: jwt({ pid }) }),
          'POST /id/api/v1/profiles/me/redeem': (call) =>
            refuseAva && pidOf(call) === 'ava'
              ? json({ message: 'Unauthenticated.' }, 401)
              : json({ data: { id: 1, total: 10 } }),
        });
        const c = client(f);
        await c.get(balances);
        // In another tab Ava signs out and Ben signs in: the host's endpoint now mints Ben's tokens.
        pid = 'ben';
        const real = Date.now;
        if (how === 'the token falls due') Date.now = () => real() + 15 * 60_000;
        else refuseAva = true;
        try {
          const e = await failure(c.redeem({ amount: 10 }));
          expect(e.kind).to.equal('auth');
        } finally {
          Date.now = real;
        }
        // Ava's balance was on screen and the redeem was hers: nothing went out with Ben's token.
        const sent = f.calls.filter((call) => call.url.pathname.endsWith('/redeem'));
        expect(sent.map(pidOf)).to.deep.equal(how === 'the token falls due' ? [] : ['ava']);
      });
    }
  });

  describe('cache', () => {
    it('shares one request among many callers, and answers later callers from the cache', async () => {
      const f = api();
      const c = client(f);
      await Promise.all(Array.from({ length: 20 }, () => c.get(balances)));
      await c.get(balances);
      expect(f.count('/balances')).to.equal(1);
    });

    it('calls every subscriber with the value, and again after invalidate(), with one refetch', async () => {
      let points = 100;
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => json({ data: { ...BALANCES, point_balance: points } }) });
      const c = client(f);
      const a: ResourceState<unknown>[] = [];
      const b: ResourceState<unknown>[] = [];
      c.subscribe(balances, (s) => a.push(s));
      c.subscribe(balances, (s) => b.push(s));
      await until(() => a.at(-1)?.status === 'ready' && b.at(-1)?.status === 'ready');
      points = 200;
      c.invalidate();
      await until(() => a.at(-1)?.value.point_balance === 200 && b.at(-1)?.value.point_balance === 200);
      expect(f.count('/balances')).to.equal(2);
      // The old value stays on screen while the new one loads: no flash of "loading".
      expect(a.map((s) => s.status)).to.deep.equal(['loading', 'ready', 'ready']);
    });

    it('keeps the last value through a failed refetch and the next one', async () => {
      let answer = () => json({ data: { ...BALANCES, point_balance: 100 } });
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => answer() });
      const c = client(f, { retries: 0 });
      const got: ResourceState<{ point_balance: number }>[] = [];
      c.subscribe(balances, (s) => got.push(s));
      await until(() => got.at(-1)?.status === 'ready');
      answer = () => json({ message: 'Server Error' }, 500);
      c.invalidate();
      await until(() => got.at(-1)?.status === 'error');
      answer = () => json({ data: { ...BALANCES, point_balance: 200 } });
      c.invalidate();
      await until(() => got.at(-1)?.value?.point_balance === 200);
      // Once known, the balance is never replaced by a skeleton: not on the error, not while it is read again.
      expect(got.map((s) => s.status)).to.deep.equal(['loading', 'ready', 'error', 'loading', 'ready']);
      expect(got.slice(1).map((s) => s.value?.point_balance)).to.deep.equal([100, 100, 100, 200]);
    });

    it('stops telling a subscriber once it unsubscribes', async () => {
      const f = api();
      const c = client(f);
      const got: string[] = [];
      const off = c.subscribe(balances, (s) => got.push(s.status));
      await until(() => got.includes('ready'));
      off();
      c.invalidate();
      await sleep(50);
      expect(got).to.deep.equal(['loading', 'ready']);
      expect(f.count('/balances')).to.equal(1);
    });

    it('aborts a request that became stale', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => new Promise(() => {}) });
      const c = client(f);
      const off = c.subscribe(balances, () => {});
      await until(() => f.count('/balances') === 1);
      const request = f.calls[1];
      expect(request.signal.aborted).to.equal(false);
      off();
      expect(request.signal.aborted).to.equal(true);
      // A second subscriber starts afresh: the first request was dropped with its last subscriber.
      c.subscribe(balances, () => {});
      await until(() => f.count('/balances') === 2);
    });

    it('lets a caller abort its wait', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => new Promise(() => {}) });
      const ctl = new AbortController();
      const p = client(f).get(balances, ctl.signal);
      ctl.abort();
      const e = await failure(p);
      expect((e as Error).name).to.equal('AbortError');
    });
  });

  describe('retries', () => {
    it('retries a GET on 503 with backoff, then succeeds', async () => {
      let n = 0;
      const f = api({
        'GET /id/api/v1/profiles/me/balances': () => (n++ < 2 ? json({ message: 'busy' }, 503) : json({ data: BALANCES })),
      });
      expect(await client(f).get(balances)).to.deep.equal(BALANCES);
      expect(f.count('/balances')).to.equal(3);
    });

    for (const status of [408, 429, 500, 502, 504, 507, 520]) {
      it(`retries ${status} at most twice`, async () => {
        const f = api({ 'GET /id/api/v1/profiles/me/balances': () => json({ message: `status ${status}` }, status) });
        const e = await failure(client(f).get(balances));
        expect(e.kind).to.equal('http');
        expect(e.status).to.equal(status);
        expect(e.message).to.equal(`status ${status}`);
        expect(f.count('/balances')).to.equal(3);
      });
    }

    // The contract: GETs are retried on 408, 429 and 5xx, "honouring Retry-After" (ky alone reads it
    // on 413, 429 and 503 only).
    for (const status of [429, 408, 500, 502, 504]) {
      it(`honours Retry-After on a ${status}`, async () => {
        const at: number[] = [];
        const f = api({
          'GET /id/api/v1/profiles/me/balances': () => (
            at.push(performance.now()),
            at.length === 1 ? json({ message: 'slow down' }, status, { 'Retry-After': '1' }) : json({ data: BALANCES })
          ),
        });
        await client(f).get(balances);
        expect(at[1] - at[0]).to.be.at.least(950);
      });
    }

    it('does not retry a 404', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => json({ message: 'No profile.' }, 404) });
      const e = await failure(client(f).get(balances));
      expect(e.status).to.equal(404);
      expect(e.message).to.equal('No profile.');
      expect(f.count('/balances')).to.equal(1);
    });

    it('gives up on an attempt after the timeout', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => new Promise(() => {}) });
      const e = await failure(client(f, { timeout: 150 }).get(balances));
      expect(e.kind).to.equal('network');
      expect(e.message).to.match(/too long/);
    });

    it('reports a dropped connection as a network error', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => Promise.reject(new TypeError('Failed to fetch')) });
      const e = await failure(client(f).get(balances));
      expect(e.kind).to.equal('network');
      expect(f.count('/balances')).to.equal(3);
    });
  });

  describe('answers', () => {
    it('rejects a body that is not JSON', async () => {
      const f = api({
        'GET /id/api/v1/profiles/me/balances': () =>
          new Response('<html>Oops</html>', { headers: { 'Content-Type': 'text/html' } }),
      });
      const e = await failure(client(f).get(balances));
      expect(e.kind).to.equal('invalid-response');
      expect(e.message).to.match(/not JSON/);
    });

    it('rejects a truncated body', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => new Response('{"data": {"point_bal') });
      expect((await failure(client(f).get(balances))).kind).to.equal('invalid-response');
    });

    for (const [field, value] of [
      ['point_balance', '1234'],
      ['combined_balance_dollars', null],
      ['reward_balance', 'NaN'],
      ['point_balance_dollars', undefined],
    ] as const) {
      it(`rejects balances whose ${field} is ${JSON.stringify(value) ?? 'missing'}, naming it`, async () => {
        const f = api({ 'GET /id/api/v1/profiles/me/balances': () => json({ data: { ...BALANCES, [field]: value } }) });
        const e = await failure(client(f).get(balances));
        expect(e.kind).to.equal('invalid-response');
        expect(e.message).to.contain(`balances.${field}`);
      });
    }

    it('rejects an answer without the data envelope', async () => {
      const f = api({ 'GET /id/api/v1/profiles/me/balances': () => json(BALANCES) });
      expect((await failure(client(f).get(balances))).kind).to.equal('invalid-response');
    });

    it('sends an amount as the whole cents it is, and nothing for an amount finer than a cent', async () => {
      const f = api({ 'POST /id/api/v1/profiles/me/redeem': () => json({ data: {} }) });
      const c = client(f);
      await c.redeem({ amount: 0.1 + 0.2 });
      const e = await failure(c.redeem({ amount: 10.005 }));
      expect(e.kind).to.equal('invalid-request');
      const sent = f.calls.filter((call) => call.url.pathname.endsWith('/redeem')).map((call) => call.body);
      expect(sent).to.deep.equal(['{"amount":0.3}']);
    });

    it('carries the API message, status and field errors of a refusal', async () => {
      const f = api({
        'POST /id/api/v1/profiles/me/redeem': () =>
          json(
            { message: 'The given data was invalid.', errors: { amount: ['The amount exceeds the available balance.'] } },
            422,
          ),
      });
      const e = await failure(client(f).redeem({ amount: 500 }));
      expect(e.kind).to.equal('http');
      expect(e.status).to.equal(422);
      expect(e.message).to.equal('The given data was invalid.');
      expect(e.errors).to.deep.equal({ amount: ['The amount exceeds the available balance.'] });
    });
  });
});
