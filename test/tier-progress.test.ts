import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import '../src/locales/fr.js';
import {
  createOmneoClient,
  type OmneoProvider,
  type OmneoRedeemButton,
  type OmneoTierProgress,
  type TierProgress,
} from '../src/index.js';
import { MockOmneo } from './mock.js';
import { BALANCES, fakeFetch, json, jwt, part, seen, until } from './helpers.js';

const DAY = 86_400_000;
const utc = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 19).replace('T', ' ');
const date = (utcText: string, locale = 'en-AU') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.parse(`${utcText.replace(' ', 'T')}Z`));

const SILVER = {
  id: 2,
  name: 'Silver',
  handle: 'silver',
  value_min: 500,
  value_maintain: 400,
  image_url: 'https://cdn.example.com/silver.png',
};
const GOLD = { id: 3, name: 'Gold', handle: 'gold', value_min: 1000, value_maintain: 800 };

/** The judged case: a credit of 800 between Silver (500) and Gold (1,000). */
const BETWEEN: TierProgress = { current_tier: SILVER, next_tier: GOLD, current_credit: 800, next_remain: 200, current_remain: 0 };

/** A client whose tiers answer is `tiers` (a body, or a status with no tier), after `delay` ms. */
function scripted(tiers: unknown, { delay = 0, status = 200, balances = BALANCES as object } = {}) {
  const f = fakeFetch(async (c) => {
    if (delay) await new Promise((r) => setTimeout(r, delay));
    if (c.url.pathname.endsWith('/balances')) return json({ data: balances });
    if (c.url.pathname.endsWith('/tiers')) return status === 200 ? json({ data: tiers }) : json({ message: 'No tier.' }, status);
    return json({ message: 'Not found.' }, 404);
  });
  return {
    f,
    client: createOmneoClient({ baseUrl: 'https://api.x.getomneo.com/id/api/v1', tokenProvider: () => jwt(), fetch: f.fetch }),
  };
}

/** The tier widget (the `which`-th) of a provider on `client`, once it shows more than its loading state. */
async function shown(inner: ReturnType<typeof html>, client: ReturnType<typeof scripted>['client'], locale = 'en-AU', which = 0) {
  const p = await fixture<OmneoProvider>(html`<omneo-provider .client=${client} locale=${locale}>${inner}</omneo-provider>`);
  const el = p.querySelectorAll('omneo-tier-progress')[which];
  await until(() => el.shadowRoot?.querySelector('[part=base]')?.getAttribute('aria-busy') === 'false', 4000, 'the tier');
  return el;
}

/** Polls an async condition (the mock's request log). */
async function eventually(test: () => Promise<unknown>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const tierEl = () => html`<omneo-tier-progress></omneo-tier-progress>`;

async function mounted(mock: MockOmneo, inner: ReturnType<typeof html>, locale = 'en-AU') {
  return fixture<OmneoProvider>(
    html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl} locale=${locale}>${inner}</omneo-provider>`,
  );
}

const ready = (el: Element) =>
  until(() => el.shadowRoot?.querySelector('[part=base]')?.getAttribute('aria-busy') === 'false', 4000, 'the tier');

/** Nothing a shopper sees, nor a screen reader hears, says NaN, null, undefined or Infinity. */
function noJunk(el: Element) {
  const root = el.shadowRoot!;
  const heard = [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value));
  for (const text of [seen(el), root.textContent ?? '', ...heard]) expect(text).not.to.match(/NaN|null|undefined|Infinity/);
}

describe('<omneo-tier-progress>', () => {
  // axe-core's first run in a page is slow on a busy machine: it is not what the tests measure.
  before(async function () {
    this.timeout(30_000);
    await expect(await fixture(html`<p>axe</p>`)).to.be.accessible();
  });

  describe('between two tiers', () => {
    it('shows a bar that is not yet full while points are left (998 of 1,000: 99%, 2 points to go)', async () => {
      const { client } = scripted({ ...BETWEEN, current_credit: 998, next_remain: 2 });
      const el = await shown(tierEl(), client);
      expect(part(el, 'progress')!.getAttribute('aria-valuenow')).to.equal('99');
      expect(part(el, 'progress')!.getAttribute('aria-valuetext')).to.equal('99% of the way to Gold, 2 points left');
    });

    it('shows the tier as text, a bar at 60% for 800 between 500 and 1,000, 200 points left and the next tier', async () => {
      const { client } = scripted(BETWEEN);
      const el = await shown(tierEl(), client);
      expect(part(el, 'tier')!.textContent).to.equal('Silver');
      const bar = part(el, 'progress')!;
      expect(bar.getAttribute('role')).to.equal('progressbar');
      expect(bar.getAttribute('aria-valuemin')).to.equal('0');
      expect(bar.getAttribute('aria-valuemax')).to.equal('100');
      expect(bar.getAttribute('aria-valuenow')).to.equal('60');
      expect(bar.getAttribute('aria-valuetext')).to.equal('60% of the way to Gold, 200 points left');
      expect(bar.getAttribute('aria-label')).to.equal('Progress to Gold');
      // The fill is drawn at 60% of the track.
      const fill = bar.firstElementChild!.getBoundingClientRect();
      expect(fill.width / bar.getBoundingClientRect().width).to.be.closeTo(0.6, 0.01);
      expect(part(el, 'remaining')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('200 points to Gold');
      expect(part(el, 'next')!.textContent).to.equal('Gold');
      expect(part(el, 'image')!.getAttribute('src')).to.equal(SILVER.image_url);
      expect(part(el, 'top')).to.equal(null);
      expect(part(el, 'maintain')).to.equal(null);
      expect(seen(el)).to.equal('Your tier Silver 200 points to Gold');
      noJunk(el);
      await expect(el).to.be.accessible();
    });

    it("works out what is left from the next tier's threshold when next_remain is missing", async () => {
      const { client } = scripted({ ...BETWEEN, next_remain: undefined });
      const el = await shown(tierEl(), client);
      expect(part(el, 'progress')!.getAttribute('aria-valuenow')).to.equal('60');
      expect(seen(part(el, 'remaining')!)).to.equal('200 points to Gold');
    });

    it("serves the mock's Gold member: 1,040 points, 54% to Platinum, 460 left, its image, and fires omneo-load", async () => {
      const mock = await MockOmneo.create();
      const p = mounted(mock, tierEl());
      const el = (await p).querySelector('omneo-tier-progress')!;
      const e = await oneEvent(el, 'omneo-load');
      expect((e.detail.data as TierProgress).current_tier!.name).to.equal('Gold');
      await ready(el);
      expect(part(el, 'tier')!.textContent).to.equal('Gold');
      expect(part(el, 'progress')!.getAttribute('aria-valuenow')).to.equal('54');
      expect(seen(part(el, 'remaining')!)).to.equal('460 points to Platinum');
      expect(part(el, 'image')!.getAttribute('src')).to.equal(`${mock.origin}/images/tiers/gold.png`);
      expect(await mock.count('/profiles/me/tiers')).to.equal(1);
      // Points need no balances.
      expect(await mock.count('/profiles/me/balances')).to.equal(0);
    });

    it('shows money with unit="dollars", in the currency of the balances when the provider names none', async () => {
      const { client, f } = scripted(BETWEEN, { balances: { ...BALANCES, currency: 'NZD' } });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en-NZ"><omneo-tier-progress unit="dollars"></omneo-tier-progress></omneo-provider>`,
      );
      const el = p.querySelector('omneo-tier-progress')!;
      await until(() => f.count('/balances') === 1 && seen(el).includes('to Gold'), 4000, 'the tier in dollars');
      await el.updateComplete;
      const amount = new Intl.NumberFormat('en-NZ', { style: 'currency', currency: 'NZD' }).format(200);
      expect(seen(part(el, 'remaining')!)).to.equal(`${amount} to Gold`);
      expect(part(el, 'progress')!.getAttribute('aria-valuetext')).to.equal(`60% of the way to Gold, ${amount} left`);
      expect(seen(el)).not.to.contain('points');
    });

    it('speaks French', async () => {
      const { client } = scripted({ ...BETWEEN, current_remain: 120, anniversary_at: utc(40) });
      const el = await shown(tierEl(), client, 'fr-FR');
      expect(seen(part(el, 'remaining')!)).to.equal('Encore 200 points pour atteindre Gold');
      expect(part(el, 'progress')!.getAttribute('aria-valuetext')).to.equal('60 % du chemin vers Gold, encore 200 points');
      expect(seen(part(el, 'maintain')!)).to.equal(
        `Gagnez encore 120 points d’ici le ${date(utc(40), 'fr-FR')} pour garder le niveau Silver`,
      );
      expect(seen(el)).to.contain('Votre niveau');
    });
  });

  describe('keeping the tier', () => {
    it('says what keeps the tier by the anniversary when current_remain is above 0', async () => {
      const anniversary = utc(45);
      const { client } = scripted({ ...BETWEEN, current_remain: 120, anniversary_at: anniversary });
      const el = await shown(tierEl(), client);
      const line = part(el, 'maintain')!;
      expect(seen(line)).to.equal(`Earn another 120 points by ${date(anniversary)} to keep Silver`);
      expect(line.querySelector('time')!.getAttribute('datetime')).to.equal(
        new Date(Date.parse(`${anniversary.replace(' ', 'T')}Z`)).toISOString(),
      );
      await expect(el).to.be.accessible();
    });

    it("serves the mock's Silver member, who has 70 points to earn in 45 days", async () => {
      const mock = await MockOmneo.create({ member: 'silver' });
      const el = (await mounted(mock, tierEl())).querySelector('omneo-tier-progress')!;
      await ready(el);
      const { tiers } = await mock.state();
      expect(seen(part(el, 'maintain')!)).to.equal(`Earn another 70 points by ${date(tiers.anniversary_at)} to keep Silver`);
      expect(seen(part(el, 'remaining')!)).to.equal('370 points to Gold');
      noJunk(el);
    });

    for (const [why, extra] of [
      ['the tier is kept (current_remain 0)', { current_remain: 0, anniversary_at: utc(45) }],
      ['there is no anniversary date', { current_remain: 120, anniversary_at: null }],
      ['the anniversary has passed', { current_remain: 120, anniversary_at: utc(-3) }],
    ] as const) {
      it(`says nothing about keeping the tier when ${why}`, async () => {
        const { client } = scripted({ ...BETWEEN, ...extra });
        const el = await shown(tierEl(), client);
        expect(part(el, 'maintain')).to.equal(null);
        expect(seen(el)).not.to.contain('keep');
      });
    }
  });

  describe('the top tier', () => {
    it('shows no bar and no next tier, says the member is at the top, and never NaN', async () => {
      const mock = await MockOmneo.create({ member: 'platinum' });
      const el = (await mounted(mock, tierEl())).querySelector('omneo-tier-progress')!;
      await ready(el);
      expect(part(el, 'tier')!.textContent).to.equal('Platinum');
      expect(part(el, 'progress')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[role=progressbar], progress')).to.equal(null);
      expect(part(el, 'next')).to.equal(null);
      expect(part(el, 'remaining')).to.equal(null);
      expect(part(el, 'top')!.textContent).to.equal('You’ve reached the top tier.');
      noJunk(el);
      await expect(el).to.be.accessible();
    });

    it('the same with next_remain and next_progress left out', async () => {
      const { client } = scripted({ current_tier: { name: 'Platinum' }, next_tier: null });
      const el = await shown(tierEl(), client);
      expect(part(el, 'progress')).to.equal(null);
      expect(seen(el)).to.equal('Your tier Platinum You’ve reached the top tier.');
      noJunk(el);
    });
  });

  describe('no tier', () => {
    it('shows the empty slot for a member the API answers 404, with designed words or the slotted ones, and no error', async () => {
      const mock = await MockOmneo.create({ member: 'none' });
      const p = await mounted(
        mock,
        html`<omneo-tier-progress></omneo-tier-progress><omneo-tier-progress><b slot="empty">Shop to join Bronze</b></omneo-tier-progress>`,
      );
      const [plain, slotted] = p.querySelectorAll('omneo-tier-progress');
      let errors = 0;
      p.addEventListener('omneo-error', () => errors++);
      await ready(plain);
      await ready(slotted);
      expect(seen(plain)).to.equal('You don’t have a tier yet. Earn points to join one.');
      expect(seen(slotted)).to.equal('Shop to join Bronze');
      expect(part(plain, 'error')).to.equal(null);
      expect(part(plain, 'progress')).to.equal(null);
      expect(errors).to.equal(0);
      // One request for both.
      expect(await mock.count('/profiles/me/tiers')).to.equal(1);
      await expect(plain).to.be.accessible();
    });

    it('shows the empty slot for current_tier null', async () => {
      const { client } = scripted({ current_tier: null, next_tier: GOLD, current_credit: 0 });
      const el = await shown(tierEl(), client);
      expect(seen(el)).to.equal('You don’t have a tier yet. Earn points to join one.');
      noJunk(el);
    });
  });

  describe('untrusted and missing data', () => {
    it('shows names as text, and only http(s) images', async () => {
      const evil = '<img src=x onerror="window.hacked=1">Gold<script>window.hacked=1</script>';
      for (const image_url of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'not a url']) {
        const { client } = scripted({
          ...BETWEEN,
          current_tier: { ...SILVER, name: evil, image_url },
          next_tier: { ...GOLD, name: '<b>Plat</b>' },
        });
        const el = await shown(tierEl(), client);
        expect(part(el, 'tier')!.textContent).to.equal(evil);
        expect(part(el, 'tier')!.children).to.have.length(0);
        expect(part(el, 'next')!.textContent).to.equal('<b>Plat</b>');
        expect(part(el, 'image')).to.equal(null);
        expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
        expect((window as { hacked?: number }).hacked).to.equal(undefined);
      }
    });

    it('leaves out what it cannot know, and never shows NaN, null or undefined', async () => {
      const cases: object[] = [
        // No credit and no next_remain: no bar, no amount; the next tier by name.
        { current_tier: { name: 'Silver' }, next_tier: { name: 'Gold' } },
        // Thresholds missing: what is left, but no bar.
        { current_tier: { name: 'Silver' }, next_tier: { name: 'Gold' }, next_remain: 200 },
        // The next tier below the current one: no bar.
        {
          current_tier: { name: 'Silver', value_min: 1000 },
          next_tier: { name: 'Gold', value_min: 500 },
          current_credit: 800,
          next_remain: null,
        },
        // Credit above the next threshold: the bar is full, nothing is left.
        { ...BETWEEN, current_credit: 1200, next_remain: null },
      ];
      const expected = [
        'Your tier Silver Next tier: Gold',
        'Your tier Silver 200 points to Gold',
        'Your tier Silver 0 points to Gold',
        'Your tier Silver 0 points to Gold',
      ];
      const bars = [null, null, null, '100'];
      for (const [i, tiers] of cases.entries()) {
        const { client } = scripted(tiers);
        const el = await shown(tierEl(), client);
        expect(seen(el), `case ${i}`).to.equal(expected[i]);
        expect(part(el, 'progress')?.getAttribute('aria-valuenow') ?? null, `case ${i}`).to.equal(bars[i]);
        noJunk(el);
        await expect(el).to.be.accessible();
      }
    });

    // omneo-id-api.md: "treat every field as optional". A tier without a name (or with an empty one)
    // is still a tier: the sentences say "your tier" and "the next tier", and nothing is blank.
    it('says "your tier" and "the next tier" for tiers the API gives no name, in English and French', async () => {
      const nameless = {
        ...BETWEEN,
        current_tier: { ...SILVER, name: undefined },
        next_tier: { ...GOLD, name: '' },
        current_remain: 120,
        anniversary_at: utc(40),
      };
      const { client } = scripted(nameless);
      const el = await shown(tierEl(), client);
      expect(part(el, 'tier')).to.equal(null);
      expect(seen(part(el, 'remaining')!)).to.equal('200 points to the next tier');
      expect(part(el, 'progress')!.getAttribute('aria-label')).to.equal('Progress to the next tier');
      expect(part(el, 'progress')!.getAttribute('aria-valuetext')).to.equal('60% of the way to the next tier, 200 points left');
      expect(seen(part(el, 'maintain')!)).to.equal(`Earn another 120 points by ${date(utc(40), 'en-AU')} to keep your tier`);
      noJunk(el);
      await expect(el).to.be.accessible();

      const fr = await shown(tierEl(), scripted(nameless).client, 'fr-FR');
      expect(seen(part(fr, 'remaining')!)).to.equal('Encore 200 points pour atteindre le niveau suivant');
      expect(seen(part(fr, 'maintain')!)).to.equal(
        `Gagnez encore 120 points d’ici le ${date(utc(40), 'fr-FR')} pour garder le niveau actuel`,
      );

      // Neither a name nor what is left: no line about the next tier at all.
      const unknown = await shown(tierEl(), scripted({ current_tier: { name: 'Silver' }, next_tier: { id: 3 } }).client);
      expect(seen(unknown)).to.equal('Your tier Silver');
      noJunk(unknown);
    });

    it('shows an error, not half a tier, for an answer of the wrong shape', async () => {
      const { client } = scripted({ current_tier: { name: 42 }, next_tier: GOLD, current_credit: 'lots' });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en"><omneo-tier-progress></omneo-tier-progress></omneo-provider>`,
      );
      const el = p.querySelector('omneo-tier-progress')!;
      const e = await oneEvent(el, 'omneo-error');
      expect(e.detail.error.kind).to.equal('invalid-response');
      await el.updateComplete;
      expect(part(el, 'tier')).to.equal(null);
      expect(part(el, 'error')).not.to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('loading', () => {
    it('holds the size of a member between two tiers, announced as loading', async () => {
      const { client } = scripted(BETWEEN, { delay: 400 });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en"><omneo-tier-progress></omneo-tier-progress></omneo-provider>`,
      );
      const el = p.querySelector('omneo-tier-progress')!;
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.textContent).to.contain('Loading…');
      expect(el.shadowRoot!.querySelector('[part~=tier], [part~=progress], [part~=remaining]')).to.equal(null);
      await expect(el).to.be.accessible();
      const loading = el.getBoundingClientRect();
      await ready(el);
      const loaded = el.getBoundingClientRect();
      expect(loaded.height).to.equal(loading.height);
      expect(loaded.width).to.equal(loading.width);
    });
  });

  describe('signed out', () => {
    it('shows the signed-out slot and calls no API', async () => {
      const mock = await MockOmneo.create();
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${`${mock.tokenUrl}?status=401`}>
        <omneo-tier-progress><span slot="signed-out">Sign in to see your tier</span></omneo-tier-progress>
        <omneo-tier-progress></omneo-tier-progress>
      </omneo-provider>`);
      const [slotted, plain] = p.querySelectorAll('omneo-tier-progress');
      await until(() => seen(slotted) === 'Sign in to see your tier');
      await until(() => seen(plain) === 'Sign in to see your rewards.');
      expect(await mock.requests()).to.deep.equal([]);
      await expect(slotted).to.be.accessible();
      await expect(plain).to.be.accessible();
    });
  });

  describe('error', () => {
    it('shows an error with a retry that works, and fires omneo-error', async () => {
      const mock = await MockOmneo.create();
      await mock.faults([{ path: '/profiles/me/tiers', status: 500, times: 3, body: { message: 'Server Error' } }]);
      const el = (await mounted(mock, tierEl())).querySelector('omneo-tier-progress')!;
      const e = await oneEvent(el, 'omneo-error');
      expect(e.detail.error).to.include({ status: 500, message: 'Server Error' });
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.contain('could not be loaded');
      expect(part(el, 'progress')).to.equal(null);
      await expect(el).to.be.accessible();
      part(el, 'error')!.querySelector('button')!.click();
      await until(() => part(el, 'tier'), 4000, 'the tier');
      expect(part(el, 'tier')!.textContent).to.equal('Gold');
    });

    it('says there is no provider when there is none', async () => {
      const el = await fixture<OmneoTierProgress>(html`<omneo-tier-progress></omneo-tier-progress>`);
      await oneEvent(el, 'omneo-error');
      await el.updateComplete;
      expect(seen(el)).to.contain('no <omneo-provider>');
    });
  });

  describe('requests', () => {
    it('asks once for any number of tier widgets, again once on refresh() and after a redeem', async () => {
      const mock = await MockOmneo.create();
      const p = await mounted(
        mock,
        html`<omneo-tier-progress></omneo-tier-progress><omneo-tier-progress></omneo-tier-progress><omneo-tier-progress unit="dollars"></omneo-tier-progress><omneo-redeem-button amount="5"></omneo-redeem-button>`,
      );
      const widgets = [...p.querySelectorAll('omneo-tier-progress')];
      for (const el of widgets) await ready(el);
      expect(await mock.count('/profiles/me/tiers')).to.equal(1);

      p.refresh();
      await eventually(async () => (await mock.count('/profiles/me/tiers')) === 2, 'the refresh');
      for (const el of widgets) await ready(el);

      const button = p.querySelector<OmneoRedeemButton>('omneo-redeem-button')!;
      await until(() => part(button, 'button')?.getAttribute('aria-disabled') === 'false', 4000, 'the button');
      const redeemed = oneEvent(button, 'omneo-redeem');
      part(button, 'button')!.click();
      await redeemed;
      await eventually(async () => (await mock.count('/profiles/me/tiers')) === 3, 'the refetch after the redeem');
      await new Promise((r) => setTimeout(r, 200));
      expect(await mock.count('/profiles/me/tiers')).to.equal(3);
      expect(widgets.map((el) => part(el, 'tier')!.textContent)).to.deep.equal(['Gold', 'Gold', 'Gold']);
    });
  });
});
