import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { OmneoProvider } from '../src/index.js';
import { MockOmneo } from './mock.js';
import { part, until } from './helpers.js';

const loaded = (el: Element) => part(el, 'value') && !part(el, 'value')!.classList.contains('skeleton');

describe('security', () => {
  describe('the shopper token', () => {
    let mock: MockOmneo;
    const sent: { url: string; auth: string | null }[] = [];
    const realFetch = window.fetch;

    beforeEach(async () => {
      mock = await MockOmneo.create();
      sent.length = 0;
      window.fetch = (input, init) => {
        const req = new Request(input, init);
        sent.push({ url: req.url, auth: req.headers.get('authorization') });
        return realFetch(input, init);
      };
    });
    afterEach(() => {
      window.fetch = realFetch;
    });

    it('is sent to the ID API only, and never stored in the browser', async () => {
      const p = await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl}
        ><omneo-points-balance></omneo-points-balance><omneo-points-balance kind="combined"></omneo-points-balance
      ></omneo-provider>`);
      const els = [...p.querySelectorAll('omneo-points-balance')];
      await until(() => els.every(loaded), 4000);
      const { authorization } = (await mock.requests()).find((r) => r.path === '/profiles/me/balances')!;
      const token = authorization!.replace('Bearer ', '');
      expect(token.length).to.be.greaterThan(20);

      const withToken = sent.filter((s) => s.auth?.includes(token));
      expect(withToken.length).to.be.greaterThan(0);
      for (const s of withToken) expect(s.url.startsWith(`${mock.baseUrl}/`), s.url).to.equal(true);
      // The token endpoint gets no Authorization: the host's session cookie is what it checks.
      expect(sent.find((s) => s.url.endsWith(mock.tokenUrl))!.auth).to.equal(null);

      const stored = [
        ...Object.keys(localStorage).map((k) => localStorage.getItem(k)),
        ...Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)),
        document.cookie,
      ].join('\n');
      expect(stored).not.to.contain(token);
      expect(stored).not.to.contain(token.split('.')[1]);
    });
  });

  describe('the example host backend (mock/host-backend.js)', () => {
    const post = (path: string, body?: object) =>
      fetch(`/host${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body && JSON.stringify(body),
      });
    const host = new MockOmneo();
    Object.assign(host, { ns: 'host' });
    const mints = async () =>
      (await (await fetch(`${host.origin}/ns/host/__mock/requests`)).json()).filter(
        (r: { path: string }) => r.path === '/auth/token',
      );

    before(async () => {
      await fetch(`${host.origin}/ns/host/__mock/reset`, { method: 'POST' });
      await post('/demo/sign-out');
    });
    after(() => post('/demo/sign-out'));

    it('refuses to mint without a session, and never asks Omneo', async () => {
      const res = await post('/omneo/token');
      expect(res.status).to.equal(401);
      expect(res.headers.get('cache-control')).to.equal('no-store');
      expect(await mints()).to.deep.equal([]);
    });

    it('mints for the signed-in shopper with the secret key, which the browser never sees', async () => {
      await post('/demo/sign-in', { email: 'ava.thompson@example.com' });
      const res = await post('/omneo/token');
      expect(res.status).to.equal(200);
      const text = await res.text();
      const { data } = JSON.parse(text);
      expect(data.token).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(data.exp).to.be.a('number');
      expect(text).not.to.contain('mock-secret-admin-token');
      const [mint] = await mints();
      expect(mint.authorization).to.equal('Bearer mock-secret-admin-token');
      // The session cookie is HttpOnly: page scripts cannot read it.
      expect(document.cookie).not.to.contain('demo_session');
    });
  });
});
