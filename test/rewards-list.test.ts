import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import { createOmneoClient, type OmneoProvider, type OmneoRedeemButton } from '../src/index.js';
import { MockOmneo } from './mock.js';
import { BALANCES, fakeFetch, json, jwt, part, seen, sleep, until } from './helpers.js';

const CDN = 'https://cdn.example.com/omneo-demo';

async function mounted(mock: MockOmneo, inner: ReturnType<typeof html>, locale = 'en-AU') {
  return fixture<OmneoProvider>(
    html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale=${locale}>${inner}</omneo-provider>`,
  );
}

/**
 * A list in the provider, once its items (or its empty state) are shown; with `n`, once exactly
 * `n` items are drawn and stay so (a long list is drawn a few items a task).
 */
async function list(p: Element, which = 0, n?: number) {
  const el = p.querySelectorAll('omneo-rewards-list')[which];
  await until(() => el.shadowRoot?.querySelector('[part=item]:not(.loading-row), [part=empty]'), 4000, 'the list');
  if (n !== undefined) {
    await until(() => items(el).length >= n, 4000, `${n} items`);
    await sleep(100);
    expect(items(el)).to.have.length(n);
  }
  return el;
}

const all = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const names = (el: Element) => all(el, 'name').map((n) => n.textContent);
const items = (el: Element) => all(el, 'item');
const money = (n: number, locale = 'en-AU', currency = 'AUD') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n);
const date = (utc: string, locale = 'en-AU') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.parse(`${utc.replace(' ', 'T')}Z`));

/** Page requests of `source` made so far, by page number. */
async function pages(mock: MockOmneo, source = 'rewards') {
  const counts: Record<string, number> = {};
  for (const r of await mock.requests())
    if (r.path === `/profiles/me/${source}`) counts[r.query['page[number]']] = (counts[r.query['page[number]']] ?? 0) + 1;
  return counts;
}

/** A client whose rewards are `rewards`, on one page, answered after `delay` ms. */
function scripted(rewards: object[], delay = 0) {
  const f = fakeFetch(async (c) => {
    await sleep(delay);
    if (c.url.pathname.endsWith('/balances')) return json({ data: BALANCES });
    return json({ data: rewards, meta: { current_page: 1, last_page: 1, total: rewards.length } });
  });
  return createOmneoClient({ baseUrl: 'https://api.x.getomneo.com/id/api/v1', tokenProvider: () => jwt(), fetch: f.fetch });
}

/** Polls an async condition (the mock's request log). */
async function eventually(test: () => Promise<unknown>, what: string) {
  for (let i = 0; i < 100; i++) if (await test()) return;
  throw new Error(`timed out waiting for ${what}`);
}

const utc = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
const reward = (id: number, name: string, days: number | null, extra: object = {}) => ({
  id,
  value_remaining: 5,
  expires_at: days === null ? null : utc(days),
  is_active: true,
  is_expired: false,
  definition: { name, short_description: null, image_url: null },
  ...extra,
});

describe('<omneo-rewards-list>', () => {
  let mock: MockOmneo;
  beforeEach(async () => {
    mock = await MockOmneo.create();
  });

  describe('rewards', () => {
    it('lists the active rewards, soonest expiry first, with value, expiry date and image', async () => {
      const { rewards } = await mock.state();
      const p = await mounted(mock, html`<omneo-rewards-list></omneo-rewards-list>`);
      const el = await list(p);
      expect(names(el)).to.deep.equal([
        'Birthday $10',
        'Spring Bonus $5',
        'Welcome $5',
        'Loyalty $20',
        'Anniversary $15',
        'Product Review $2.50',
      ]);
      expect(all(el, 'value').map((v) => v.textContent)).to.deep.equal([10, 5, 5, 7.5, 15, 2.5].map((n) => money(n)));
      const birthday = rewards.find((r) => r.id === 104)!;
      const first = items(el)[0];
      const time = first.querySelector('[part=expiry]') as HTMLTimeElement;
      expect(time.localName).to.equal('time');
      expect(time.dateTime).to.equal(new Date(`${birthday.expires_at.replace(' ', 'T')}Z`).toISOString());
      expect(time.textContent).to.equal(date(birthday.expires_at));
      expect(seen(first)).to.contain(`Expires ${date(birthday.expires_at)}`);
      expect(seen(first)).to.contain('A gift for your birthday');
      // The mock serves the seed's images itself, from its own origin.
      const src = new URL((first.querySelector('[part=image]') as HTMLImageElement).getAttribute('src')!);
      expect([src.origin, src.pathname]).to.deep.equal([new URL(mock.baseUrl).origin, '/images/rewards/birthday.png']);
      expect(items(el)[1].querySelector('[part=image]'), 'Spring Bonus has no image').to.equal(null);
      // Product Review never expires: no date, no mark.
      expect(items(el)[5].querySelector('[part=expiry], [part=expiring]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('marks what expires within expiring-days (14 by default)', async () => {
      const p = await mounted(
        mock,
        html`<omneo-rewards-list></omneo-rewards-list><omneo-rewards-list expiring-days="25"></omneo-rewards-list>`,
      );
      const [byDefault, wider] = [await list(p, 0), await list(p, 1)];
      const marked = (el: Element) =>
        items(el)
          .filter((i) => i.querySelector('[part=expiring]'))
          .map((i) => i.querySelector('[part=name]')!.textContent);
      expect(marked(byDefault)).to.deep.equal(['Birthday $10', 'Spring Bonus $5']);
      expect(part(byDefault, 'expiring')!.textContent).to.equal('Expiring soon');
      expect(marked(wider)).to.deep.equal(['Birthday $10', 'Spring Bonus $5', 'Welcome $5']);
    });

    it('also lists expired and used-up rewards with include-expired, still by expiry', async () => {
      const p = await mounted(mock, html`<omneo-rewards-list include-expired></omneo-rewards-list>`);
      const el = await list(p);
      expect(names(el)).to.deep.equal([
        'Gold Welcome $25',
        'Winter Sale $10',
        'Birthday $10',
        'Spring Bonus $5',
        'Welcome $5',
        'First Purchase $10',
        'Loyalty $20',
        'Anniversary $15',
        'Product Review $2.50',
      ]);
      expect(seen(items(el)[0])).to.match(/Expired \d/);
      expect(items(el)[0].querySelector('[part=expiring]'), 'an expired item is not "expiring soon"').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('marks nothing used up "Expiring soon": only what can still be used', async () => {
      const usedUp = reward(1, 'Used up $5', 3, { value_remaining: 0 });
      const client = scripted([usedUp, reward(2, 'Spend me $5', 5)]);
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en"><omneo-rewards-list include-expired></omneo-rewards-list></omneo-provider>`,
      );
      const el = await list(p, 0, 2);
      expect(names(el)).to.deep.equal(['Used up $5', 'Spend me $5']);
      expect(items(el).map((i) => i.querySelector('[part=expiring]') !== null)).to.deep.equal([false, true]);
    });

    it('fires omneo-load with the items', async () => {
      const p = mounted(mock, html`<omneo-rewards-list limit="2"></omneo-rewards-list>`);
      const e = await oneEvent((await p).querySelector('omneo-rewards-list')!, 'omneo-load');
      expect(e.detail.data.map((r: { id: number | string }) => r.id)).to.deep.equal([104, 107]);
    });

    it('speaks the locale: French words, dates and money', async () => {
      await import('../src/locales/fr.js');
      const { rewards } = await mock.state();
      const p = await mounted(mock, html`<omneo-rewards-list limit="1"></omneo-rewards-list>`, 'fr-FR');
      const el = await list(p);
      const birthday = rewards.find((r) => r.id === 104)!;
      expect(part(el, 'value')!.textContent).to.equal(money(10, 'fr-FR'));
      expect(seen(el)).to.contain(`Expire le ${date(birthday.expires_at, 'fr-FR')}`);
      expect(part(el, 'expiring')!.textContent).to.equal('Expire bientôt');
    });

    it("uses the balances' currency when the provider names none", async () => {
      await mock.setState({ currency: 'NZD' });
      const p = await mounted(mock, html`<omneo-rewards-list limit="1"></omneo-rewards-list>`, 'en-NZ');
      const el = await list(p);
      await until(() => part(el, 'value')!.textContent === money(10, 'en-NZ', 'NZD'));
    });

    it("uses the balances' currency after the shopper signs in on the page (no reload)", async () => {
      await mock.setState({ currency: 'NZD' });
      let signedIn = false;
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} .tokenProvider=${() => (signedIn ? mock.mint() : null)} locale="en-NZ"
        ><omneo-rewards-list limit="1"></omneo-rewards-list
      ></omneo-provider>`);
      const el = p.querySelector('omneo-rewards-list')!;
      await until(() => el.shadowRoot!.querySelector('slot[name="signed-out"]'));
      signedIn = true;
      p.refresh();
      await list(p);
      await until(
        () => part(el, 'value')!.textContent === money(10, 'en-NZ', 'NZD'),
        3000,
        `NZD: ${part(el, 'value')!.textContent}`,
      );
    });

    it("follows the balances' currency when they are fetched again (a refresh after another shopper signs in)", async () => {
      await mock.setState({ currency: 'NZD' });
      const p = await mounted(mock, html`<omneo-rewards-list limit="1"></omneo-rewards-list>`, 'en-NZ');
      const el = await list(p);
      await until(() => part(el, 'value')!.textContent === money(10, 'en-NZ', 'NZD'));
      await mock.setState({ currency: 'USD' });
      p.refresh();
      await until(
        () => part(el, 'value')!.textContent === money(10, 'en-NZ', 'USD'),
        3000,
        `USD: ${part(el, 'value')!.textContent}`,
      );
    });
  });

  describe('limit and pages', () => {
    beforeEach(async () => {
      // 40 generated rewards: 15 to a page, 12 active on each of the first two.
      mock = await MockOmneo.create({ rewards: 40 });
    });

    it('follows pages only as far as the limit needs, and lists with different limits share them', async () => {
      const p = await mounted(
        mock,
        html`<omneo-rewards-list limit="5"></omneo-rewards-list><omneo-rewards-list limit="20"></omneo-rewards-list>`,
      );
      await list(p, 0, 5);
      const twenty = await list(p, 1, 20);
      expect(await pages(mock)).to.deep.equal({ 1: 1, 2: 1 });
      const expiries = all(twenty, 'expiry').map((t) => Date.parse((t as HTMLTimeElement).dateTime));
      expect(expiries).to.deep.equal([...expiries].sort((a, b) => a - b));
    });

    for (const limit of ['0.5', '0', '-3', 'ten']) {
      it(`takes limit="${limit}", not a number of items, as the default (50)`, async () => {
        const p = await mounted(mock, html`<omneo-rewards-list limit=${limit}></omneo-rewards-list>`);
        await list(p, 0, 32);
      });
    }

    it('reads every page when the limit is above what there is, and shows only the active items', async () => {
      const p = await mounted(mock, html`<omneo-rewards-list limit="100"></omneo-rewards-list>`);
      await list(p, 0, 32);
      expect(await pages(mock)).to.deep.equal({ 1: 1, 2: 1, 3: 1 });
    });

    it('shows at most 50 items by default', async () => {
      mock = await MockOmneo.create({ rewards: 80 });
      const p = await mounted(mock, html`<omneo-rewards-list></omneo-rewards-list>`);
      await list(p, 0, 50);
    });
  });

  describe('benefits', () => {
    it('lists the redeemable benefits by expiry, without a money value, with the uses left', async () => {
      const p = await mounted(mock, html`<omneo-rewards-list source="benefits"></omneo-rewards-list>`);
      const el = await list(p);
      expect(names(el)).to.deep.equal(['15% Off Full-Price', 'Free Express Shipping', 'Free Coffee at Harbour Café']);
      expect(part(el, 'value')).to.equal(null);
      expect(seen(items(el)[2])).to.contain('3 uses left');
      expect(seen(items(el)[1])).not.to.contain('use left');
      expect(await mock.count('/profiles/me/benefits')).to.equal(1);
      expect(await mock.count('/profiles/me/rewards')).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('points', () => {
    const lot = (id: number, remaining: number, days: number | null, name: string | null, description: string | null = null) => ({
      id,
      value_initial: remaining,
      value_remaining: remaining,
      expires_at: days === null ? null : utc(days),
      description,
      definition: name === null ? null : { name },
    });

    it('lists only the active lots, soonest expiry first, as points never money, with the expiring-soon mark', async () => {
      const { points } = await mock.state();
      const p = await mounted(mock, html`<omneo-rewards-list source="points"></omneo-rewards-list>`);
      const el = await list(p);
      // 305 in 5 days, 301 and 302 later, 303 never (named by its description); 304 expired and 306 used up are left out.
      expect(names(el)).to.deep.equal([
        'Birthday bonus',
        'Purchase points',
        'Purchase points',
        'Bonus for reviewing your Linen Shirt',
      ]);
      expect(all(el, 'value').map((v) => v.textContent)).to.deep.equal(['150 points', '400 points', '484 points', '200 points']);
      expect(seen(el)).not.to.match(/\$|AUD/);
      const soonest = points.find((l: { id: number }) => l.id === 305);
      expect(items(el)[0].querySelector('[part=expiry]')!.textContent).to.equal(date(soonest.expires_at));
      expect(items(el).map((i) => i.querySelector('[part=expiring]') !== null)).to.deep.equal([true, false, false, false]);
      expect(items(el)[3].querySelector('[part=expiry]'), 'a lot that never expires has no date').to.equal(null);
      expect(await mock.count('/profiles/me/points')).to.equal(1);
      // Points need no balances (no currency to find).
      expect(await mock.count('/profiles/me/balances')).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('has no redeem buttons, even when redeemable', async () => {
      const p = await mounted(mock, html`<omneo-rewards-list source="points" redeemable></omneo-rewards-list>`);
      const el = await list(p);
      expect(items(el)).to.have.length(4);
      expect(el.shadowRoot!.querySelector('omneo-redeem-button, button')).to.equal(null);
    });

    it('also lists expired and used-up lots with include-expired, still by expiry', async () => {
      const p = await mounted(mock, html`<omneo-rewards-list source="points" include-expired></omneo-rewards-list>`);
      const el = await list(p);
      expect(all(el, 'value').map((v) => v.textContent)).to.deep.equal([
        '150 points',
        '150 points',
        '400 points',
        '0 points',
        '484 points',
        '200 points',
      ]);
      expect(seen(items(el)[0])).to.match(/Expired \d/);
      expect(items(el)[0].querySelector('[part=expiring]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('fires omneo-load with the lots, and says "1 point" for one', async () => {
      await mock.setState({ points: [lot(9, 1, 30, 'Welcome points'), lot(8, 150, 3, null, null)] });
      const p = mounted(mock, html`<omneo-rewards-list source="points"></omneo-rewards-list>`);
      const el = (await p).querySelector('omneo-rewards-list')!;
      const e = await oneEvent(el, 'omneo-load');
      expect(e.detail.data.map((l: { id: unknown }) => l.id)).to.deep.equal([8, 9]);
      await list(await p);
      // A lot with neither a definition name nor a description is called "Points".
      expect(names(el)).to.deep.equal(['Points', 'Welcome points']);
      expect(all(el, 'value').map((v) => v.textContent)).to.deep.equal(['150 points', '1 point']);
    });

    it('says there are no points yet when there are none', async () => {
      await mock.setState({ points: [lot(1, 0, 30, 'Used up'), lot(2, 50, -2, 'Expired')] });
      const p = await mounted(mock, html`<omneo-rewards-list source="points"></omneo-rewards-list>`);
      const el = await list(p);
      expect(seen(part(el, 'empty')!)).to.equal('No points yet.');
      await expect(el).to.be.accessible();
    });
  });

  describe('untrusted data', () => {
    it('shows names and descriptions as text, and uses only http(s) images', async () => {
      const evil = '<img src=x onerror="window.__pwned=1">';
      const script = '<script>window.__pwned=2</script>';
      await mock.setState({
        rewards: [
          reward(1, evil, 1, { definition: { name: evil, short_description: script, image_url: 'javascript:window.__pwned=3' } }),
          reward(2, script, 2, {
            definition: {
              name: script,
              short_description: null,
              image_url: 'data:image/svg+xml,<svg onload="window.__pwned=4"/>',
            },
          }),
          reward(3, 'Relative', 3, { definition: { name: 'Relative', image_url: '/steal.png' } }),
          reward(4, 'Fine', 4, { definition: { name: 'Fine', image_url: 'http://cdn.example.com/fine.png' } }),
        ],
      });
      const p = await mounted(mock, html`<omneo-rewards-list></omneo-rewards-list>`);
      const el = await list(p);
      await sleep(50);
      expect(names(el)).to.deep.equal([evil, script, 'Relative', 'Fine']);
      expect(items(el)[0].textContent).to.contain(script);
      expect(el.shadowRoot!.querySelectorAll('script')).to.have.length(0);
      const imgs = [...el.shadowRoot!.querySelectorAll('img')].map((i) => i.getAttribute('src'));
      expect(imgs).to.deep.equal(['http://cdn.example.com/fine.png']);
      expect(Reflect.get(window, '__pwned')).to.equal(undefined);
    });
  });

  describe('loading', () => {
    it('holds skeleton rows the size of items, announced as loading', async () => {
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${scripted([], 60_000)} locale="en"><omneo-rewards-list></omneo-rewards-list></omneo-provider>`,
      );
      const el = p.querySelector('omneo-rewards-list')!;
      await el.updateComplete;
      const rows = el.shadowRoot!.querySelectorAll('.loading-row');
      expect(rows).to.have.length(5);
      expect(rows[0].getBoundingClientRect().height).to.be.greaterThan(40);
      // Nothing that reads the list may take a loading row for an item.
      expect(el.shadowRoot!.querySelector('[part~=item], [part~=name], [part~=value], [part~=image]')).to.equal(null);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.textContent).to.contain('Loading…');
      await expect(el).to.be.accessible();
    });

    it('holds as many rows as the limit, as tall as the items they stand for: nothing below moves', async () => {
      const r = (id: number, days: number) =>
        reward(id, `Reward ${id}`, days, {
          definition: { name: `Reward ${id}`, short_description: 'A few words', image_url: `${CDN}/r${id}.png` },
        });
      // One expiring soon (its mark has a border), two not.
      const client = scripted([r(1, 3), r(2, 30), r(3, 60)], 300);
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en"><omneo-rewards-list limit="3"></omneo-rewards-list></omneo-provider>`,
      );
      const el = p.querySelector('omneo-rewards-list')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('.loading-row')).to.have.length(3);
      const loading = el.getBoundingClientRect().height;
      await list(p, 0, 3);
      expect(el.getBoundingClientRect().height).to.equal(loading);
    });
  });

  describe('empty', () => {
    it('says there are no rewards yet, in its own words or the empty slot', async () => {
      await mock.setState({ rewards: [] });
      const p = await mounted(
        mock,
        html`<omneo-rewards-list></omneo-rewards-list><omneo-rewards-list><b slot="empty">Shop to earn rewards</b></omneo-rewards-list>`,
      );
      const [plain, slotted] = [await list(p, 0), await list(p, 1)];
      expect(seen(part(plain, 'empty')!)).to.equal('No rewards yet.');
      expect(seen(slotted)).to.equal('Shop to earn rewards');
      expect(part(plain, 'list')).to.equal(null);
      await expect(plain).to.be.accessible();
    });

    it('says there are no benefits yet for benefits', async () => {
      await mock.setState({ benefits: [] });
      const p = await mounted(mock, html`<omneo-rewards-list source="benefits"></omneo-rewards-list>`);
      expect(seen(await list(p))).to.equal('No benefits yet.');
    });
  });

  describe('signed out', () => {
    it('shows the signed-out slot and calls no API', async () => {
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${`${mock.tokenUrl}?status=401`}>
        <omneo-rewards-list><span slot="signed-out">Sign in to see your rewards</span></omneo-rewards-list>
        <omneo-rewards-list></omneo-rewards-list>
      </omneo-provider>`);
      const [slotted, plain] = p.querySelectorAll('omneo-rewards-list');
      await until(() => seen(slotted) === 'Sign in to see your rewards');
      await until(() => seen(plain) === 'Sign in to see your rewards.');
      expect(await mock.requests()).to.deep.equal([]);
      await expect(slotted).to.be.accessible();
    });
  });

  describe('error', () => {
    it('shows an error with a retry that works', async () => {
      await mock.faults([{ path: '/profiles/me/rewards', status: 500, times: 3, body: { message: 'Server Error' } }]);
      const p = await mounted(mock, html`<omneo-rewards-list></omneo-rewards-list>`);
      const el = p.querySelector('omneo-rewards-list')!;
      const e = await oneEvent(el, 'omneo-error');
      expect(e.detail.error).to.include({ status: 500, message: 'Server Error' });
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.contain('could not be loaded');
      expect(part(el, 'list')).to.equal(null);
      await expect(el).to.be.accessible();
      part(el, 'error')!.querySelector('button')!.click();
      await list(p);
      expect(names(el)[0]).to.equal('Birthday $10');
    });

    it('shows an error, not half a list, for an answer of the wrong shape', async () => {
      await mock.faults([
        {
          path: '/profiles/me/rewards',
          status: 200,
          body: { data: [{ id: 1, value_remaining: '5', definition: { name: 'x' } }] },
        },
      ]);
      const p = await mounted(mock, html`<omneo-rewards-list></omneo-rewards-list>`);
      const el = p.querySelector('omneo-rewards-list')!;
      const e = await oneEvent(el, 'omneo-error');
      expect(e.detail.error.kind).to.equal('invalid-response');
      await el.updateComplete;
      expect(part(el, 'item')).to.equal(null);
      expect(part(el, 'error')).not.to.equal(null);
    });
  });

  describe('redeemable', () => {
    const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll('omneo-redeem-button')] as OmneoRedeemButton[];
    const inner = (b: Element) => b.shadowRoot!.querySelector('[part=button]') as HTMLButtonElement;

    it("gives each active reward a button for its remaining value, named with the reward's name", async () => {
      const p = await mounted(mock, html`<omneo-rewards-list redeemable include-expired></omneo-rewards-list>`);
      const el = await list(p);
      const bs = buttons(el);
      expect(bs.map((b) => b.amount)).to.deep.equal([10, 5, 5, 7.5, 15, 2.5]);
      // As the contract words it: each button has the reward's value as its `amount` attribute.
      expect(bs.map((b) => [b.getAttribute('amount'), b.hasAttribute('benefit-id')])).to.deep.equal(
        ['10', '5', '5', '7.5', '15', '2.5'].map((amount) => [amount, false]),
      );
      await until(() => inner(bs[0])?.getAttribute('aria-disabled') === 'false');
      expect(seen(bs[0])).to.equal('Redeem $10.00');
      expect(bs[0].textContent).to.equal('Redeem $10.00 for Birthday $10');
      // Expired and used-up rewards have none.
      expect(items(el)[0].querySelector('omneo-redeem-button')).to.equal(null);
      expect(items(el)[5].querySelector('omneo-redeem-button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it("formats its buttons in the page's nearest lang, through the list's shadow root", async () => {
      const client = scripted([reward(1, 'Birthday', 5, { value_remaining: 1234.5 })]);
      const wrap = await fixture(
        html`<div lang="de-DE"><omneo-provider .client=${client}><omneo-rewards-list redeemable></omneo-rewards-list></omneo-provider></div>`,
      );
      const el = await list(wrap);
      const money = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'AUD' }).format(1234.5);
      expect(part(el, 'value')!.textContent).to.equal(money);
      const [b] = buttons(el);
      // Over the balance (27.34 in the scripted balances): the reason is in German numbers too.
      const balance = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'AUD' }).format(27.34).replace(/\s/g, ' ');
      await until(
        () => seen(part(b, 'message')!).includes(balance),
        4000,
        `the reason, with the balance: ${seen(part(b, 'message')!)}`,
      );
      expect(inner(b).getAttribute('aria-disabled')).to.equal('true');
    });

    /** What a capturing listener on the document hears of `type`, as the page (the list as their target). */
    function captured(type: string) {
      const heard: Event[] = [];
      const listener = (e: Event) => heard.push(e);
      document.addEventListener(type, listener, { capture: true });
      return { heard, stop: () => document.removeEventListener(type, listener, { capture: true }) };
    }

    it("fires its own omneo-load, once, with its items; its buttons' omneo-load stay inside it", async () => {
      const heard: Event[] = [];
      // Tag managers listen in the capture phase, before anything in the list could stop an event.
      const capturing = captured('omneo-load');
      const p = await mounted(
        mock,
        html`<omneo-rewards-list redeemable @omneo-load=${(e: Event) => heard.push(e)}></omneo-rewards-list>`,
      );
      const el = await list(p);
      // Every button has its balances (each would have fired its own omneo-load by now).
      await until(
        () => buttons(el).length === 6 && buttons(el).every((b) => inner(b)?.getAttribute('aria-disabled') === 'false'),
        4000,
        'the buttons',
      );
      await sleep(100);
      capturing.stop();
      expect(heard).to.have.length(1);
      const [e] = heard as CustomEvent[];
      expect(e.target).to.equal(el);
      expect(e.detail.data.map((r: { definition: { name: string } }) => r.definition.name)).to.deep.equal(names(el));
      expect(capturing.heard, 'heard while capturing').to.deep.equal([e]);
    });

    it("fires no omneo-error for its buttons' balances that failed to load, to a capturing listener either", async () => {
      await mock.faults([{ path: '/profiles/me/balances', status: 500 }]);
      const errors = captured('omneo-error');
      const p = await mounted(mock, html`<omneo-rewards-list redeemable></omneo-rewards-list>`);
      const el = await list(p);
      await until(() => buttons(el).length === 6 && buttons(el).every((b) => part(b, 'error')), 8000, "the buttons' error");
      await sleep(100);
      errors.stop();
      expect(errors.heard).to.deep.equal([]);
    });

    it("shows the balances' error, with its retry, once: under the first button", async () => {
      await mock.faults([{ path: '/profiles/me/balances', status: 500, times: 3 }]);
      const p = await mounted(mock, html`<omneo-rewards-list redeemable></omneo-rewards-list>`);
      const el = await list(p);
      await until(() => buttons(el).length === 6 && buttons(el).every((b) => part(b, 'error')), 8000, "the buttons' error");
      const visible = buttons(el).map((b) => part(b, 'error')!.checkVisibility());
      expect(visible).to.deep.equal([true, false, false, false, false, false]);
      expect(seen(part(buttons(el)[0], 'error')!)).to.equal('Your rewards could not be loaded. Try again');
      // Its retry is every button's.
      part(buttons(el)[0], 'error')!.querySelector('button')!.click();
      await until(() => buttons(el).every((b) => inner(b).getAttribute('aria-disabled') === 'false'), 4000, 'the buttons');
      expect(buttons(el).map((b) => part(b, 'error'))).to.deep.equal([null, null, null, null, null, null]);
    });

    it('gives each redeemable benefit a button for its id, and none to the others', async () => {
      const p = await mounted(mock, html`<omneo-rewards-list source="benefits" redeemable include-expired></omneo-rewards-list>`);
      const el = await list(p);
      expect(names(el)).to.deep.equal([
        'Double Points Weekend',
        '15% Off Full-Price',
        "Members' Night Invitation",
        'Free Express Shipping',
        'Free Coffee at Harbour Café',
      ]);
      expect(buttons(el).map((b) => b.benefitId)).to.deep.equal(['203', '201', '202']);
      expect(buttons(el).map((b) => [b.getAttribute('benefit-id'), b.hasAttribute('amount')])).to.deep.equal([
        ['203', false],
        ['201', false],
        ['202', false],
      ]);
      expect(buttons(el)[0].textContent).to.equal('Redeem for 15% Off Full-Price');
      await expect(el).to.be.accessible();
    });

    it('keeps a redeemed benefit on show with its code after the list refreshes without it', async () => {
      const p = await mounted(mock, html`<omneo-rewards-list source="benefits" redeemable></omneo-rewards-list>`);
      const el = await list(p);
      const shipping = buttons(el)[1];
      expect(shipping.benefitId).to.equal('201');
      await until(() => inner(shipping).getAttribute('aria-disabled') === 'false');
      const redeemed = oneEvent(el, 'omneo-redeem');
      inner(shipping).click();
      expect((await redeemed).detail).to.include({ benefitId: '201' });
      expect(await mock.count('/profiles/me/benefits/201/redeem', 'POST')).to.equal(1);
      // The refreshed list no longer has 201 (no redemptions left), yet it stays with its code.
      await eventually(async () => (await pages(mock, 'benefits'))[1] === 2, 'the refresh');
      await sleep(50);
      expect(names(el)).to.deep.equal(['15% Off Full-Price', 'Free Express Shipping', 'Free Coffee at Harbour Café']);
      expect(buttons(el)[1]).to.equal(shipping);
      expect(seen(part(shipping, 'message')!)).to.contain('Your code: SHIPFREE-7QK2M');
      expect(inner(shipping).getAttribute('aria-disabled')).to.equal('true');
      inner(shipping).click();
      await sleep(50);
      expect(await mock.count('/profiles/me/benefits/201/redeem', 'POST')).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('keeps a benefit whose redeem is in flight when a refresh leaves it out, and shows its code', async () => {
      const benefit = (id: number, name: string) => ({ id, expires_at: utc(id * 5), definition: { name } });
      let listed = [benefit(1, 'Free Coffee'), benefit(2, 'Free Shipping')];
      let answer!: (response: Response) => void;
      const f = fakeFetch((c) => {
        if (c.url.pathname.endsWith('/balances')) return json({ data: BALANCES });
        if (c.method === 'POST') return new Promise<Response>((resolve) => (answer = resolve));
        return json({ data: listed, meta: { current_page: 1, last_page: 1, total: listed.length } });
      });
      const client = createOmneoClient({
        baseUrl: 'https://api.x.getomneo.com/id/api/v1',
        tokenProvider: () => jwt(),
        fetch: f.fetch,
      });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en-AU"
          ><omneo-rewards-list source="benefits" redeemable></omneo-rewards-list
        ></omneo-provider>`,
      );
      const el = await list(p);
      const coffee = buttons(el)[0];
      await until(() => inner(coffee).getAttribute('aria-disabled') === 'false');
      inner(coffee).click();
      await until(() => f.calls.some((c) => c.method === 'POST'), 3000, 'the redeem sent');
      // While it is in flight, the list is read again (another widget's redeem, say) and leaves it out.
      listed = [benefit(2, 'Free Shipping')];
      client.invalidate();
      await until(() => f.count('/benefits') === 2, 3000, 'the refresh');
      await sleep(50);
      expect(names(el)).to.deep.equal(['Free Coffee', 'Free Shipping']);
      const redeemed = oneEvent(el, 'omneo-redeem');
      answer(json({ data: { id: 1, redeem_code_online: 'COFFEE-42' } }));
      expect((await redeemed).detail).to.include({ benefitId: '1' });
      await until(() => seen(el).includes('Your code: COFFEE-42'), 3000, 'the code');
      expect(buttons(el)[0]).to.equal(coffee);
    });

    it('keeps nothing of a redeem the page cancels', async () => {
      const p = await mounted(mock, html`<omneo-rewards-list source="benefits" redeemable></omneo-rewards-list>`);
      const el = await list(p);
      const shipping = buttons(el)[1];
      await until(() => inner(shipping).getAttribute('aria-disabled') === 'false');
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('omneo-before-redeem', cancel);
      try {
        inner(shipping).click();
        await sleep(50);
      } finally {
        document.removeEventListener('omneo-before-redeem', cancel);
      }
      // Used up elsewhere (the shop's counter, say): the next read leaves it out, and so does the list.
      await mock.faults([
        { path: '/profiles/me/benefits', status: 200, body: { data: [], meta: { current_page: 1, last_page: 1, total: 0 } } },
      ]);
      p.refresh();
      await until(() => part(el, 'empty'), 3000, 'the empty list');
      expect(await mock.count('/profiles/me/benefits/201/redeem', 'POST')).to.equal(0);
    });

    it('drops the benefits redeemed here when the provider changes shopper', async () => {
      const p = await mounted(mock, html`<omneo-rewards-list source="benefits" redeemable></omneo-rewards-list>`);
      const el = await list(p);
      const shipping = buttons(el)[1];
      await until(() => inner(shipping).getAttribute('aria-disabled') === 'false');
      inner(shipping).click();
      await oneEvent(el, 'omneo-redeem');
      await eventually(async () => (await pages(mock, 'benefits'))[1] === 2, 'the refresh');
      await until(() => seen(el).includes('SHIPFREE-7QK2M'), 3000, 'the kept benefit with its code');
      // Another shopper's sign-in on the same page: a new client. This mock answers for the same
      // member, whose benefit 201 has no uses left: it is not listed, and its code is not shown.
      p.tokenUrl = `${mock.tokenUrl}?shopper=next`;
      await eventually(async () => (await pages(mock, 'benefits'))[1] === 3, 'the new client’s list');
      await until(() => names(el).length === 2, 3000, 'the new list');
      expect(names(el)).to.deep.equal(['15% Off Full-Price', 'Free Coffee at Harbour Café']);
      expect(seen(el)).not.to.contain('SHIPFREE');
    });
  });

  describe('a thousand items', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      reward(i + 1, `Reward #${i + 1}`, 1 + ((i * 37) % 365), {
        definition: { name: `Reward #${i + 1}`, short_description: 'Generated', image_url: i % 3 ? null : `${CDN}/r/${i}.png` },
      }),
    );

    const byExpiry = [...many].sort((a, b) => a.expires_at!.localeCompare(b.expires_at!)).map((r) => r.definition.name);

    // How long its tasks take is measured by `npm run bench` (long tasks), not here: a timed test
    // on a shared machine cannot tell a slow list from a busy CPU. This checks the drawing itself.
    it('draws 25 items in its first task, then all 1,000 in order, and again after a refresh', async () => {
      const client = scripted(many, 150);
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en-AU"><omneo-rewards-list limit="1000"></omneo-rewards-list></omneo-provider>`,
      );
      const el = p.querySelector('omneo-rewards-list')!;
      await oneEvent(el, 'omneo-load');
      expect(items(el).length).to.equal(25);
      await until(() => items(el).length === 1000, 15000, '1,000 items');
      expect(names(el)).to.deep.equal(byExpiry);
      client.invalidate();
      await oneEvent(el, 'omneo-load');
      await until(() => items(el).length === 1000, 15000, '1,000 items after the refresh');
      expect(names(el)).to.deep.equal(byExpiry);
    });
  });
});
