import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import { createOmneoClient, type OmneoProvider } from '../src/index.js';
import { MockOmneo } from './mock.js';
import { BALANCES, fakeFetch, json, jwt, part, seen, sleep, until } from './helpers.js';

async function mounted(mock: MockOmneo, inner: ReturnType<typeof html>) {
  return fixture<OmneoProvider>(
    html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU">${inner}</omneo-provider>`,
  );
}

/** The first redeem button in `p`, once the balances are known and it can be clicked (or says why not). */
async function button(p: Element, which = 0) {
  const el = p.querySelectorAll('omneo-redeem-button')[which];
  await until(
    () =>
      el.shadowRoot &&
      !el.shadowRoot.querySelector('.sr-only') &&
      (part(el, 'button')?.getAttribute('aria-disabled') === 'false' || seen(part(el, 'message')!)),
    4000,
    'the button',
  );
  return el;
}

const inner = (el: Element) => part(el, 'button') as HTMLButtonElement;
const message = (el: Element) => seen(part(el, 'message')!);
const focused = (el: Element) => el.shadowRoot!.activeElement;
/** The POSTs to the ID API (the token endpoint's own POST to /auth/token left out). */
const posts = async (mock: MockOmneo) => (await mock.requests()).filter((r) => r.method === 'POST' && r.path !== '/auth/token');

/**
 * A $10 redeem button over an API that answers at once, the redeem and the balances read after it
 * (each redeem takes $10 off): what a double click or a held key meets when the API is near.
 * `posts()` counts the redeems sent.
 */
async function besideTheApi() {
  let balance = 57.34;
  const f = fakeFetch((c) => {
    if (c.method !== 'POST') return json({ data: { ...BALANCES, combined_balance_dollars: balance } });
    balance -= 10;
    return json({ data: { id: 1, total: 10 } });
  });
  return { el: await buttonOver(f), posts: () => f.calls.filter((c) => c.method === 'POST').length };
}

/** A $10 redeem button under a provider whose client sends every request to the fake `f`. */
async function buttonOver(f: ReturnType<typeof fakeFetch>) {
  const client = createOmneoClient({
    baseUrl: 'https://api.x.getomneo.com/id/api/v1',
    tokenProvider: () => jwt(),
    fetch: f.fetch,
  });
  const p = await fixture<OmneoProvider>(
    html`<omneo-provider .client=${client} locale="en-AU"><omneo-redeem-button amount="10"></omneo-redeem-button></omneo-provider>`,
  );
  return button(p);
}

/** Polls an async condition (the mock's request log). */
async function eventually(test: () => Promise<unknown>, what: string) {
  for (let i = 0; i < 100; i++) if (await test()) return;
  throw new Error(`timed out waiting for ${what}`);
}

describe('<omneo-redeem-button>', () => {
  let mock: MockOmneo;
  beforeEach(async () => {
    mock = await MockOmneo.create();
  });

  describe('amount', () => {
    it('says "Redeem $10.00", sends one POST {amount: 10} and fires omneo-redeem with the redemption', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button amount="10"></omneo-redeem-button>`);
      const el = await button(p);
      expect(seen(el)).to.equal('Redeem $10.00');
      expect(inner(el).getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
      const redeemed = oneEvent(el, 'omneo-redeem');
      inner(el).click();
      const e = await redeemed;
      expect(e.detail.amount).to.equal(10);
      expect(e.detail.benefitId).to.equal(undefined);
      expect(e.detail.redemption).to.include({ id: 55, total: 10 });
      expect(e.bubbles && e.composed).to.equal(true);
      await el.updateComplete;
      expect(message(el)).to.equal('Redeemed $10.00.');
      expect(part(el, 'message')!.querySelector('[role=status]')!.getAttribute('aria-live')).to.equal('polite');
      expect((await posts(mock)).map((r) => [r.path, r.body])).to.deep.equal([['/profiles/me/redeem', { amount: 10 }]]);
      expect((await mock.state()).balances.combined_balance_dollars).to.equal(47.34);
      await expect(el).to.be.accessible();
    });

    it('an answer with a field that does not fit: "Redeemed $10.00.", and the field left out of omneo-redeem', async () => {
      const body = { data: { id: 55, total: '10', balances: { combined_balance_dollars: 'lots' }, profile_id: 'p1' } };
      await mock.faults([{ path: '/profiles/me/redeem', method: 'POST', status: 200, body }]);
      const p = await mounted(mock, html`<omneo-redeem-button amount="10"></omneo-redeem-button>`);
      const el = await button(p);
      const redeemed = oneEvent(el, 'omneo-redeem');
      inner(el).click();
      const e = await redeemed;
      expect(e.detail.redemption).to.deep.equal({ id: 55, profile_id: 'p1' });
      await el.updateComplete;
      expect(message(el)).to.equal('Redeemed $10.00.');
    });

    it('shows the slot as its text', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button amount="5">Use $5 now</omneo-redeem-button>`);
      const el = await button(p);
      expect(seen(el)).to.equal('Use $5 now');
    });

    it('sends exactly one POST and fires one omneo-redeem however many clicks', async () => {
      await mock.faults([{ path: '/profiles/me/redeem', method: 'POST', delayMs: 300 }]);
      const p = await mounted(mock, html`<omneo-redeem-button amount="10"></omneo-redeem-button>`);
      const el = await button(p);
      let fired = 0;
      el.addEventListener('omneo-redeem', () => fired++);
      inner(el).click();
      inner(el).click();
      inner(el).click();
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-busy')).to.equal('true');
      expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
      expect(message(el)).to.equal('Redeeming…');
      await expect(el).to.be.accessible();
      await sleep(100);
      inner(el).click();
      await until(() => fired > 0);
      await sleep(200);
      expect(fired).to.equal(1);
      expect(await mock.count('/profiles/me/redeem', 'POST')).to.equal(1);
      expect(inner(el).getAttribute('aria-busy')).to.equal('false');
    });

    it('sends the second click of a double click nothing, however fast the API answers the first', async () => {
      // The redeem is answered at once; the balances it changed are read again only when the test says.
      let reads = 0;
      let answerBalances!: () => void;
      const f = fakeFetch((c) => {
        if (c.method === 'POST') return json({ data: { id: 1, total: 10 } });
        if (reads++ === 0) return json({ data: BALANCES });
        return new Promise<Response>(
          (resolve) => (answerBalances = () => resolve(json({ data: { ...BALANCES, combined_balance_dollars: 47.34 } }))),
        );
      });
      const el = await buttonOver(f);
      inner(el).click();
      await oneEvent(el, 'omneo-redeem');
      // The second click comes after the answer, before the new balance: it sends nothing.
      inner(el).click();
      await sleep(50);
      expect(f.calls.filter((c) => c.method === 'POST')).to.have.length(1);
      expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
      expect(message(el)).to.equal('Redeemed $10.00.');
      // Once the new balance is known, the button redeems again.
      answerBalances();
      await until(() => inner(el).getAttribute('aria-disabled') === 'false', 3000, 'the button usable again');
      inner(el).click();
      await oneEvent(el, 'omneo-redeem');
      expect(f.calls.filter((c) => c.method === 'POST')).to.have.length(2);
    });

    it('sends the second click of a double click nothing, even after the new balance is read', async () => {
      // The API answers the redeem and the balances read after it within the double click.
      const { el, posts } = await besideTheApi();
      const click = (detail: number) =>
        inner(el).dispatchEvent(new MouseEvent('click', { detail, bubbles: true, composed: true }));
      click(1);
      await oneEvent(el, 'omneo-redeem');
      await until(() => inner(el).getAttribute('aria-disabled') === 'false', 3000, 'the new balance read');
      // The double click's second click (and a triple click's third), after all that: nothing sent.
      click(2);
      click(3);
      await sleep(100);
      expect(posts()).to.equal(1);
      expect(message(el)).to.equal('Redeemed $10.00.');
      // A click of its own (a mouse's, or the keyboard's, whose detail is 0) is another redeem.
      click(0);
      await oneEvent(el, 'omneo-redeem');
      expect(posts()).to.equal(2);
    });

    // Refused with a 401, then no new token to be had: the redeem was refused, and is not sent again.
    // It did not go through; "could not be confirmed" would have the shopper fear it did.
    it('a redeem refused with a 401 whose token cannot be renewed: "did not go through", kind token, one POST', async () => {
      let tokens = 0;
      const f = fakeFetch((c) => (c.method === 'POST' ? json({ message: 'Unauthenticated.' }, 401) : json({ data: BALANCES })));
      const tokenProvider = () => {
        if (tokens++ > 0) throw new Error('the host could not mint a token');
        return jwt();
      };
      const client = createOmneoClient({ baseUrl: 'https://api.x.getomneo.com/id/api/v1', tokenProvider, fetch: f.fetch });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en-AU"><omneo-redeem-button amount="10"></omneo-redeem-button></omneo-provider>`,
      );
      const el = await button(p);
      const failed = oneEvent(el, 'omneo-redeem-error');
      inner(el).click();
      expect((await failed).detail.error.kind).to.equal('token');
      await el.updateComplete;
      expect(message(el)).to.equal('Your redemption did not go through.');
      await sleep(300);
      expect(f.calls.map((c) => c.method)).to.deep.equal(['GET', 'POST']);
      expect(inner(el).getAttribute('aria-disabled')).to.equal('false');
    });

    it('a held Enter is one redeem: its repeats click nothing, however fast the API', async () => {
      const { el, posts } = await besideTheApi();
      inner(el).focus();
      const redeemed = oneEvent(el, 'omneo-redeem');
      await sendKeys({ down: 'Enter' });
      await redeemed;
      await until(() => inner(el).getAttribute('aria-disabled') === 'false', 3000, 'the new balance read');
      // Still held: the browser repeats the keydown, which would click the button again.
      await sendKeys({ down: 'Enter' });
      await sendKeys({ down: 'Enter' });
      await sendKeys({ up: 'Enter' });
      await sleep(100);
      expect(posts()).to.equal(1);
      // A new press is a new redeem.
      const again = oneEvent(el, 'omneo-redeem');
      await sendKeys({ press: 'Enter' });
      await again;
      expect(posts()).to.equal(2);
    });

    it('takes a balance of 0.7999999999999999 (0.7 + 0.1 in a double) for the $0.80 it is', async () => {
      const f = fakeFetch(() => json({ data: { ...BALANCES, combined_balance_dollars: 0.7 + 0.1 } }));
      const client = createOmneoClient({
        baseUrl: 'https://api.x.getomneo.com/id/api/v1',
        tokenProvider: () => jwt(),
        fetch: f.fetch,
      });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en-AU">
          <omneo-redeem-button amount="0.8"></omneo-redeem-button>
          <omneo-redeem-button amount="0.81"></omneo-redeem-button>
        </omneo-provider>`,
      );
      const [exact, over] = [await button(p), await button(p, 1)];
      expect(inner(exact).getAttribute('aria-disabled')).to.equal('false');
      expect(message(exact)).to.equal('');
      expect(inner(over).getAttribute('aria-disabled')).to.equal('true');
      expect(message(over)).to.equal('This exceeds your balance of $0.80.');
    });

    it('sends nothing when omneo-before-redeem is cancelled', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button amount="10"></omneo-redeem-button>`);
      const el = await button(p);
      let detail: unknown;
      p.addEventListener('omneo-before-redeem', (e) => {
        detail = e.detail;
        expect(e.cancelable).to.equal(true);
        e.preventDefault();
      });
      let outcome = 0;
      el.addEventListener('omneo-redeem', () => outcome++);
      el.addEventListener('omneo-redeem-error', () => outcome++);
      inner(el).click();
      await sleep(200);
      expect(detail).to.deep.equal({ amount: 10 });
      expect(await mock.count('/profiles/me/redeem', 'POST')).to.equal(0);
      expect(outcome).to.equal(0);
      expect(inner(el).getAttribute('aria-disabled')).to.equal('false');
    });

    it("shows the API's own message and fires omneo-redeem-error when it refuses (422)", async () => {
      const refusal = {
        message: 'The given data was invalid.',
        errors: { amount: ['The amount exceeds the available balance.'] },
      };
      await mock.faults([{ path: '/profiles/me/redeem', method: 'POST', status: 422, body: refusal }]);
      const p = await mounted(mock, html`<omneo-redeem-button amount="10"></omneo-redeem-button>`);
      const el = await button(p);
      const failed = oneEvent(el, 'omneo-redeem-error');
      inner(el).click();
      const e = await failed;
      expect(e.detail.amount).to.equal(10);
      expect(e.detail.error).to.include({ status: 422, message: 'The given data was invalid.' });
      expect(e.detail.error.errors).to.deep.equal(refusal.errors);
      await el.updateComplete;
      expect(message(el)).to.equal('The amount exceeds the available balance.');
      expect(part(el, 'message')!.querySelector('[role=status]')!.getAttribute('aria-live')).to.equal('assertive');
      expect(inner(el).getAttribute('aria-disabled')).to.equal('false');
      expect(await mock.count('/profiles/me/redeem', 'POST')).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('is disabled, saying why, while the amount is above the combined balance', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button amount="100"></omneo-redeem-button>`);
      const el = await button(p);
      expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
      expect(message(el)).to.equal('This exceeds your balance of $57.34.');
      expect(inner(el).getAttribute('aria-describedby')).to.equal(part(el, 'message')!.id);
      inner(el).click();
      await sleep(100);
      expect(await mock.count('/profiles/me/redeem', 'POST')).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('is disabled while signed out, and says so', async () => {
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider base-url=${mock.baseUrl} token-url=${`${mock.tokenUrl}?status=401`}><omneo-redeem-button amount="10"></omneo-redeem-button></omneo-provider>`,
      );
      const el = p.querySelector('omneo-redeem-button')!;
      await until(() => message(el) === 'Sign in to redeem.');
      expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
      inner(el).click();
      await sleep(100);
      expect(await mock.requests()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('is disabled while the balances load, saying so to assistive technology', async () => {
      const f = fakeFetch(() => new Promise(() => {}));
      const client = createOmneoClient({
        baseUrl: 'https://api.x.getomneo.com/id/api/v1',
        tokenProvider: () => jwt(),
        fetch: f.fetch,
      });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client}><omneo-redeem-button amount="10"></omneo-redeem-button></omneo-provider>`,
      );
      const el = p.querySelector('omneo-redeem-button')!;
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, 'message')!.querySelector('.sr-only')!.textContent).to.equal('Loading…');
      inner(el).click();
      expect(f.count('/redeem', 'POST')).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('updates every balance and list on the page after a redeem, with one GET per resource', async () => {
      const p = await mounted(
        mock,
        html`<omneo-points-balance kind="combined"></omneo-points-balance><omneo-points-balance kind="rewards"></omneo-points-balance>
          <omneo-rewards-list limit="3"></omneo-rewards-list><omneo-rewards-list limit="10"></omneo-rewards-list>
          <omneo-redeem-button amount="10"></omneo-redeem-button><omneo-redeem-button amount="1"></omneo-redeem-button>`,
      );
      const [combined, rewards] = p.querySelectorAll('omneo-points-balance');
      const [short, long] = p.querySelectorAll('omneo-rewards-list');
      const el = await button(p);
      await button(p, 1);
      await until(() => part(combined, 'value')?.textContent === '$57.34' && part(rewards, 'value')?.textContent === '$45.00');
      await until(
        () =>
          short.shadowRoot!.querySelectorAll('[part=item]:not(.loading-row)').length === 3 &&
          long.shadowRoot!.querySelectorAll('[part=item]:not(.loading-row)').length === 6,
      );
      await sleep(100);
      const before = await mock.requests();
      const gets = (log: typeof before, path: string) => log.filter((r) => r.method === 'GET' && r.path === path).length;
      expect(gets(before, '/profiles/me/balances')).to.equal(1);
      expect(gets(before, '/profiles/me/rewards')).to.equal(1);
      inner(el).click();
      await oneEvent(el, 'omneo-redeem');
      // Birthday $10 (the soonest to expire) is spent: it leaves both lists.
      await until(() => part(combined, 'value')!.textContent === '$47.34' && part(rewards, 'value')!.textContent === '$35.00');
      const name = (l: Element) => l.shadowRoot!.querySelector('[part=name]')!.textContent;
      await until(() => name(short) === 'Spring Bonus $5' && name(long) === 'Spring Bonus $5');
      await sleep(200);
      const after = (await mock.requests()).slice(before.length);
      expect(after.map((r) => `${r.method} ${r.path}`).sort()).to.deep.equal([
        'GET /profiles/me/balances',
        'GET /profiles/me/rewards',
        'POST /profiles/me/redeem',
      ]);
    });
  });

  describe('benefit', () => {
    // omneo-id-api.md does not describe a benefit redeem's answer: any 2xx in JSON, or with no body,
    // is the API saying it redeemed, and the shopper is told so (a code only when the answer has one).
    for (const [what, status, body] of [
      ['204 No Content', 204, ''],
      ['JSON with no data', 200, { message: 'Benefit redeemed.' }],
      ['data with a code that is not text', 200, { data: { id: 201, redeem_code_online: { code: 'X' } } }],
    ] as const) {
      it(`an answer of ${what}: "Redeemed.", omneo-redeem with what fits, one POST`, async () => {
        await mock.faults([{ path: '/profiles/me/benefits/201/redeem', method: 'POST', status, body }]);
        const p = await mounted(mock, html`<omneo-redeem-button benefit-id="201"></omneo-redeem-button>`);
        const el = await button(p);
        const redeemed = oneEvent(el, 'omneo-redeem');
        inner(el).click();
        const e = await redeemed;
        expect(e.detail.redemption).to.deep.equal(status === 200 && 'data' in body ? { id: 201 } : {});
        await el.updateComplete;
        expect(message(el)).to.equal('Redeemed.');
        expect(part(el, 'copy')).to.equal(null);
        expect((await posts(mock)).map((r) => r.path)).to.deep.equal(['/profiles/me/benefits/201/redeem']);
      });
    }

    it('an answer with fields named like Object.prototype\'s (toString, __proto__): "Redeemed.", with its code', async () => {
      const body = '{"data": {"id": 201, "redeem_code_online": "SHIPFREE-7QK2M", "toString": 5, "__proto__": {"x": 1}}}';
      await mock.faults([{ path: '/profiles/me/benefits/201/redeem', method: 'POST', status: 200, body }]);
      const p = await mounted(mock, html`<omneo-redeem-button benefit-id="201"></omneo-redeem-button>`);
      const el = await button(p);
      const redeemed = oneEvent(el, 'omneo-redeem');
      inner(el).click();
      expect((await redeemed).detail.redemption).to.include({ id: 201, redeem_code_online: 'SHIPFREE-7QK2M', toString: 5 });
      await el.updateComplete;
      expect(seen(part(el, 'message')!.querySelector('[role=status]')!)).to.equal('Redeemed. Your code: SHIPFREE-7QK2M');
    });

    it('redeems the benefit by its id and shows its code, with a copy button', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button benefit-id="201"></omneo-redeem-button>`);
      const el = await button(p);
      expect(seen(el)).to.equal('Redeem');
      const redeemed = oneEvent(el, 'omneo-redeem');
      inner(el).click();
      const e = await redeemed;
      expect(e.detail).to.include({ benefitId: '201' });
      expect(e.detail.amount).to.equal(undefined);
      expect(e.detail.redemption).to.include({ id: 201, redeem_code_online: 'SHIPFREE-7QK2M' });
      await el.updateComplete;
      expect(seen(part(el, 'message')!.querySelector('[role=status]')!)).to.equal('Redeemed. Your code: SHIPFREE-7QK2M');
      expect(part(el, 'message')!.querySelector('[role=status] code')!.textContent).to.equal('SHIPFREE-7QK2M');
      expect(part(el, 'copy')!.textContent).to.equal('Copy code');
      expect((await posts(mock)).map((r) => [r.path, r.body])).to.deep.equal([['/profiles/me/benefits/201/redeem', null]]);
      await expect(el).to.be.accessible();
    });

    it('copies the code to the clipboard, or selects it when there is no clipboard', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button benefit-id="203"></omneo-redeem-button>`);
      const el = await button(p);
      inner(el).click();
      await oneEvent(el, 'omneo-redeem');
      await el.updateComplete;
      const copy = part(el, 'copy') as HTMLButtonElement;
      const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
      let copied = '';
      try {
        Object.defineProperty(navigator, 'clipboard', {
          configurable: true,
          value: { writeText: async (t: string) => void (copied = t) },
        });
        copy.click();
        await until(() => copy.textContent === 'Copied');
        expect(copied).to.equal('GOLD15-AVA3');
        Object.defineProperty(navigator, 'clipboard', {
          configurable: true,
          value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
        });
        copy.click();
        await until(() => copy.textContent!.startsWith('Code selected'));
        expect(getSelection()!.toString()).to.equal('GOLD15-AVA3');
      } finally {
        Reflect.deleteProperty(navigator, 'clipboard');
        Object.defineProperty(Navigator.prototype, 'clipboard', original);
      }
    });

    it('shows no code when the API gives none', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button benefit-id="202"></omneo-redeem-button>`);
      const el = await button(p);
      inner(el).click();
      await oneEvent(el, 'omneo-redeem');
      await el.updateComplete;
      expect(message(el)).to.equal('Redeemed.');
      expect(part(el, 'copy')).to.equal(null);
    });

    it('stays usable when the balances fail, and keeps its code while they are read again', async () => {
      await mock.faults([{ path: '/profiles/me/balances', status: 503, body: { message: 'Service Unavailable' } }]);
      // No retries, so the balances fail at once.
      const client = createOmneoClient({ baseUrl: mock.baseUrl, tokenUrl: mock.tokenUrl, retries: 0 });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en-AU"
          ><omneo-redeem-button benefit-id="201"></omneo-redeem-button
          ><omneo-redeem-button amount="10"></omneo-redeem-button
        ></omneo-provider>`,
      );
      const [benefit, amount] = [await button(p, 0), await button(p, 1)];
      // An amount is checked against the balances: it waits for them, and says why.
      expect(inner(amount).getAttribute('aria-disabled')).to.equal('true');
      expect(message(amount)).to.equal('Your rewards could not be loaded. Try again');
      // A benefit is not paid from them: it says they failed, and stays usable.
      expect(inner(benefit).getAttribute('aria-disabled')).to.equal('false');
      expect(message(benefit)).to.equal('Your rewards could not be loaded. Try again');
      const before = await mock.count('/profiles/me/balances');
      inner(benefit).click();
      await oneEvent(benefit, 'omneo-redeem');
      await benefit.updateComplete;
      const outcome = () => seen(part(benefit, 'message')!.querySelector('[role=status]')!);
      expect(outcome()).to.equal('Redeemed. Your code: SHIPFREE-7QK2M');
      // The redeem reads the balances again; they fail again, and the code stays.
      await until(async () => (await mock.count('/profiles/me/balances')) > before, 3000, 'the balances read again');
      await until(() => message(amount) === 'Your rewards could not be loaded. Try again', 3000, 'the amount button to settle');
      await benefit.updateComplete;
      expect(message(benefit)).to.equal(
        'Your rewards could not be loaded. Try again Redeemed. Your code: SHIPFREE-7QK2M Copy code',
      );
      expect((await posts(mock)).map((r) => r.path)).to.deep.equal(['/profiles/me/benefits/201/redeem']);
    });

    it('keeps its code through a refresh of balances that it had, and that now fail', async () => {
      const client = createOmneoClient({ baseUrl: mock.baseUrl, tokenUrl: mock.tokenUrl, retries: 0 });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en-AU"><omneo-redeem-button benefit-id="201"></omneo-redeem-button></omneo-provider>`,
      );
      const el = await button(p);
      // From here on the balances fail; the ones read first stay known.
      await mock.faults([{ path: '/profiles/me/balances', status: 503, body: { message: 'Service Unavailable' } }]);
      inner(el).click();
      await oneEvent(el, 'omneo-redeem');
      await oneEvent(el, 'omneo-error');
      // The page asks for everything again (after its own change, say): the balances fail once more.
      const failedAgain = oneEvent(el, 'omneo-error');
      client.invalidate();
      await failedAgain;
      await el.updateComplete;
      expect(message(el)).to.equal('Redeemed. Your code: SHIPFREE-7QK2M Copy code');
      expect(inner(el).getAttribute('aria-disabled')).to.equal('false');
    });

    for (const balances of ['loaded', 'failing'] as const) {
      it(`drops its code when the provider changes shopper (balances ${balances})`, async () => {
        if (balances === 'failing') {
          await mock.faults([{ path: '/profiles/me/balances', status: 503, body: { message: 'Service Unavailable' } }]);
        }
        const p = await fixture<OmneoProvider>(
          html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="en-AU"
            ><omneo-redeem-button benefit-id="201"></omneo-redeem-button
          ></omneo-provider>`,
        );
        const el = await button(p);
        inner(el).click();
        await oneEvent(el, 'omneo-redeem');
        await el.updateComplete;
        expect(message(el)).to.contain('Your code: SHIPFREE-7QK2M');
        // Another shopper on the same page: a new client, whose widgets show nothing of the last one's.
        p.tokenUrl = `${mock.tokenUrl}?shopper=next`;
        await el.updateComplete;
        await sleep(50);
        expect(message(el)).not.to.contain('SHIPFREE');
        expect(part(el, 'copy')).to.equal(null);
      });
    }

    it('is disabled when the balances fail because the sign-in is refused (the redeem would be too)', async () => {
      // Every token is refused: after one renewal, the balances fail with an auth error.
      await mock.faults([{ path: '/profiles/me/balances', status: 401, body: { message: 'Unauthenticated.' } }]);
      const p = await mounted(mock, html`<omneo-redeem-button benefit-id="201"></omneo-redeem-button>`);
      const el = p.querySelector('omneo-redeem-button')!;
      const failed = await oneEvent(el, 'omneo-error');
      expect(failed.detail.error.kind).to.equal('auth');
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
      expect(message(el)).to.contain('Try again');
      inner(el).click();
      await el.updateComplete;
      expect(await posts(mock)).to.deep.equal([]);
    });

    it("shows the API's message when another copy of the library's client refuses it", async () => {
      // A framework app's npm import beside the drop-in bundle: two copies that share providers. The
      // npm build (`npm run build`, before this step in `npm test`) is the other copy here.
      const npmBuild = '/dist/npm/index.js';
      const other = (await import(/* @vite-ignore */ npmBuild)) as typeof import('../src/index.js');
      const client = other.createOmneoClient({ baseUrl: mock.baseUrl, tokenUrl: mock.tokenUrl });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en-AU"><omneo-redeem-button benefit-id="205"></omneo-redeem-button></omneo-provider>`,
      );
      const el = await button(p);
      const failed = oneEvent(el, 'omneo-redeem-error');
      inner(el).click();
      expect((await failed).detail.error).to.include({ kind: 'http', status: 422 });
      await el.updateComplete;
      expect(message(el)).to.equal('This benefit has expired.');
    });

    it("shows the API's message when it refuses the benefit", async () => {
      const p = await mounted(mock, html`<omneo-redeem-button benefit-id="205"></omneo-redeem-button>`);
      const el = await button(p);
      const failed = oneEvent(el, 'omneo-redeem-error');
      inner(el).click();
      expect((await failed).detail).to.deep.include({ benefitId: '205' });
      await el.updateComplete;
      expect(message(el)).to.equal('This benefit has expired.');
    });
    for (const [locale, words] of [
      ['en-AU', 'Your redemption did not go through.'],
      ['fr', 'Votre échange n’a pas abouti.'],
    ]) {
      it(`says the redeem did not go through, in its own words (${locale}), when a refusal carries no message`, async () => {
        await import('../src/locales/fr.js');
        await mock.faults([{ path: '/profiles/me/benefits/201/redeem', method: 'POST', status: 403, body: '' }]);
        const p = await fixture<OmneoProvider>(
          html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale=${locale}
            ><omneo-redeem-button benefit-id="201"></omneo-redeem-button
          ></omneo-provider>`,
        );
        const el = await button(p);
        const failed = oneEvent(el, 'omneo-redeem-error');
        inner(el).click();
        // The event keeps what happened, for the page's developers.
        expect((await failed).detail.error).to.include({ kind: 'http', status: 403, message: 'Omneo answered 403.' });
        await el.updateComplete;
        expect(message(el)).to.equal(words);
      });
    }
  });

  describe('confirm', () => {
    it('asks first, moving focus to Confirm, and back to the button on Cancel', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button amount="10" confirm></omneo-redeem-button>`);
      const el = await button(p);
      inner(el).focus();
      inner(el).click();
      await el.updateComplete;
      expect(seen(el)).to.equal('Redeem $10.00? Confirm Cancel');
      expect(inner(el)).to.equal(null);
      expect(focused(el)).to.equal(part(el, 'confirm'));
      await expect(el).to.be.accessible();
      part(el, 'cancel')!.click();
      await el.updateComplete;
      expect(focused(el)).to.equal(inner(el));
      expect(seen(el)).to.equal('Redeem $10.00');
      await sleep(100);
      expect(await mock.count('/profiles/me/redeem', 'POST')).to.equal(0);
    });

    it('cancels on Escape', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button amount="10" confirm></omneo-redeem-button>`);
      const el = await button(p);
      inner(el).focus();
      inner(el).click();
      await el.updateComplete;
      part(el, 'confirm')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await el.updateComplete;
      expect(part(el, 'confirm')).to.equal(null);
      expect(focused(el)).to.equal(inner(el));
      expect(await mock.count('/profiles/me/redeem', 'POST')).to.equal(0);
    });

    it('sends once on Confirm, focus on the button', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button amount="10" confirm></omneo-redeem-button>`);
      const el = await button(p);
      inner(el).focus();
      inner(el).click();
      await el.updateComplete;
      const redeemed = oneEvent(el, 'omneo-redeem');
      part(el, 'confirm')!.click();
      part(el, 'confirm')?.click();
      await el.updateComplete;
      expect(focused(el)).to.equal(inner(el));
      await redeemed;
      await sleep(100);
      expect(await mock.count('/profiles/me/redeem', 'POST')).to.equal(1);
      expect(message(el)).to.equal('Redeemed $10.00.');
    });

    it('says only what it redeemed when the balance left is below the amount, the button disabled', async () => {
      const p = await mounted(
        mock,
        html`<omneo-redeem-button amount="50"></omneo-redeem-button><omneo-points-balance kind="combined"></omneo-points-balance>`,
      );
      const el = await button(p);
      const balance = p.querySelector('omneo-points-balance')!;
      inner(el).click();
      await oneEvent(el, 'omneo-redeem');
      // $7.34 is left: the balances are read again, and the button cannot redeem $50 any more.
      await until(() => part(balance, 'value')?.textContent === '$7.34', 3000, 'the new balance');
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
      expect(message(el)).to.equal('Redeemed $50.00.');
    });

    it('sends nothing on Confirm once the balance has fallen below the amount, and leaves the question', async () => {
      const p = await mounted(
        mock,
        html`<omneo-redeem-button amount="50"></omneo-redeem-button><omneo-redeem-button amount="10" confirm></omneo-redeem-button>`,
      );
      const [big, el] = [await button(p, 0), await button(p, 1)];
      inner(el).click();
      await el.updateComplete;
      expect(part(el, 'confirm')).not.to.equal(null);
      // Meanwhile $50 of the $57.34 is spent by the other button.
      inner(big).click();
      await oneEvent(big, 'omneo-redeem');
      await until(() => message(el) === 'This exceeds your balance of $7.34.', 3000, 'the new balance');
      part(el, 'confirm')!.click();
      await el.updateComplete;
      expect(part(el, 'confirm')).to.equal(null);
      expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
      await sleep(100);
      expect((await posts(mock)).map((r) => r.body)).to.deep.equal([{ amount: 50 }]);
    });

    it('sends nothing on Confirm once it is disabled', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button amount="10" confirm></omneo-redeem-button>`);
      const el = await button(p);
      inner(el).click();
      await el.updateComplete;
      el.disabled = true;
      await el.updateComplete;
      part(el, 'confirm')!.click();
      await el.updateComplete;
      expect(part(el, 'confirm')).to.equal(null);
      await sleep(100);
      expect(await posts(mock)).to.deep.equal([]);
    });

    it('asks about the benefit in benefit mode', async () => {
      const p = await mounted(mock, html`<omneo-redeem-button benefit-id="202" confirm></omneo-redeem-button>`);
      const el = await button(p);
      inner(el).click();
      await el.updateComplete;
      expect(seen(el)).to.equal('Redeem this benefit? Confirm Cancel');
    });
  });

  describe('unknown outcome', () => {
    /** A client on the mock whose `fetch` counts what this library sends, before the browser's network stack. */
    function counted() {
      const sent: string[] = [];
      const f: typeof fetch = (input, init) => {
        const req = new Request(input, init);
        sent.push(`${req.method} ${new URL(req.url).pathname.replace(/.*\/id\/api\/v1/, '')}`);
        return fetch(req);
      };
      return {
        sent,
        client: createOmneoClient({ baseUrl: mock.baseUrl, tokenProvider: mock.tokenProvider, timeout: 400, fetch: f }),
      };
    }

    for (const [what, fault] of [
      ['a timeout', { hang: true }],
      ['a dropped connection', { drop: true }],
      ['a 502', { status: 502, body: '<html>Bad gateway</html>' }],
    ] as const) {
      it(`after ${what}: says it could not be confirmed, sends once, and re-reads the balances`, async () => {
        await mock.faults([{ path: '/profiles/me/redeem', method: 'POST', ...fault }]);
        const { sent, client } = counted();
        const p = await fixture<OmneoProvider>(
          html`<omneo-provider .client=${client} locale="en-AU"><omneo-redeem-button amount="10"></omneo-redeem-button></omneo-provider>`,
        );
        const el = await button(p);
        const failed = oneEvent(el, 'omneo-redeem-error');
        inner(el).click();
        const e = await failed;
        expect(e.detail.amount).to.equal(10);
        expect(e.detail.error.kind).to.equal(what === 'a 502' ? 'http' : 'network');
        await el.updateComplete;
        expect(message(el)).to.equal("We couldn't confirm your redemption. Check your balance before trying again.");
        expect(part(el, 'message')!.querySelector('[role=status]')!.getAttribute('aria-live')).to.equal('assertive');
        await until(() => sent.filter((s) => s === 'GET /profiles/me/balances').length === 2, 3000, 'the balances re-read');
        await sleep(300);
        expect(sent).to.deep.equal(['GET /profiles/me/balances', 'POST /profiles/me/redeem', 'GET /profiles/me/balances']);
        // Chromium itself resends a request whose reused keep-alive connection closed before any
        // answer, whatever its method; what the library sent is counted above, not what the mock saw.
        if (what !== 'a dropped connection') expect(await mock.count('/profiles/me/redeem', 'POST')).to.equal(1);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('removed mid-flight', () => {
    it('lets the request finish and throws nothing', async () => {
      await mock.faults([{ path: '/profiles/me/redeem', method: 'POST', delayMs: 200 }]);
      const p = await mounted(mock, html`<omneo-redeem-button amount="10"></omneo-redeem-button>`);
      const el = await button(p);
      const errors: unknown[] = [];
      const onError = (e: Event) => errors.push((e as ErrorEvent).error ?? (e as PromiseRejectionEvent).reason);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onError);
      try {
        inner(el).click();
        el.remove();
        await eventually(async () => (await mock.state()).redemptions.length === 1, 'the redemption');
        await sleep(200);
        expect(await mock.count('/profiles/me/redeem', 'POST')).to.equal(1);
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onError);
      }
    });
  });

  describe('set up wrong', () => {
    for (const [what, tpl] of [
      ['no amount and no benefit-id', html`<omneo-redeem-button></omneo-redeem-button>`],
      ['amount 0', html`<omneo-redeem-button amount="0"></omneo-redeem-button>`],
      ['a negative amount', html`<omneo-redeem-button amount="-5"></omneo-redeem-button>`],
      ['an amount that is not a number', html`<omneo-redeem-button amount="ten"></omneo-redeem-button>`],
      ['an amount finer than a cent', html`<omneo-redeem-button amount="10.005"></omneo-redeem-button>`],
      ['both an amount and a benefit-id', html`<omneo-redeem-button amount="10" benefit-id="201"></omneo-redeem-button>`],
    ]) {
      it(`says so and stays disabled for ${what}`, async () => {
        const p = await mounted(mock, tpl);
        const el = p.querySelector('omneo-redeem-button')!;
        await until(() => message(el).includes('not set up'));
        expect(message(el)).to.equal('This button is not set up: give it an amount above 0 or a benefit-id.');
        expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
        inner(el).click();
        await sleep(100);
        expect(await posts(mock)).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('words', () => {
    it('speaks French with the fr locale, and takes strings', async () => {
      await import('../src/locales/fr.js');
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale="fr-FR"
        ><omneo-redeem-button amount="100"></omneo-redeem-button><omneo-redeem-button amount="10" .strings=${{ redeemAmount: 'Spend {amount}' }}></omneo-redeem-button
      ></omneo-provider>`);
      const el = await button(p);
      const money = (n: number) =>
        new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'AUD' }).format(n).replace(/\s/g, ' ');
      expect(seen(el)).to.equal(`Utiliser ${money(100)} Cela dépasse votre solde de ${money(57.34)}.`);
      expect(seen(await button(p, 1))).to.equal(`Spend ${money(10)}`);
    });
  });

  describe('no provider', () => {
    for (const [what, template] of [
      ['an amount', html`<div><omneo-redeem-button amount="10"></omneo-redeem-button></div>`],
      ['a benefit', html`<div><omneo-redeem-button benefit-id="201"></omneo-redeem-button></div>`],
    ] as const) {
      it(`is disabled and says there is no provider (${what})`, async () => {
        const wrap = await fixture(template);
        const el = wrap.querySelector('omneo-redeem-button')!;
        await oneEvent(el, 'omneo-error');
        await el.updateComplete;
        expect(message(el)).to.contain('no <omneo-provider>');
        expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
        await expect(el).to.be.accessible();
      });
    }
  });
});
