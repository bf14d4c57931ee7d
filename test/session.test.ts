/**
 * A session across pages (widget-contract.md, "A session across pages"; SECURITY.md): each "page"
 * here is a new provider, as a new page view builds one, over the same `sessionStorage`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { OmneoPointsBalance, OmneoProvider } from '../src/index.js';
import { MockOmneo } from './mock.js';
import { part, sleep, until } from './helpers.js';
import { AVA, BEN, shoppersApi } from './fault-helpers.js';

const valueOf = (el: Element) => (part(el, 'value')?.classList.contains('skeleton') ? undefined : part(el, 'value')?.textContent);

/** The keys of this library in `sessionStorage`. */
const keptKeys = () => Object.keys(sessionStorage).filter((k) => k.startsWith('omneo-widgets:'));

describe('a session across pages', () => {
  let mock: MockOmneo;
  beforeEach(async () => {
    sessionStorage.clear();
    mock = await MockOmneo.create();
  });
  afterEach(() => sessionStorage.clear());

  /** One page view: a provider for `shopper` (absent: none declared) and a balance under it. */
  async function page(shopper?: string, extra = html``) {
    const provider = await fixture<OmneoProvider>(
      html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} shopper=${ifDefined(shopper)} locale="en-AU">
        <omneo-points-balance></omneo-points-balance>${extra}
      </omneo-provider>`,
    );
    const balance = provider.querySelector<OmneoPointsBalance>('omneo-points-balance')!;
    return { provider, balance };
  }

  /** What a page's balance shows in its very first render, before any request could answer. */
  async function firstRender(shopper: string, kind = 'points') {
    const host = document.createElement('div');
    host.innerHTML = `<omneo-provider base-url="${mock.baseUrl}" token-url="${mock.tokenUrl}" shopper="${shopper}" locale="en-AU"><omneo-points-balance kind="${kind}"></omneo-points-balance></omneo-provider>`;
    document.body.append(host);
    const balance = host.querySelector<OmneoPointsBalance>('omneo-points-balance')!;
    await balance.updateComplete;
    return { host, shown: valueOf(balance), skeleton: !!part(balance, 'value')?.classList.contains('skeleton') };
  }

  it('keeps the token for the next page of the same shopper: two page views, one token request', async () => {
    const first = await page('shopper-1');
    await until(() => valueOf(first.balance), 4000, 'the first page');
    first.provider.remove();
    const second = await page('shopper-1');
    await until(() => valueOf(second.balance), 4000, 'the second page');
    expect(await mock.count('/auth/token', 'POST')).to.equal(1);
    expect(keptKeys()).to.deep.equal([`omneo-widgets:${mock.baseUrl}|shopper-1`]);
  });

  it('shows the kept balance in the first render while the API is slow, then refreshes it once, in place', async () => {
    const first = await page('shopper-1', html`<omneo-points-balance kind="combined"></omneo-points-balance>`);
    const combined = first.provider.querySelectorAll('omneo-points-balance')[1];
    await until(() => valueOf(combined), 4000);
    const before = valueOf(combined);
    first.provider.remove();
    await mock.spend(5); // the balances change between the two pages
    await mock.faults([{ path: '/profiles/me/balances', delayMs: 1500 }]);
    const { host, shown, skeleton } = await firstRender('shopper-1', 'combined');
    expect(skeleton, 'no skeleton on the second page').to.equal(false);
    expect(shown).to.equal(before);
    const balance = host.querySelector('omneo-points-balance')!;
    await until(() => valueOf(balance) !== before, 5000, 'the refreshed balance');
    expect(valueOf(balance))
      .to.match(/^\$\d+\.\d\d$/)
      .and.not.equal(before);
    expect(await mock.count('/profiles/me/balances')).to.equal(2); // one per page view
    expect(await mock.count('/auth/token', 'POST')).to.equal(1);
    host.remove();
  });

  it("never shows another shopper's numbers: a page that declares someone else starts from nothing", async () => {
    const first = await page('shopper-1');
    await until(() => valueOf(first.balance), 4000);
    first.provider.remove();
    const { host, shown, skeleton } = await firstRender('shopper-2');
    expect(shown).to.equal(undefined);
    expect(skeleton).to.equal(true);
    expect(
      keptKeys().some((k) => k.endsWith('|shopper-1')),
      "shopper-1's session is dropped",
    ).to.equal(false);
    await until(() => valueOf(host.querySelector('omneo-points-balance')!), 4000);
    expect(await mock.count('/auth/token', 'POST')).to.equal(2);
    host.remove();
  });

  it('a page that declares nobody ends the session: signed out, nothing requested, the next sign-in asks for a token', async () => {
    const first = await page('shopper-1');
    await until(() => valueOf(first.balance), 4000);
    first.provider.remove();
    const nobody = await page('');
    await until(
      () =>
        part(nobody.balance, 'base')?.textContent?.trim() || nobody.balance.shadowRoot!.querySelector('slot[name="signed-out"]'),
      3000,
      'the signed-out state',
    );
    expect(valueOf(nobody.balance)).to.equal(undefined);
    expect(keptKeys()).to.deep.equal([]);
    expect(await mock.count('/auth/token', 'POST')).to.equal(1);
    nobody.provider.remove();
    const again = await page('shopper-1');
    await until(() => valueOf(again.balance), 4000);
    expect(await mock.count('/auth/token', 'POST')).to.equal(2);
  });

  it('a sign-out on the page (shopper="") keeps nothing, even of an answer still on its way', async () => {
    const first = await page('shopper-1');
    await until(() => valueOf(first.balance), 4000);
    // The kept balance is refreshed slowly; the shopper signs out before its answer is in.
    await mock.faults([{ path: '/profiles/me/balances', delayMs: 400 }]);
    first.provider.refresh();
    await sleep(50);
    first.provider.shopper = '';
    await first.provider.updateComplete;
    expect(keptKeys()).to.deep.equal([]);
    await sleep(700);
    expect(keptKeys()).to.deep.equal([]);
  });

  it('keeps nothing without a declared shopper, and never uses localStorage or cookies', async () => {
    const local = localStorage.length;
    const cookies = document.cookie;
    const first = await page(undefined);
    await until(() => valueOf(first.balance), 4000);
    first.provider.remove();
    const second = await page(undefined);
    await until(() => valueOf(second.balance), 4000);
    expect(keptKeys()).to.deep.equal([]);
    expect(await mock.count('/auth/token', 'POST')).to.equal(2);
    const declared = await page('shopper-1');
    await until(() => valueOf(declared.balance), 4000);
    expect(localStorage.length).to.equal(local);
    expect(document.cookie).to.equal(cookies);
  });

  it('drops the kept token when the API answers 401, and keeps the new one', async () => {
    const first = await page('shopper-1');
    await until(() => valueOf(first.balance), 4000);
    first.provider.remove();
    const keptToken = () => JSON.parse(sessionStorage.getItem(keptKeys()[0])!).token?.token;
    const before = keptToken();
    await mock.faults([{ path: '/profiles/me/balances', status: 401, times: 1, body: { message: 'Unauthenticated.' } }]);
    await sleep(1100); // the mock's tokens change with the second they are minted in
    const second = await page('shopper-1');
    await until(async () => (await mock.count('/profiles/me/balances')) === 3, 4000, 'the retried request');
    await until(() => valueOf(second.balance), 4000);
    expect(await mock.count('/auth/token', 'POST')).to.equal(2);
    expect(keptToken()).to.be.a('string').and.not.equal(before);
  });

  it('keeps no token the API refused: the renewed one refused too is dropped as well', async () => {
    await mock.faults([{ path: '/profiles/me/balances', status: 401, body: { message: 'Unauthenticated.' } }]);
    const first = await page('shopper-1');
    await until(() => part(first.balance, 'error'), 4000, 'the error');
    expect(await mock.count('/auth/token', 'POST')).to.equal(2);
    expect(await mock.count('/profiles/me/balances')).to.equal(2);
    expect(keptKeys()).to.have.length(1);
    expect(JSON.parse(sessionStorage.getItem(keptKeys()[0])!).token).to.equal(undefined);
  });

  it("a token renewed for another shopper (a sign-in in another tab) is not kept as the page's shopper's: their next page starts afresh", async () => {
    const api = shoppersApi();
    api.install();
    try {
      let who = AVA;
      let tokenRequests = 0;
      const tokenProvider = () => {
        tokenRequests++;
        return api.token(who);
      };
      /** A page of the store's shopper `ava@store`, as the store's server renders it. */
      const avaPage = () =>
        fixture<OmneoProvider>(
          html`<omneo-provider tenant="acme" shopper="ava@store" .tokenProvider=${tokenProvider} locale="en-AU"
            ><omneo-points-balance></omneo-points-balance
          ></omneo-provider>`,
        );
      const first = await avaPage();
      const balance = first.querySelector('omneo-points-balance')!;
      await until(() => valueOf(balance) === '1,111 points', 4000, "Ava's balance");
      // In another tab Ava signs out and Ben signs in; this tab's next request is refused and renewed as Ben's.
      api.revoked.add(AVA.pid);
      who = BEN;
      first.currentClient!.invalidate();
      await until(() => valueOf(balance) === '2,222 points', 4000, "Ben's balance");
      expect(keptKeys(), "nothing of Ben's kept as Ava's").to.deep.equal([]);
      first.remove();
      // Ben signs out and Ava signs in again; this tab opens another of Ava's pages.
      api.revoked.clear();
      who = AVA;
      const before = tokenRequests;
      const next = await avaPage();
      const nextBalance = next.querySelector('omneo-points-balance')!;
      expect(valueOf(nextBalance), 'the first render').to.equal(undefined);
      await until(() => valueOf(nextBalance), 4000, 'the next page');
      expect(valueOf(nextBalance)).to.equal('1,111 points');
      expect(tokenRequests - before, 'token requests on the next page').to.equal(1);
      const sent = api.calls.filter((c) => c.path.endsWith('/balances')).at(-1);
      expect(sent?.authorization).to.equal(`Bearer ${api.token(AVA)}`);
    } finally {
      api.uninstall();
    }
  });

  it('a redeem updates what is kept', async () => {
    const first = await page('shopper-1', html`<omneo-redeem-button amount="5">Redeem $5</omneo-redeem-button>`);
    await until(() => valueOf(first.balance), 4000);
    const kept = () => JSON.parse(sessionStorage.getItem(keptKeys()[0])!).answers['{"type":"balances"}'];
    const before = kept().combined_balance_dollars;
    const button = first.provider.querySelector('omneo-redeem-button')!;
    await until(() => !(part(button, 'button') as HTMLButtonElement | null)?.disabled, 4000, 'the redeem button');
    part(button, 'button')!.click();
    await until(() => kept().combined_balance_dollars === before - 5, 4000, 'the kept balances after the redeem');
  });

  it('a storage that throws falls back to memory, with no error on screen or in the console', async () => {
    const setItem = Storage.prototype.setItem;
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const first = await page('shopper-1');
      await until(() => valueOf(first.balance), 4000);
      expect(valueOf(first.balance)).to.equal('1,234 points');
      expect(keptKeys()).to.deep.equal([]);
    } finally {
      Storage.prototype.setItem = setItem;
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('ignores a kept answer that does not pass the checks, and asks the API', async () => {
    sessionStorage.setItem(
      `omneo-widgets:${mock.baseUrl}|shopper-1`,
      JSON.stringify({ answers: { '{"type":"balances"}': { point_balance: 'NaN' } } }),
    );
    const { host, skeleton } = await firstRender('shopper-1');
    expect(skeleton).to.equal(true);
    await until(() => valueOf(host.querySelector('omneo-points-balance')!), 4000);
    expect(valueOf(host.querySelector('omneo-points-balance')!)).to.equal('1,234 points');
    host.remove();
  });
});
