/**
 * Faults: whatever the network, the API or the token endpoint does, every widget ends in a designed
 * state, nothing uncaught reaches the page, retries are few and spaced, the token is renewed once,
 * and every click redeems at most once.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import { createOmneoClient, type OmneoClient, type OmneoProvider } from '../src/index.js';
import { en } from '../src/internal/strings.js';
import { MockOmneo } from './mock.js';
import { part, seen, sleep, until } from './helpers.js';
import { expectDesigned, gaps, logged, sentGaps, shown, watchPage, type PageWatch, type Shown } from './fault-helpers.js';

const BALANCES = '/profiles/me/balances';
const REWARDS = '/profiles/me/rewards';
const BENEFITS = '/profiles/me/benefits';
const REDEEM = '/profiles/me/redeem';
const TOKEN = '/auth/token';

/** A storefront page: a balance, a rewards list, a benefits list and a $10 redeem button under one provider. */
async function storefront(
  mock: MockOmneo,
  options: { tokenUrl?: string; client?: OmneoClient; tokenProvider?: () => Promise<unknown> } = {},
) {
  const p = await fixture<OmneoProvider>(html`<omneo-provider
    base-url=${mock.baseUrl}
    token-url=${ifDefined(options.tokenProvider ? undefined : (options.tokenUrl ?? mock.tokenUrl))}
    .tokenProvider=${options.tokenProvider}
    .client=${options.client}
    locale="en-AU"
    ><omneo-points-balance kind="combined"></omneo-points-balance>
    <omneo-rewards-list></omneo-rewards-list>
    <omneo-rewards-list source="benefits"></omneo-rewards-list>
    <omneo-redeem-button amount="10"></omneo-redeem-button
  ></omneo-provider>`);
  const balance = p.querySelector('omneo-points-balance')!;
  const [rewards, benefits] = p.querySelectorAll('omneo-rewards-list');
  const button = p.querySelector('omneo-redeem-button')!;
  return { p, balance, rewards, benefits, button, widgets: [balance, rewards, benefits, button] };
}

const inner = (el: Element) => part(el, 'button') as HTMLButtonElement;
const message = (el: Element) => seen(part(el, 'message')!);
const valueOf = (el: Element) => (shown(el) === 'value' ? part(el, 'value')!.textContent : undefined);

/** The button, once the balances are known and it can be clicked. */
async function ready(button: Element) {
  await until(() => inner(button)?.getAttribute('aria-disabled') === 'false', 4000, 'the button to be ready');
  return button;
}

/** Waits `ms`, then checks that no request reached the mock meanwhile: no retry loop, no storm. */
async function expectQuiet(mock: MockOmneo, ms = 300) {
  const before = (await mock.requests()).length;
  await sleep(ms);
  const after = await mock.requests();
  expect(
    after.slice(before).map((r) => `${r.method} ${r.path}`),
    'requests after the widgets settled',
  ).to.deep.equal([]);
}

/** Three attempts, spaced by ky's backoff (300 ms, then 600 ms) or by `Retry-After`. */
function expectBackoff(gapsMs: number[], first = 300, second = 600) {
  expect(gapsMs.length, 'retries').to.equal(2);
  expect(gapsMs[0], 'first gap').to.be.at.least(first - 20);
  expect(gapsMs[1], 'second gap').to.be.at.least(second - 20);
}

/** The body of a one-page list of `items`. */
const page = (items: unknown[]) => ({ data: items, meta: { current_page: 1, last_page: 1, total: items.length } });

describe('faults', () => {
  let mock: MockOmneo;
  let watch: PageWatch;
  beforeEach(async () => {
    mock = await MockOmneo.create();
    watch = watchPage();
  });
  afterEach(() => watch.stop());

  describe('the ID API', () => {
    interface Case {
      name: string;
      faults: object[] | ((mock: MockOmneo) => Promise<object[]>);
      /** What the balance, the rewards list, the benefits list and the button end showing. */
      shows: [Shown, Shown, Shown, Shown];
      /** GETs per route; a route with 3 was retried twice with backoff. */
      gets: Partial<Record<string, number>>;
      /** The gaps between the attempts of a retried route, when not ky's backoff. */
      spacing?: [number, number];
      /**
       * Chromium itself sends a request again when a reused keep-alive connection closes before any
       * answer (a few times at most; up to 3 seen): each of the page's attempts may reach the API more than once.
       */
      resent?: boolean;
    }

    const cases: Case[] = [
      {
        name: 'balances answer 500',
        faults: [{ path: BALANCES, status: 500, body: { message: 'Server Error' } }],
        shows: ['error', 'value', 'value', 'error'],
        gets: { [BALANCES]: 3, [REWARDS]: 1, [BENEFITS]: 1 },
      },
      {
        name: 'rewards answer 503',
        faults: [{ path: REWARDS, status: 503, body: 'Service Unavailable' }],
        shows: ['value', 'error', 'value', 'value'],
        gets: { [BALANCES]: 1, [REWARDS]: 3, [BENEFITS]: 1 },
      },
      {
        name: 'benefits answer 404',
        faults: [{ path: BENEFITS, status: 404, body: { message: 'Not found.' } }],
        shows: ['value', 'value', 'error', 'value'],
        gets: { [BALANCES]: 1, [REWARDS]: 1, [BENEFITS]: 1 },
      },
      {
        name: 'balances answer 429 with Retry-After: 1, every time',
        faults: [{ path: BALANCES, status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too Many Attempts.' } }],
        shows: ['error', 'value', 'value', 'error'],
        gets: { [BALANCES]: 3, [REWARDS]: 1, [BENEFITS]: 1 },
        spacing: [1000, 1000],
      },
      {
        name: 'the connection drops on balances',
        faults: [{ path: BALANCES, drop: true }],
        shows: ['error', 'value', 'value', 'error'],
        gets: { [BALANCES]: 3, [REWARDS]: 1, [BENEFITS]: 1 },
        resent: true,
      },
      {
        name: 'balances answer 200 with an HTML page',
        faults: [{ path: BALANCES, status: 200, body: '<!doctype html><html><body><h1>Maintenance</h1></body></html>' }],
        shows: ['error', 'value', 'value', 'error'],
        gets: { [BALANCES]: 1, [REWARDS]: 1, [BENEFITS]: 1 },
      },
      {
        name: "rewards answer a proxy's 502 HTML page",
        faults: [{ path: REWARDS, status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }],
        shows: ['value', 'error', 'value', 'value'],
        gets: { [BALANCES]: 1, [REWARDS]: 3, [BENEFITS]: 1 },
      },
      {
        name: 'balances answer truncated JSON',
        faults: [{ path: BALANCES, status: 200, body: '{"data": {"reward_balance": 15, "point_bal' }],
        shows: ['error', 'value', 'value', 'error'],
        gets: { [BALANCES]: 1, [REWARDS]: 1, [BENEFITS]: 1 },
      },
      {
        name: 'rewards answer truncated JSON',
        faults: [{ path: REWARDS, status: 200, body: '{"data": [{"id": 101, "value_remaining": 1' }],
        shows: ['value', 'error', 'value', 'value'],
        gets: { [BALANCES]: 1, [REWARDS]: 1, [BENEFITS]: 1 },
      },
      {
        name: 'balances carry a number as a string',
        faults: async (m) => [
          { path: BALANCES, status: 200, body: { data: { ...(await m.state()).balances, combined_balance_dollars: '57.34' } } },
        ],
        shows: ['error', 'value', 'value', 'error'],
        gets: { [BALANCES]: 1, [REWARDS]: 1, [BENEFITS]: 1 },
      },
      {
        // That reward alone is left out (a named test in rewards-list.test.ts checks which are shown).
        name: 'a reward carries value_remaining: "5"',
        faults: async (m) => {
          const [first, ...rest] = (await m.state()).rewards.filter((r) => r.is_active);
          return [{ path: REWARDS, status: 200, body: page([{ ...first, value_remaining: '5' }, ...rest]) }];
        },
        shows: ['value', 'value', 'value', 'value'],
        gets: { [BALANCES]: 1, [REWARDS]: 1, [BENEFITS]: 1 },
      },
      {
        name: 'rewards carry data: {} instead of a list',
        faults: [{ path: REWARDS, status: 200, body: { data: {} } }],
        shows: ['value', 'error', 'value', 'value'],
        gets: { [BALANCES]: 1, [REWARDS]: 1, [BENEFITS]: 1 },
      },
      {
        name: 'benefits carry data: null and balances data: []',
        faults: [
          { path: BENEFITS, status: 200, body: { data: null } },
          { path: BALANCES, status: 200, body: { data: [] } },
        ],
        shows: ['error', 'value', 'error', 'error'],
        gets: { [BALANCES]: 1, [REWARDS]: 1, [BENEFITS]: 1 },
      },
    ];

    for (const c of cases) {
      it(`${c.name}: every widget ends designed, retries are bounded and spaced, one token`, async () => {
        await mock.faults(typeof c.faults === 'function' ? await c.faults(mock) : c.faults);
        const { widgets } = await storefront(mock);
        await expectDesigned(widgets, c.shows, 6000);
        const log = await mock.requests();
        for (const [path, n] of Object.entries(c.gets)) {
          // What the page sent, and what reached the API.
          const sent = watch.to(path);
          const calls = log.filter((r) => r.method === 'GET' && r.path === path);
          expect(sent.length, `GETs of ${path} the page sent`).to.equal(n);
          if (n === 3) expectBackoff(sentGaps(sent), ...(c.spacing ?? []));
          if (c.resent) {
            expect(calls.length, `GETs of ${path} at the API`).to.be.within(n, 4 * n!);
          } else {
            expect(calls.length, `GETs of ${path} at the API`).to.equal(n);
            if (n === 3) expectBackoff(gaps(calls), ...(c.spacing ?? []));
          }
        }
        expect(log.filter((r) => r.path === TOKEN).length, 'token requests').to.equal(1);
        await expectQuiet(mock);
        await watch.expectNoPageErrors();
      });
    }

    it('429 with Retry-After once: waits as told, then shows the balance', async () => {
      await mock.faults([{ path: BALANCES, status: 429, times: 1, headers: { 'Retry-After': '1' } }]);
      const { widgets, balance } = await storefront(mock);
      await expectDesigned(widgets, 'value', 4000);
      expect(valueOf(balance)).to.equal('$57.34');
      const calls = await logged(mock, BALANCES);
      expect(calls.length).to.equal(2);
      expect(gaps(calls)[0]).to.be.at.least(980);
      await watch.expectNoPageErrors();
    });

    it('latency of 500 ms on every answer: the loading state, then the data, with one request per route', async () => {
      await mock.faults([{ path: '*', delayMs: 500 }]);
      const { widgets, balance, button } = await storefront(mock);
      await sleep(100);
      expect(widgets.map(shown)).to.deep.equal(['loading', 'loading', 'loading', 'loading']);
      // Loading is said to assistive technology, and the button cannot be used yet.
      expect(balance.shadowRoot!.querySelector('.sr-only')!.textContent).to.equal(en.loading);
      expect(inner(button).getAttribute('aria-disabled')).to.equal('true');
      await expectDesigned(widgets, 'value', 4000);
      expect(valueOf(balance)).to.equal('$57.34');
      const log = await mock.requests();
      expect(log.map((r) => `${r.method} ${r.path}`).sort()).to.deep.equal([
        `GET ${BALANCES}`,
        `GET ${BENEFITS}`,
        `GET ${REWARDS}`,
        `POST ${TOKEN}`,
      ]);
      await expectQuiet(mock);
      await watch.expectNoPageErrors();
    });

    describe('timeouts (the client gives an attempt 300 ms)', () => {
      it('a hanging API: every widget shows the error, each route asked once (timeouts are not retried)', async () => {
        await mock.faults([{ path: '/profiles/me*', method: 'GET', hang: true }]);
        const client = createOmneoClient({ baseUrl: mock.baseUrl, tokenUrl: mock.tokenUrl, timeout: 300 });
        const { widgets } = await storefront(mock, { client });
        await expectDesigned(widgets, 'error', 4000);
        const log = await mock.requests();
        for (const path of [BALANCES, REWARDS, BENEFITS]) expect(log.filter((r) => r.path === path).length, path).to.equal(1);
        expect(log.filter((r) => r.path === TOKEN).length).to.equal(1);
        // The page gave up on each request: none is left open.
        expect(watch.sent.filter((s) => !s.outcome).map((s) => s.url.pathname)).to.deep.equal([]);
        await expectQuiet(mock);
        await watch.expectNoPageErrors();
      });

      it('a slow answer that comes in time is shown', async () => {
        await mock.faults([{ path: BALANCES, delayMs: 150 }]);
        const client = createOmneoClient({ baseUrl: mock.baseUrl, tokenUrl: mock.tokenUrl, timeout: 1000 });
        const { widgets, balance } = await storefront(mock, { client });
        await expectDesigned(widgets, 'value', 4000);
        expect(valueOf(balance)).to.equal('$57.34');
        await watch.expectNoPageErrors();
      });

      it('"Try again" after a timeout asks once more and shows the data', async () => {
        await mock.faults([{ path: BALANCES, hang: true, times: 1 }]);
        const client = createOmneoClient({ baseUrl: mock.baseUrl, tokenUrl: mock.tokenUrl, timeout: 300 });
        const { balance, button } = await storefront(mock, { client });
        await expectDesigned([balance, button], 'error', 4000);
        (part(balance, 'error')!.querySelector('button') as HTMLButtonElement).click();
        await until(() => shown(balance) === 'value', 4000, 'the balance');
        await expectDesigned([balance, button], 'value');
        expect(valueOf(balance)).to.equal('$57.34');
        expect((await logged(mock, BALANCES)).length).to.equal(2);
        await watch.expectNoPageErrors();
      });
    });
  });

  describe('the token endpoint', () => {
    it('down (500): three tries with backoff, then every widget shows the error; the API is never called', async () => {
      const { widgets } = await storefront(mock, { tokenUrl: `${mock.tokenUrl}?status=500` });
      await expectDesigned(widgets, 'error', 5000);
      const tries = watch.to(mock.tokenUrl, 'POST');
      expect(tries.length).to.equal(3);
      expectBackoff(sentGaps(tries));
      expect(await mock.requests()).to.deep.equal([]);
      await sleep(400);
      expect(watch.to(mock.tokenUrl, 'POST').length, 'no more tries').to.equal(3);
      await watch.expectNoPageErrors();
    });

    it('slow (1.5 s): the widgets show loading, then the data, with one token request', async () => {
      const { widgets, balance } = await storefront(mock, { tokenUrl: `${mock.tokenUrl}?delayMs=1500` });
      await sleep(700);
      expect(widgets.map(shown)).to.deep.equal(['loading', 'loading', 'loading', 'loading']);
      await expectDesigned(widgets, 'value', 5000);
      expect(valueOf(balance)).to.equal('$57.34');
      expect(watch.to(mock.tokenUrl, 'POST').length).to.equal(1);
      expect((await mock.requests()).filter((r) => r.path === TOKEN).length).to.equal(1);
      await watch.expectNoPageErrors();
    });

    it('slower than the client timeout: every widget shows the error, after one try', async () => {
      const client = createOmneoClient({ baseUrl: mock.baseUrl, tokenUrl: `${mock.tokenUrl}?delayMs=1000`, timeout: 300 });
      const { widgets } = await storefront(mock, { client });
      await expectDesigned(widgets, 'error', 4000);
      expect(watch.to(mock.tokenUrl, 'POST').length).to.equal(1);
      await watch.expectNoPageErrors();
    });

    it('expired tokens: one renewal on the first 401, then the error; never a storm', async () => {
      let minted = 0;
      // Each one another token (another exp), each already expired.
      const tokenProvider = () => mock.mint(undefined, -60 - minted++);
      const { widgets } = await storefront(mock, { tokenProvider });
      await expectDesigned(widgets, 'error', 4000);
      expect(minted, 'tokens asked for').to.equal(2);
      const log = await mock.requests();
      // Each route: once with the first token, once with the renewed one, both refused.
      for (const path of [BALANCES, REWARDS, BENEFITS]) expect(log.filter((r) => r.path === path).length, path).to.equal(2);
      await expectQuiet(mock, 600);
      expect(minted).to.equal(2);
      await watch.expectNoPageErrors();
    });

    it('the same expired token given again on renewal: still one renewal for all three refused requests', async () => {
      const { token } = await mock.mint(undefined, -60);
      let minted = 0;
      const tokenProvider = () => (minted++, token);
      const { widgets } = await storefront(mock, { tokenProvider });
      await expectDesigned(widgets, 'error', 4000);
      const log = await mock.requests();
      for (const path of [BALANCES, REWARDS, BENEFITS]) expect(log.filter((r) => r.path === path).length, path).to.equal(2);
      expect(minted, 'tokens asked for').to.equal(2);
      await expectQuiet(mock);
      await watch.expectNoPageErrors();
    });

    it('one expired token, then good ones: renewed once, every widget shows its data', async () => {
      let minted = 0;
      const tokenProvider = () => mock.mint(undefined, minted++ === 0 ? -60 : 900);
      const { widgets, balance } = await storefront(mock, { tokenProvider });
      await expectDesigned(widgets, 'value', 4000);
      expect(valueOf(balance)).to.equal('$57.34');
      expect(minted).to.equal(2);
      await expectQuiet(mock);
      await watch.expectNoPageErrors();
    });
  });

  describe('a clock that is off by minutes', () => {
    let realNow: () => number;
    beforeEach(() => {
      realNow = Date.now;
    });
    afterEach(() => {
      Date.now = realNow;
    });
    const skewPage = (minutes: number) => {
      const off = minutes * 60_000;
      Date.now = () => realNow() + off;
    };

    const cases = [
      { clock: "the page's clock", ahead: 30 },
      { clock: "the page's clock", ahead: -30 },
      { clock: "the API's clock", ahead: 20 },
      { clock: "the API's clock", ahead: -20 },
    ];
    for (const { clock, ahead } of cases) {
      it(`${clock} ${ahead > 0 ? 'ahead' : 'behind'} by ${Math.abs(ahead)} minutes: the data, and one token kept for its life`, async () => {
        if (clock === "the page's clock") skewPage(ahead);
        else await mock.control('POST', 'clock', { offsetSeconds: ahead * 60 });
        const { widgets, balance, button } = await storefront(mock);
        await expectDesigned(widgets, 'value', 4000);
        expect(valueOf(balance)).to.equal('$57.34');
        // 20 seconds later by the page's clock, the 15-minute token is still good: a redeem then uses it.
        skewPage((clock === "the page's clock" ? ahead : 0) + 1 / 3);
        const redeemed = oneEvent(button, 'omneo-redeem');
        inner(button).click();
        await redeemed;
        await until(() => valueOf(balance) === '$47.34', 3000, 'the new balance');
        await expectQuiet(mock);
        expect((await mock.requests()).filter((r) => r.path === TOKEN).length, 'token requests').to.equal(1);
        const [post] = await logged(mock, REDEEM, 'POST');
        const [get] = await logged(mock, BALANCES);
        expect(post.authorization, 'the redeem sent with the first token').to.equal(get.authorization);
        await watch.expectNoPageErrors();
      });
    }
  });

  describe('exactly one redeem reaches the API', () => {
    /** The amount redemptions the mock made. */
    const redemptions = async () => (await mock.state()).redemptions.length;

    it('three fast clicks in one task', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', delayMs: 200 }]);
      const { button, balance } = await storefront(mock);
      await ready(button);
      let outcomes = 0;
      button.addEventListener('omneo-redeem', () => outcomes++);
      button.addEventListener('omneo-redeem-error', () => outcomes++);
      inner(button).click();
      inner(button).click();
      inner(button).click();
      await until(() => outcomes > 0);
      await until(() => valueOf(balance) === '$47.34');
      await sleep(200);
      expect(outcomes).to.equal(1);
      expect((await logged(mock, REDEEM, 'POST')).length).to.equal(1);
      expect(await redemptions()).to.equal(1);
      await watch.expectNoPageErrors();
    });

    it('double and triple clicks across tasks, while the redeem is in flight', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', delayMs: 300 }]);
      const { button } = await storefront(mock);
      await ready(button);
      const redeemed = oneEvent(button, 'omneo-redeem');
      inner(button).click();
      await sleep(0);
      inner(button).click();
      await new Promise((r) => {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = r;
        port2.postMessage(0);
      });
      inner(button).click();
      await sleep(100);
      inner(button).click();
      inner(button).click();
      await redeemed;
      await sleep(200);
      expect((await logged(mock, REDEEM, 'POST')).length).to.equal(1);
      expect(await redemptions()).to.equal(1);
      await watch.expectNoPageErrors();
    });

    it('a double click on Confirm', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', delayMs: 200 }]);
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
        ><omneo-redeem-button amount="10" confirm></omneo-redeem-button
      ></omneo-provider>`);
      const button = await ready(p.querySelector('omneo-redeem-button')!);
      inner(button).click();
      await until(() => part(button, 'confirm'));
      const confirm = part(button, 'confirm')!;
      const redeemed = oneEvent(button, 'omneo-redeem');
      confirm.click();
      confirm.click();
      await sleep(0);
      confirm.click();
      await redeemed;
      await sleep(200);
      expect((await logged(mock, REDEEM, 'POST')).length).to.equal(1);
      await watch.expectNoPageErrors();
    });

    it('a click while the token is being renewed waits for the new token and sends once', async () => {
      let minted = 0;
      let slow = false;
      let renewed: string | undefined;
      const tokenProvider = async () => {
        minted++;
        if (!slow) return mock.mint();
        await sleep(500);
        const t = await mock.mint(undefined, 901); // another exp: another token
        renewed = t.token;
        return t;
      };
      const { p, button, balance } = await storefront(mock, { tokenProvider });
      await ready(button);
      await until(() => valueOf(balance) === '$57.34');
      // The site calls refresh(): the token is asked for again, slowly.
      slow = true;
      p.refresh();
      await until(() => minted === 2, 2000, 'the renewal to start');
      const redeemed = oneEvent(button, 'omneo-redeem');
      inner(button).click();
      inner(button).click();
      await redeemed;
      await until(() => valueOf(balance) === '$47.34');
      const posts = await logged(mock, REDEEM, 'POST');
      expect(posts.length).to.equal(1);
      // Sent with the renewed token, not the refused one.
      expect(posts[0].authorization).to.equal(`Bearer ${renewed}`);
      expect(minted, 'one renewal').to.equal(2);
      await watch.expectNoPageErrors();
    });

    it('a redeem refused with 401 is sent once more with a new token, and redeems once', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', status: 401, times: 1, body: { message: 'Unauthenticated.' } }]);
      const { button, balance } = await storefront(mock);
      await ready(button);
      const redeemed = oneEvent(button, 'omneo-redeem');
      inner(button).click();
      await redeemed;
      await until(() => valueOf(balance) === '$47.34');
      // Refused, a new token minted, sent again: the refusal redeemed nothing, so one redemption.
      const posts = (await mock.requests()).filter((r) => r.method === 'POST').map((r) => r.path);
      expect(posts).to.deep.equal([TOKEN, REDEEM, TOKEN, REDEEM]);
      expect(await redemptions()).to.equal(1);
      await watch.expectNoPageErrors();
    });

    it('a timeout after sending: "could not be confirmed", omneo-redeem-error, and no resend', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', delayMs: 900 }]);
      const client = createOmneoClient({ baseUrl: mock.baseUrl, tokenUrl: mock.tokenUrl, timeout: 300 });
      const { button } = await storefront(mock, { client });
      await ready(button);
      const failed = oneEvent(button, 'omneo-redeem-error');
      inner(button).click();
      const e = await failed;
      expect(e.detail.amount).to.equal(10);
      expect(e.detail.error.kind).to.equal('network');
      await until(() => message(button) === en.unconfirmed);
      expect(part(button, 'message')!.querySelector('[role=status]')!.getAttribute('aria-live')).to.equal('assertive');
      // The API did redeem, late; the page never sends it again by itself.
      await sleep(1200);
      expect((await logged(mock, REDEEM, 'POST')).length).to.equal(1);
      expect(await redemptions()).to.equal(1);
      expect(message(button)).to.equal(en.unconfirmed);
      await watch.expectNoPageErrors();
    });

    // A redeem that timed out may still be finishing at the API: the balances are read again a
    // moment later, so the shopper, told to "check your balance before trying again", sees it land.
    it('after a redeem that could not be confirmed, the balance shown catches up with the API', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', delayMs: 900 }]);
      const client = createOmneoClient({ baseUrl: mock.baseUrl, tokenUrl: mock.tokenUrl, timeout: 300 });
      const { button, balance } = await storefront(mock, { client });
      await ready(button);
      await until(() => valueOf(balance) === '$57.34');
      inner(button).click();
      await until(() => message(button) === en.unconfirmed);
      await until(() => valueOf(balance) === '$47.34', 5000, 'the balance after the late redeem');
    });

    it('a dropped connection after sending: not confirmed, the page sends it once and never again', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', drop: true }]);
      const { button } = await storefront(mock);
      await ready(button);
      const failed = oneEvent(button, 'omneo-redeem-error');
      inner(button).click();
      const e = await failed;
      expect(e.detail.error.kind).to.equal('network');
      await until(() => message(button) === en.unconfirmed);
      await sleep(600);
      expect(watch.to(REDEEM, 'POST').length).to.equal(1);
      expect(message(button)).to.equal(en.unconfirmed);
      await watch.expectNoPageErrors();
    });

    // Open (browser behaviour, not fixable in src/ alone): the page calls fetch once, but when a reused
    // HTTP/1.1 keep-alive connection closes after the request went out and before any answer, Chromium
    // itself sends the POST again on another pooled connection (seen: 4 POSTs at the mock). Only an
    // idempotency key honoured by the API (or a server that answers before it drops) makes this safe.
    it.skip('OPEN: a dropped connection after sending: exactly one POST reaches the API', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', drop: true }]);
      const { button } = await storefront(mock);
      await ready(button);
      const failed = oneEvent(button, 'omneo-redeem-error');
      inner(button).click();
      await failed;
      await sleep(600);
      expect((await logged(mock, REDEEM, 'POST')).length).to.equal(1);
    });

    for (const [what, fault] of [
      ['a 500', { status: 500, body: { message: 'Server Error' } }],
      ['an HTML page with 200', { status: 200, body: '<html><body>OK</body></html>' }],
    ] as const) {
      it(`an answer of ${what}: not confirmed, one POST, no resend`, async () => {
        await mock.faults([{ path: REDEEM, method: 'POST', ...fault }]);
        const { button } = await storefront(mock);
        await ready(button);
        const failed = oneEvent(button, 'omneo-redeem-error');
        inner(button).click();
        await failed;
        await until(() => message(button) === en.unconfirmed);
        await sleep(400);
        expect((await logged(mock, REDEEM, 'POST')).length).to.equal(1);
        await watch.expectNoPageErrors();
      });
    }

    it('the button removed while its redeem is in flight: one POST, the rest of the page updated, no page error', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', delayMs: 400 }]);
      const { button, balance } = await storefront(mock);
      await ready(button);
      await until(() => valueOf(balance) === '$57.34');
      inner(button).click();
      await until(async () => (await logged(mock, REDEEM, 'POST')).length === 1);
      button.remove();
      // The redeem still lands, and the balance that stays on the page shows it.
      await until(() => valueOf(balance) === '$47.34', 3000, 'the new balance');
      await sleep(300);
      expect((await logged(mock, REDEEM, 'POST')).length).to.equal(1);
      expect(await redemptions()).to.equal(1);
      await watch.expectNoPageErrors();
    });

    it('the whole provider removed while a redeem is in flight: one POST, no page error', async () => {
      await mock.faults([{ path: REDEEM, method: 'POST', delayMs: 300 }]);
      const { p, button } = await storefront(mock);
      await ready(button);
      inner(button).click();
      await until(async () => (await logged(mock, REDEEM, 'POST')).length === 1);
      p.remove();
      await sleep(700);
      expect((await logged(mock, REDEEM, 'POST')).length).to.equal(1);
      expect(await redemptions()).to.equal(1);
      await watch.expectNoPageErrors();
    });
  });
});
