import { expect } from '@open-wc/testing';
import { MockOmneo } from './mock.js';

/** The mock's Shopify sign-in, as a storefront page calls it (cross-origin, no credentials). */
async function signIn(mock: MockOmneo, body: object) {
  const res = await fetch(`${mock.shopifyBaseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('the mock Omneo: Shopify sign-in', () => {
  it('gives a shopper token for a customer id signed with the shop secret, and the token reads that shopper', async () => {
    const mock = await MockOmneo.create();
    const id = MockOmneo.shopifyCustomerId;
    const { status, body } = await signIn(mock, { id, signature: await MockOmneo.shopifySignature(id) });
    expect(status).to.equal(200);
    expect(body.data.exp).to.be.a('number');
    const balances = await fetch(`${mock.baseUrl}/profiles/me/balances`, {
      headers: { Authorization: `Bearer ${body.data.token}` },
    });
    expect((await balances.json()).data.point_balance).to.equal(1234);
    const logged = (await mock.requests()).filter((r) => r.path === MockOmneo.shopifyTokenPath);
    expect(logged.map((r) => [r.method, r.authorization, r.body])).to.deep.equal([
      ['POST', null, { id, signature: await MockOmneo.shopifySignature(id) }],
    ]);
  });

  it('refuses a signature made with another secret (401), and a customer with no profile (404)', async () => {
    const mock = await MockOmneo.create();
    const id = MockOmneo.shopifyCustomerId;
    const wrong = await signIn(mock, { id, signature: await MockOmneo.shopifySignature(id, 'not-the-shop-secret') });
    expect([wrong.status, wrong.body]).to.deep.equal([401, { message: 'Invalid signature.' }]);
    const stranger = MockOmneo.shopifyStrangerId;
    const unknown = await signIn(mock, { id: stranger, signature: await MockOmneo.shopifySignature(stranger) });
    expect(unknown.status).to.equal(404);
    const missing = await signIn(mock, { id });
    expect(missing.status).to.equal(422);
    expect(missing.body.errors).to.have.key('signature');
  });
});
