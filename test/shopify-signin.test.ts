/** Sign-in by signed Shopify customer (widget-contract.md, "Sign-in on Shopify"), over the wire. */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { OmneoError, createOmneoClient, type OmneoProvider } from '../src/index.js';
import { BALANCES, fakeFetch, json, jwt, part, until } from './helpers.js';

const BASE = 'https://api.acme.getomneo.com/id/api/v1';
const SHOPIFY = 'https://api.acme.getomneo.com/shopify/api/v1/auth/token';

/** Omneo answering a Shopify sign-in with `token` (or refusing with `refusal`), and the balances. */
function omneo({ refusal }: { refusal?: number } = {}) {
  return fakeFetch(({ url }) => {
    if (url.href === SHOPIFY)
      return refusal ? json({ message: 'Invalid signature.' }, refusal) : json({ data: { token: jwt() } });
    if (url.pathname.endsWith('/profiles/me/balances')) return json({ data: BALANCES });
    return json({ message: 'Not found' }, 404);
  });
}

describe('sign-in by signed Shopify customer', () => {
  beforeEach(() => sessionStorage.clear());

  it('exchanges the customer id and signature at the Shopify endpoint, with no credentials, then reads the balances', async () => {
    const api = omneo();
    const client = createOmneoClient({ baseUrl: BASE, shopifyCustomerId: '7001', shopifySignature: 'ab12', fetch: api.fetch });
    const balances = await client.get({ type: 'balances' });
    expect(balances.point_balance).to.equal(1234);
    const [signIn, read] = api.calls;
    expect(signIn.method).to.equal('POST');
    expect(signIn.url.href).to.equal(SHOPIFY);
    expect(JSON.parse(signIn.body)).to.deep.equal({ id: '7001', signature: 'ab12' });
    expect(signIn.headers.get('content-type')).to.match(/^application\/json/);
    expect(signIn.headers.get('authorization')).to.equal(null);
    expect(signIn.credentials).to.equal('omit');
    expect(read.headers.get('authorization')).to.match(/^Bearer /);
    expect(api.calls.length).to.equal(2);
  });

  it('finds the endpoint from the tenant too', async () => {
    const api = omneo();
    const client = createOmneoClient({ tenant: 'acme', shopifyCustomerId: '7001', shopifySignature: 'ab12', fetch: api.fetch });
    await client.get({ type: 'balances' });
    expect(api.calls[0].url.href).to.equal(SHOPIFY);
  });

  it('a guest (an empty id) is signed out, and nothing is requested', async () => {
    const api = omneo();
    const client = createOmneoClient({ baseUrl: BASE, shopifyCustomerId: '', shopifySignature: '', fetch: api.fetch });
    const error = await client.get({ type: 'balances' }).catch((e: OmneoError) => e);
    expect((error as OmneoError).kind).to.equal('signed-out');
    expect(api.calls.length).to.equal(0);
  });

  for (const status of [401, 403, 404, 422]) {
    it(`a refused signature (${status}) is an auth error, not a guest, and no data is read`, async () => {
      const api = omneo({ refusal: status });
      const client = createOmneoClient({ baseUrl: BASE, shopifyCustomerId: '7001', shopifySignature: 'wrong', fetch: api.fetch });
      const error = (await client.get({ type: 'balances' }).catch((e: OmneoError) => e)) as OmneoError;
      expect(error).to.be.instanceOf(OmneoError);
      expect(error.kind).to.equal('auth');
      expect(error.status).to.equal(status);
      expect(api.count('/profiles/me/balances')).to.equal(0);
    });
  }

  it('a token, token-url or tokenProvider wins over the Shopify customer', async () => {
    const api = omneo();
    const client = createOmneoClient({
      baseUrl: BASE,
      token: jwt(),
      shopifyCustomerId: '7001',
      shopifySignature: 'ab12',
      fetch: api.fetch,
    });
    await client.get({ type: 'balances' });
    expect(api.calls.map((c) => c.url.pathname)).to.deep.equal(['/id/api/v1/profiles/me/balances']);
  });

  it('renews the token after a 401 from the API, at the Shopify endpoint', async () => {
    let refused = false;
    const api = fakeFetch(({ url }) => {
      if (url.href === SHOPIFY) return json({ data: { token: jwt() } });
      if (!refused) {
        refused = true;
        return json({ message: 'Unauthenticated.' }, 401);
      }
      return json({ data: BALANCES });
    });
    const client = createOmneoClient({ baseUrl: BASE, shopifyCustomerId: '7001', shopifySignature: 'ab12', fetch: api.fetch });
    expect((await client.get({ type: 'balances' })).point_balance).to.equal(1234);
    expect(api.count('/auth/token', 'POST')).to.equal(2);
  });

  it('a base-url that is not an ID API base is a clear setup error', async () => {
    expect(() =>
      createOmneoClient({ baseUrl: 'https://example.com/api', shopifyCustomerId: '7001', shopifySignature: 'ab12' }),
    ).to.throw(/ends in \/id\/api\/v1/);
  });

  it('<omneo-provider>: a refused signature shows the error state and fires omneo-error with kind auth', async () => {
    const api = omneo({ refusal: 403 });
    const original = window.fetch;
    window.fetch = api.fetch;
    try {
      const errors: CustomEvent[] = [];
      const provider = await fixture<OmneoProvider>(
        html`<omneo-provider base-url=${BASE} shopify-customer-id="7001" shopify-signature="wrong" @omneo-error=${(e: CustomEvent) => errors.push(e)}>
          <omneo-points-balance></omneo-points-balance>
        </omneo-provider>`,
      );
      const balance = provider.querySelector('omneo-points-balance')!;
      await until(() => part(balance, 'error'), 4000, 'the error state');
      expect(part(balance, 'error')!.textContent).to.not.match(/undefined|null|NaN/);
      expect(part(balance, 'value')).to.equal(null);
      expect(errors.length).to.equal(1);
      expect(api.count('/profiles/me/balances')).to.equal(0);
    } finally {
      window.fetch = original;
    }
  });
});
