import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { OmneoPointsBalance, OmneoProvider, createOmneoClient } from '../src/index.js';
import { MockOmneo } from './mock.js';
import { BALANCES, fakeFetch, json, jwt, part, seen, sleep, until } from './helpers.js';

const valueOf = (el: Element) => (part(el, 'value')?.classList.contains('skeleton') ? undefined : part(el, 'value')?.textContent);

describe('<omneo-provider>', () => {
  let mock: MockOmneo;
  beforeEach(async () => {
    mock = await MockOmneo.create();
  });

  it('gives 20 widgets one token request and one balances request', async () => {
    const widgets = Array.from(
      { length: 20 },
      (_, i) =>
        html`<omneo-points-balance kind=${['points', 'combined', 'rewards', 'points-dollars'][i % 4]}></omneo-points-balance>`,
    );
    const p = await fixture<OmneoProvider>(
      html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU">${widgets}</omneo-provider>`,
    );
    const els = [...p.querySelectorAll('omneo-points-balance')];
    await until(() => els.every(valueOf), 4000, 'every balance');
    expect(els.filter((e) => valueOf(e) === '1,234 points').length).to.equal(5);
    expect(await mock.count('/auth/token', 'POST')).to.equal(1);
    expect(await mock.count('/profiles/me/balances')).to.equal(1);
    const [call] = (await mock.requests()).filter((r) => r.path === '/profiles/me/balances');
    expect(call.authorization).to.match(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('replaces a token the API refuses, once, and shows the balance', async () => {
    await mock.faults([{ path: '/profiles/me/balances', status: 401, times: 1, body: { message: 'Unauthenticated.' } }]);
    const p = await fixture<OmneoProvider>(
      html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl}><omneo-points-balance></omneo-points-balance><omneo-points-balance></omneo-points-balance></omneo-provider>`,
    );
    const els = [...p.querySelectorAll('omneo-points-balance')];
    await until(() => els.every(valueOf), 4000);
    expect(await mock.count('/auth/token', 'POST')).to.equal(2);
    expect(await mock.count('/profiles/me/balances')).to.equal(2);
  });

  it('rides out transient 5xx answers', async () => {
    await mock.faults([{ path: '/profiles/me/balances', status: 503, times: 2, body: 'Service Unavailable' }]);
    const p = await fixture<OmneoProvider>(
      html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl}><omneo-points-balance></omneo-points-balance></omneo-provider>`,
    );
    const el = p.querySelector('omneo-points-balance')!;
    await until(() => valueOf(el), 5000);
    expect(valueOf(el)).to.equal('1,234 points');
    expect(await mock.count('/profiles/me/balances')).to.equal(3);
  });

  it('takes a tokenProvider', async () => {
    const p = await fixture<OmneoProvider>(
      html`<omneo-provider base-url=${mock.baseUrl} .tokenProvider=${mock.tokenProvider}><omneo-points-balance></omneo-points-balance></omneo-provider>`,
    );
    const el = p.querySelector('omneo-points-balance')!;
    await until(() => valueOf(el));
    expect(valueOf(el)).to.equal('1,234 points');
  });

  it('takes a server-rendered token', async () => {
    const { token } = await mock.mint();
    const p = await fixture<OmneoProvider>(
      html`<omneo-provider base-url=${mock.baseUrl} token=${token}><omneo-points-balance></omneo-points-balance></omneo-provider>`,
    );
    const el = p.querySelector('omneo-points-balance')!;
    await until(() => valueOf(el));
    expect((await mock.requests())[0].authorization).to.equal(`Bearer ${token}`);
  });

  it('shows what is missing when it has no attribute at all, not that there is no provider', async () => {
    const p = await fixture<OmneoProvider>(html`<omneo-provider><omneo-points-balance></omneo-points-balance></omneo-provider>`);
    const el = p.querySelector('omneo-points-balance')!;
    await until(() => part(el, 'error'));
    expect(part(el, 'error')!.textContent).to.equal('Set tenant or base-url on <omneo-provider>.');
    // Past the second a widget waits for a provider (PROVIDER_WAIT), it still says so.
    await sleep(1200);
    expect(part(el, 'error')!.textContent).to.equal('Set tenant or base-url on <omneo-provider>.');
  });

  it('shows what is missing when it has neither tenant nor base-url', async () => {
    const p = await fixture<OmneoProvider>(
      html`<omneo-provider token-url="/omneo/token/x"><omneo-points-balance></omneo-points-balance></omneo-provider>`,
    );
    const el = p.querySelector('omneo-points-balance')!;
    await until(() => part(el, 'error'));
    expect(part(el, 'error')!.textContent).to.contain('Set tenant or base-url');
  });

  describe('global', () => {
    it('serves widgets elsewhere on the page, in shadow roots too', async () => {
      const page = await fixture(html`<div>
        <header><omneo-points-balance id="a"></omneo-points-balance></header>
        <div id="host"></div>
        <omneo-provider global base-url=${mock.baseUrl} token-url=${mock.tokenUrl}></omneo-provider>
      </div>`);
      const host = page.querySelector('#host')!;
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<omneo-points-balance kind="combined"></omneo-points-balance>';
      const a = page.querySelector('omneo-points-balance')!;
      const b = shadow.querySelector('omneo-points-balance')!;
      await until(() => valueOf(a) && valueOf(b), 4000);
      expect(valueOf(a)).to.equal('1,234 points');
      expect(await mock.count('/profiles/me/balances')).to.equal(1);
    });

    it('leaves widgets to a nearer provider', async () => {
      const f = fakeFetch(() => json({ data: { ...BALANCES, point_balance: 7 } }));
      const near = createOmneoClient({
        baseUrl: 'https://api.x.getomneo.com/id/api/v1',
        tokenProvider: () => jwt(),
        fetch: f.fetch,
      });
      const page = await fixture(html`<div>
        <omneo-provider global base-url=${mock.baseUrl} token-url=${mock.tokenUrl}></omneo-provider>
        <omneo-provider .client=${near} locale="en"><omneo-points-balance></omneo-points-balance></omneo-provider>
      </div>`);
      const el = page.querySelector('omneo-points-balance')!;
      await until(() => valueOf(el));
      expect(valueOf(el)).to.equal('7 points');
      expect(await mock.requests()).to.deep.equal([]);
    });
  });

  describe('late upgrade', () => {
    it('serves widgets that were on the page before the provider was defined', async () => {
      const tag = `late-provider-${Math.random().toString(36).slice(2)}`;
      const page = await fixture(html`<div></div>`);
      page.innerHTML = `<${tag} base-url="${mock.baseUrl}" token-url="${mock.tokenUrl}"><p><omneo-points-balance></omneo-points-balance></p></${tag}>`;
      const el = page.querySelector('omneo-points-balance')!;
      await el.updateComplete;
      expect(valueOf(el)).to.equal(undefined);
      customElements.define(tag, class extends OmneoProvider {});
      await until(() => valueOf(el), 4000);
      expect(valueOf(el)).to.equal('1,234 points');
    });

    it('serves widgets defined after the markup was parsed', async () => {
      const tag = `late-balance-${Math.random().toString(36).slice(2)}`;
      const page = await fixture(html`<div></div>`);
      page.innerHTML = `<omneo-provider base-url="${mock.baseUrl}" token-url="${mock.tokenUrl}"><${tag}></${tag}></omneo-provider>`;
      customElements.define(tag, class extends OmneoPointsBalance {});
      const el = page.querySelector(tag)!;
      await until(() => valueOf(el), 4000);
    });
  });

  describe('attribute changes', () => {
    it("builds a new client for a new base-url, and shows that API's data", async () => {
      const other = await MockOmneo.create();
      await other.spend(10);
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"><omneo-points-balance kind="combined"></omneo-points-balance></omneo-provider>`,
      );
      const el = p.querySelector('omneo-points-balance')!;
      await until(() => valueOf(el));
      const before = valueOf(el);
      const { balances } = await other.state();
      p.baseUrl = other.baseUrl;
      p.tokenUrl = other.tokenUrl;
      const after = new Intl.NumberFormat('en-AU', { style: 'currency', currency: 'AUD' }).format(
        balances.combined_balance_dollars,
      );
      expect(after).not.to.equal(before);
      await until(() => valueOf(el) === after, 4000, after);
    });

    it('re-renders in a new locale without refetching', async () => {
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en"><omneo-points-balance></omneo-points-balance></omneo-provider>`,
      );
      const el = p.querySelector('omneo-points-balance')!;
      await until(() => valueOf(el));
      p.locale = 'de';
      await until(() => valueOf(el)?.startsWith('1.234'));
      expect(await mock.count('/profiles/me/balances')).to.equal(1);
    });

    it('signs out when the token endpoint says so after refresh()', async () => {
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl}><omneo-points-balance></omneo-points-balance></omneo-provider>`,
      );
      const el = p.querySelector('omneo-points-balance')!;
      await until(() => valueOf(el));
      p.tokenUrl = `${mock.tokenUrl}?status=401`;
      await until(() => seen(el) === 'Sign in to see your rewards.');
    });
  });

  it('is display: contents, so it does not change the page layout', async () => {
    const p = await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl}></omneo-provider>`);
    expect(getComputedStyle(p).display).to.equal('contents');
  });
});
