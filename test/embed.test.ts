/**
 * The embed: widgets inserted, moved and removed at runtime (single-page navigation) keep working
 * and let go of what they no longer show; an attribute change shows the right data and drops what
 * became stale; and no shopper ever sees another shopper's data.
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { OmneoProvider } from '../src/index.js';
import { en } from '../src/internal/strings.js';
import { MockOmneo } from './mock.js';
import { part, seen, sleep, until } from './helpers.js';
import {
  AVA,
  BEN,
  expectDesigned,
  logged,
  recordSeen,
  shoppersApi,
  shown,
  watchPage,
  type PageWatch,
  type Shopper,
} from './fault-helpers.js';

const BALANCES = '/profiles/me/balances';
const REWARDS = '/profiles/me/rewards';
const BENEFITS = '/profiles/me/benefits';

const valueOf = (el: Element) => (shown(el) === 'value' ? part(el, 'value')!.textContent : undefined);
const names = (list: Element) => [...list.shadowRoot!.querySelectorAll('[part~="name"]')].map((n) => n.textContent);
const create = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
};

/** The mock's GETs after the `since`-th request, as "GET /path", sorted. */
async function getsSince(mock: MockOmneo, since: number) {
  return (await mock.requests())
    .slice(since)
    .filter((r) => r.method === 'GET')
    .map((r) => `GET ${r.path}`)
    .sort();
}

describe('embed', () => {
  let mock: MockOmneo;
  let watch: PageWatch;
  beforeEach(async () => {
    mock = await MockOmneo.create();
    watch = watchPage();
  });
  afterEach(() => watch.stop());

  describe('single-page navigation', () => {
    it('a page of widgets removed and another inserted: the new page works; what the old one showed is no longer fetched', async () => {
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
        ><main>
          <omneo-points-balance></omneo-points-balance>
          <omneo-rewards-list></omneo-rewards-list>
          <omneo-redeem-button amount="10"></omneo-redeem-button>
        </main></omneo-provider
      >`);
      const main = p.querySelector('main')!;
      const first = [...main.children];
      await expectDesigned(first, 'value');
      // Navigate: the account page goes, a benefits page comes.
      const next = [create('omneo-rewards-list', { source: 'benefits' }), create('omneo-points-balance', { kind: 'combined' })];
      main.replaceChildren(...next);
      await expectDesigned(next, 'value');
      expect(valueOf(next[1])).to.equal('$57.34');
      const log = await mock.requests();
      expect((await logged(mock, BALANCES)).length, 'the balances came from the cache').to.equal(1);
      expect((await logged(mock, BENEFITS)).length).to.equal(1);
      // Everything is fetched again: only what is on screen now.
      p.currentClient!.invalidate();
      await until(async () => (await getsSince(mock, log.length)).length === 2, 3000, 'the refetch');
      await sleep(200);
      expect(await getsSince(mock, log.length)).to.deep.equal([`GET ${BALANCES}`, `GET ${BENEFITS}`]);
      await watch.expectNoPageErrors();
    });

    it('a widget removed while its data loads: the request is abandoned, and nothing errors', async () => {
      await mock.faults([{ path: BALANCES, delayMs: 600 }]);
      const p = await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl}
        ><omneo-points-balance></omneo-points-balance
      ></omneo-provider>`);
      const balance = p.querySelector('omneo-points-balance')!;
      let events = 0;
      balance.addEventListener('omneo-load', () => events++);
      balance.addEventListener('omneo-error', () => events++);
      await until(() => watch.to(BALANCES).length === 1, 3000, 'the request');
      balance.remove();
      await until(() => watch.to(BALANCES)[0].outcome, 3000, 'the request to end');
      expect(watch.to(BALANCES)[0].outcome).to.equal('aborted');
      await sleep(700);
      expect(events).to.equal(0);
      await watch.expectNoPageErrors();
    });

    it('a list removed while its page loads: the request is abandoned, and nothing errors', async () => {
      await mock.faults([{ path: REWARDS, delayMs: 600 }]);
      const p = await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl}
        ><omneo-rewards-list></omneo-rewards-list
      ></omneo-provider>`);
      const list = p.querySelector('omneo-rewards-list')!;
      await until(() => watch.to(REWARDS).length === 1, 3000, 'the request');
      list.remove();
      await until(() => watch.to(REWARDS)[0].outcome, 3000, 'the request to end');
      expect(watch.to(REWARDS)[0].outcome).to.equal('aborted');
      await watch.expectNoPageErrors();
    });

    it('a widget removed and inserted again shows its data at once, and still hears a redeem', async () => {
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
        ><div id="a"><omneo-points-balance kind="combined"></omneo-points-balance></div>
        <omneo-redeem-button amount="10"></omneo-redeem-button
      ></omneo-provider>`);
      const balance = p.querySelector('omneo-points-balance')!;
      const button = p.querySelector('omneo-redeem-button')!;
      await expectDesigned([balance, button], 'value');
      balance.remove();
      await sleep(50);
      p.querySelector('#a')!.append(balance);
      await balance.updateComplete;
      expect(valueOf(balance)).to.equal('$57.34');
      expect((await logged(mock, BALANCES)).length).to.equal(1);
      (part(button, 'button') as HTMLButtonElement).click();
      await until(() => valueOf(balance) === '$47.34', 3000, 'the new balance');
      await watch.expectNoPageErrors();
    });
  });

  describe('moving', () => {
    it('to another container under the same provider: no new request, and it still hears a redeem', async () => {
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
        ><header><omneo-points-balance kind="combined"></omneo-points-balance><omneo-rewards-list></omneo-rewards-list></header>
        <footer></footer>
        <omneo-redeem-button amount="10"></omneo-redeem-button
      ></omneo-provider>`);
      const balance = p.querySelector('omneo-points-balance')!;
      const list = p.querySelector('omneo-rewards-list')!;
      const button = p.querySelector('omneo-redeem-button')!;
      await expectDesigned([balance, list, button], 'value');
      const before = names(list);
      p.querySelector('footer')!.append(balance, list);
      await Promise.all([balance.updateComplete, list.updateComplete]);
      expect(valueOf(balance)).to.equal('$57.34');
      await until(() => names(list).length === before.length);
      expect(names(list)).to.deep.equal(before);
      const log = await mock.requests();
      expect(log.filter((r) => r.method === 'GET').length).to.equal(2);
      (part(button, 'button') as HTMLButtonElement).click();
      await until(() => valueOf(balance) === '$47.34', 3000, 'the new balance');
      await until(() => names(list)[0] !== before[0], 3000, 'the spent reward to leave the list');
      await watch.expectNoPageErrors();
    });

    it("to another provider: shows that provider's data, and the first provider no longer fetches for it", async () => {
      const other = await MockOmneo.create();
      await other.spend(10);
      const page = fixtureSync(html`<div>
        <omneo-provider id="one" base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
          ><omneo-points-balance kind="combined"></omneo-points-balance><omneo-rewards-list></omneo-rewards-list
        ></omneo-provider>
        <omneo-provider id="two" base-url=${other.baseUrl} token-url=${other.tokenUrl} locale="en-AU"><span></span></omneo-provider>
      </div>`);
      const [one, two] = page.querySelectorAll('omneo-provider');
      const balance = one.querySelector('omneo-points-balance')!;
      const list = one.querySelector('omneo-rewards-list')!;
      await expectDesigned([balance, list], 'value');
      expect(valueOf(balance)).to.equal('$57.34');
      const firstNames = names(list);
      const seenBalance = recordSeen(balance);
      two.querySelector('span')!.append(balance, list);
      await until(() => valueOf(balance) === '$47.34', 3000, "the other provider's balance");
      await until(() => names(list).length && names(list)[0] !== firstNames[0], 3000, "the other provider's rewards");
      seenBalance.stop();
      expect(
        seenBalance.texts.slice(1).filter((t) => t.includes('57.34')),
        "the first provider's balance after the move",
      ).to.deep.equal([]);
      // The first provider's client has nobody left to fetch for; the second fetches for both.
      const since = (await mock.requests()).length;
      const sinceOther = (await other.requests()).length;
      one.refresh();
      two.refresh();
      await until(async () => (await getsSince(other, sinceOther)).length === 2, 3000, 'the refetch');
      await sleep(200);
      expect(await getsSince(mock, since)).to.deep.equal([]);
      expect(await getsSince(other, sinceOther)).to.deep.equal([`GET ${BALANCES}`, `GET ${REWARDS}`]);
      await watch.expectNoPageErrors();
    });

    it('out of every provider: says there is none, and stops using the old one', async () => {
      const page = fixtureSync(html`<div>
        <omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
          ><omneo-points-balance kind="combined"></omneo-points-balance
        ></omneo-provider>
        <aside></aside>
      </div>`);
      const provider = page.querySelector('omneo-provider')!;
      const balance = page.querySelector('omneo-points-balance')!;
      await expectDesigned([balance], 'value');
      page.querySelector('aside')!.append(balance);
      await until(() => shown(balance) === 'error', 3000, 'the no-provider error');
      expect(seen(part(balance, 'error')!)).to.equal(en.noProvider);
      const since = (await mock.requests()).length;
      provider.refresh();
      await sleep(300);
      expect(await getsSince(mock, since)).to.deep.equal([]);
      // Back under a provider, it recovers by itself.
      provider.append(balance);
      await until(() => valueOf(balance) === '$57.34', 3000, 'the balance again');
      await watch.expectNoPageErrors();
    });
  });

  describe('attribute changes', () => {
    it("a balance's kind: the other balance at once, from the cache", async () => {
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
        ><omneo-points-balance></omneo-points-balance
      ></omneo-provider>`);
      const balance = p.querySelector('omneo-points-balance')!;
      await until(() => valueOf(balance) === '1,234 points');
      const shows: Record<string, string> = {
        combined: '$57.34',
        rewards: '$45.00',
        'points-dollars': '$12.34',
        points: '1,234 points',
      };
      for (const [kind, text] of Object.entries(shows)) {
        balance.setAttribute('kind', kind);
        await balance.updateComplete;
        expect(valueOf(balance), kind).to.equal(text);
      }
      expect((await logged(mock, BALANCES)).length).to.equal(1);
      await watch.expectNoPageErrors();
    });

    it("a list's source, rewards to benefits while the rewards load: benefits, never a reward", async () => {
      await mock.faults([{ path: REWARDS, delayMs: 700 }]);
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
        ><omneo-rewards-list></omneo-rewards-list
      ></omneo-provider>`);
      const list = p.querySelector('omneo-rewards-list')!;
      const state = await mock.state();
      const rewardNames: string[] = state.rewards.map((r) => r.definition.name);
      const benefitNames: string[] = state.benefits.map((b) => b.definition.name);
      await until(() => watch.to(REWARDS).length === 1, 3000, 'the rewards request');
      const shownText = recordSeen(list);
      list.setAttribute('source', 'benefits');
      await until(() => names(list).length > 0, 3000, 'the benefits');
      expect(names(list).every((n) => benefitNames.includes(n!))).to.equal(true);
      // Past the time the rewards would have come.
      await sleep(900);
      shownText.stop();
      expect(names(list).every((n) => benefitNames.includes(n!))).to.equal(true);
      expect(
        shownText.texts.filter((t) => rewardNames.some((n) => t.includes(n))),
        'a reward on screen',
      ).to.deep.equal([]);
      await watch.expectNoPageErrors();
    });

    it("a list's source changed while the rewards load: the stale rewards request is aborted", async () => {
      await mock.faults([{ path: REWARDS, delayMs: 700 }]);
      const p = await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl}
        ><omneo-rewards-list></omneo-rewards-list
      ></omneo-provider>`);
      const list = p.querySelector('omneo-rewards-list')!;
      await until(() => watch.to(REWARDS).length === 1, 3000, 'the rewards request');
      list.setAttribute('source', 'benefits');
      await until(() => watch.to(REWARDS)[0].outcome, 3000, 'the rewards request to end');
      expect(watch.to(REWARDS)[0].outcome).to.equal('aborted');
      await watch.expectNoPageErrors();
    });

    it("the provider's base-url (another tenant) while the first answer is delayed: only the new tenant's data, the stale request aborted", async () => {
      const other = await MockOmneo.create();
      await other.spend(10);
      await mock.faults([{ path: BALANCES, delayMs: 700 }]);
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
        ><omneo-points-balance kind="combined"></omneo-points-balance
      ></omneo-provider>`);
      const balance = p.querySelector('omneo-points-balance')!;
      const shownText = recordSeen(balance);
      await until(() => watch.to(`${mock.ns}/id/api/v1${BALANCES}`).length === 1, 3000, 'the first request');
      p.setAttribute('base-url', other.baseUrl);
      p.setAttribute('token-url', other.tokenUrl);
      await until(() => valueOf(balance) === '$47.34', 3000, "the new tenant's balance");
      await sleep(800);
      shownText.stop();
      expect(valueOf(balance)).to.equal('$47.34');
      expect(shownText.texts.filter((t) => t.includes('57.34'))).to.deep.equal([]);
      expect(watch.to(`${mock.ns}/id/api/v1${BALANCES}`)[0].outcome).to.equal('aborted');
      await watch.expectNoPageErrors();
    });
  });

  describe('another shopper', () => {
    let api: ReturnType<typeof shoppersApi>;
    beforeEach(() => {
      api = shoppersApi();
      api.install();
    });
    afterEach(() => api.uninstall());

    /** A balance, a rewards list and a benefits list under a provider for tenant `acme`. */
    async function widgets(attrs: { token?: string; tokenProvider?: () => unknown; tenant?: string }) {
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider tenant=${attrs.tenant ?? 'acme'} token=${ifDefined(attrs.token)} .tokenProvider=${attrs.tokenProvider} locale="en-AU"
        ><omneo-points-balance></omneo-points-balance><omneo-rewards-list></omneo-rewards-list><omneo-rewards-list source="benefits"></omneo-rewards-list
      ></omneo-provider>`);
      const els = [p.querySelector('omneo-points-balance')!, ...p.querySelectorAll('omneo-rewards-list')];
      return { p, els };
    }

    /** What `s` sees: their points and their own reward and benefit. */
    const shows = (els: Element[], s: Shopper, tenant = 'acme') =>
      valueOf(els[0]) === `${s.points.toLocaleString('en-AU')} points` &&
      names(els[1])[0] === `${s.reward} (${tenant})` &&
      names(els[2])[0] === `${s.benefit} (${tenant})`;

    /** Any of `s`'s data in what was recorded. */
    const traces = (texts: string[], s: Shopper) =>
      texts.filter((t) => [s.points.toLocaleString('en-AU'), s.reward, s.benefit].some((x) => t.includes(x)));

    it("the provider's token changes to another shopper's: their data only, loading meanwhile, never the first shopper's", async () => {
      const { p, els } = await widgets({ token: api.token(AVA) });
      await until(() => shows(els, AVA), 3000, "Ava's data");
      api.delay.ben = 400;
      const recorders = els.map(recordSeen);
      const since = api.calls.length;
      p.setAttribute('token', api.token(BEN));
      await p.updateComplete;
      await Promise.all(els.map((e) => e.updateComplete));
      expect(els.map(shown), "while Ben's data loads").to.deep.equal(['loading', 'loading', 'loading']);
      await until(() => shows(els, BEN), 3000, "Ben's data");
      recorders.forEach((r) => r.stop());
      for (const r of recorders) expect(traces(r.texts.slice(1), AVA)).to.deep.equal([]);
      expect(api.calls.slice(since).map((c) => c.authorization)).to.deep.equal(
        api.calls.slice(since).map(() => `Bearer ${api.token(BEN)}`),
      );
      await watch.expectNoPageErrors();
    });

    it("the tenant changes: the new tenant's data only, never the old one's", async () => {
      const { p, els } = await widgets({ token: api.token(AVA), tenant: 'acme' });
      await until(() => shows(els, AVA, 'acme'), 3000, "acme's data");
      api.delay.ava = 300;
      const recorders = els.map(recordSeen);
      p.setAttribute('tenant', 'globex');
      await until(() => shows(els, AVA, 'globex'), 3000, "globex's data");
      recorders.forEach((r) => r.stop());
      for (const r of recorders) expect(r.texts.slice(1).filter((t) => t.includes('(acme)'))).to.deep.equal([]);
      await watch.expectNoPageErrors();
    });

    it("a token renewed after a 401 is another shopper's: everything reloads, and the first shopper's data never shows again", async () => {
      let who = AVA;
      let renewedAt: number | undefined;
      const tokenProvider = () => {
        if (who === BEN) renewedAt ??= performance.now();
        return api.token(who);
      };
      const p = await fixture<OmneoProvider>(html`<omneo-provider tenant="acme" .tokenProvider=${tokenProvider} locale="en-AU"
        ><omneo-points-balance></omneo-points-balance><omneo-rewards-list></omneo-rewards-list
      ></omneo-provider>`);
      const [balance, rewards] = [p.querySelector('omneo-points-balance')!, p.querySelector('omneo-rewards-list')!];
      await until(() => valueOf(balance) === '1,111 points' && names(rewards)[0] === `${AVA.reward} (acme)`, 3000, "Ava's data");
      // Ava signs out in another tab, Ben signs in; this tab navigates to a page with benefits too.
      api.revoked.add(AVA.pid);
      api.delay.ben = 400;
      who = BEN;
      const benefits = create('omneo-rewards-list', { source: 'benefits' });
      p.append(benefits);
      const els = [balance, rewards, benefits];
      const recorders = els.map(recordSeen);
      await until(() => renewedAt, 3000, 'the renewal');
      // While Ben's data loads, nothing of Ava's is on screen.
      await sleep(150);
      expect(els.map(shown), "while Ben's data loads").to.deep.equal(['loading', 'loading', 'loading']);
      await until(
        () =>
          valueOf(balance) === '2,222 points' &&
          names(rewards)[0] === `${BEN.reward} (acme)` &&
          names(benefits)[0] === `${BEN.benefit} (acme)`,
        3000,
        "Ben's data",
      );
      recorders.forEach((r) => r.stop());
      const after = recorders.map((r) => traces(r.texts.slice(1), AVA));
      expect(after, "Ava's data after the renewal").to.deep.equal([[], [], []]);
      await watch.expectNoPageErrors();
    });

    it("refresh() after the site signs one shopper out and another in: the new shopper's data, never the first's", async () => {
      let who: Shopper | null = AVA;
      const tokenProvider = () => (who ? api.token(who) : null);
      const { p, els } = await widgets({ tokenProvider });
      await until(() => shows(els, AVA), 3000, "Ava's data");
      // The site signs Ava out and Ben in, then tells the widgets. Ava's token is still good at the API.
      who = BEN;
      p.refresh();
      await until(() => shows(els, BEN), 3000, "Ben's data");
      await watch.expectNoPageErrors();
    });

    it('refresh() after the site signs the shopper out: the signed-out state, not their data', async () => {
      let who: Shopper | null = AVA;
      const tokenProvider = () => (who ? api.token(who) : null);
      const { p, els } = await widgets({ tokenProvider });
      await until(() => shows(els, AVA), 3000, "Ava's data");
      who = null;
      p.refresh();
      await until(() => els.every((e) => shown(e) === 'signed-out'), 3000, 'the signed-out state');
      await expectDesigned(els, 'signed-out');
      await watch.expectNoPageErrors();
    });
  });
});
