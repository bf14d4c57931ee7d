import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import { createOmneoClient, type OmneoPointsBalance, type OmneoProvider } from '../src/index.js';
import { formatNumber } from '../src/internal/format.js';
import { MockOmneo } from './mock.js';
import { BALANCES, fakeFetch, json, jwt, part, seen, sleep, until } from './helpers.js';

/** A provider on a fresh mock namespace, signed in through the same-origin token endpoint. */
async function mounted(mock: MockOmneo, inner: ReturnType<typeof html>, attrs: { locale?: string; currency?: string } = {}) {
  const provider = await fixture<OmneoProvider>(html`<omneo-provider
    base-url=${mock.baseUrl}
    token-url=${mock.tokenUrl}
    locale=${attrs.locale ?? 'en-AU'}
    currency=${attrs.currency ?? ''}
    >${inner}</omneo-provider
  >`);
  return provider;
}

/**
 * The text as drawn: each word where the layout put it, and a space only where the line leaves room
 * between two words (a space character, or the gap between the label and the value), never for
 * whitespace that is not drawn. Shadow roots and slots are followed.
 */
function rendered(root: Node): string {
  const range = document.createRange();
  let text = '';
  let lastRight = 0;
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const box = range.getBoundingClientRect();
        if (!box.width) continue;
        if (text && box.left - lastRight > 1) text += ' ';
        text += word[0];
        lastRight = box.right;
      }
    } else if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes({ flatten: true });
      (assigned.length ? assigned : [...node.childNodes]).forEach(visit);
    } else if (!(node instanceof Element && node.matches('.sr-only, style, script'))) {
      [...((node as Element).shadowRoot ?? node).childNodes].forEach(visit);
    }
  };
  visit(root);
  return text;
}

const ready = (el: OmneoPointsBalance) =>
  until(() => part(el, 'value') && !part(el, 'value')!.classList.contains('skeleton'), 4000, 'the value');

/** A client answered by a scripted fetch, so a state can be held as long as a test needs. */
function scripted(balances: () => Response | Promise<Response>) {
  const f = fakeFetch((c) => (c.url.pathname.endsWith('/balances') ? balances() : json({ message: 'no' }, 404)));
  return {
    f,
    client: createOmneoClient({ baseUrl: 'https://api.x.getomneo.com/id/api/v1', tokenProvider: () => jwt(), fetch: f.fetch }),
  };
}

describe('<omneo-points-balance>', () => {
  let mock: MockOmneo;
  beforeEach(async () => {
    mock = await MockOmneo.create();
  });

  describe('each kind', () => {
    for (const [kind, text] of [
      ['points', '1,234 points'],
      ['points-dollars', '$12.34'],
      ['rewards', 'money'],
      ['combined', 'money'],
    ] as const) {
      it(`shows ${kind} as ${text === 'money' ? 'money' : `"${text}"`}`, async () => {
        const state = await mock.state();
        expect(state.balances.point_balance).to.equal(1234);
        const p = await mounted(mock, html`<omneo-points-balance kind=${kind}></omneo-points-balance>`);
        const el = p.querySelector('omneo-points-balance')!;
        await ready(el);
        const money = {
          'points-dollars': 'point_balance_dollars',
          rewards: 'reward_balance',
          combined: 'combined_balance_dollars',
        } as const;
        const expected =
          kind === 'points'
            ? text
            : new Intl.NumberFormat('en-AU', { style: 'currency', currency: 'AUD' }).format(state.balances[money[kind]]);
        expect(part(el, 'value')!.textContent).to.equal(expected);
      });
    }

    it('reflects its kind for page CSS, as the list its source and the tier progress its unit', async () => {
      const wrap = await fixture(
        html`<div><omneo-points-balance></omneo-points-balance><omneo-rewards-list></omneo-rewards-list><omneo-tier-progress></omneo-tier-progress></div>`,
      );
      const balance = wrap.querySelector('omneo-points-balance')!;
      const list = wrap.querySelector('omneo-rewards-list')!;
      const tiers = wrap.querySelector('omneo-tier-progress')!;
      await Promise.all([balance.updateComplete, list.updateComplete, tiers.updateComplete]);
      expect([balance.getAttribute('kind'), list.getAttribute('source'), tiers.getAttribute('unit')]).to.deep.equal([
        'points',
        'rewards',
        'points',
      ]);
      // As a framework sets them: properties.
      balance.kind = 'combined';
      list.source = 'benefits';
      tiers.unit = 'dollars';
      await Promise.all([balance.updateComplete, list.updateComplete, tiers.updateComplete]);
      expect([balance.getAttribute('kind'), list.getAttribute('source'), tiers.getAttribute('unit')]).to.deep.equal([
        'combined',
        'benefits',
        'dollars',
      ]);
    });

    it('defaults to points, and shows the label slot before the value', async () => {
      const p = await mounted(mock, html`<omneo-points-balance><span slot="label">You have</span></omneo-points-balance>`);
      const el = p.querySelector('omneo-points-balance')!;
      await ready(el);
      expect(seen(el)).to.equal('You have 1,234 points');
      await expect(el).to.be.accessible();
    });

    it('writes whole numbers exactly as Intl does, and without Intl in English locales that group by threes', () => {
      // Which locales build an Intl.NumberFormat (first, while no test here has built one for them).
      const NumberFormat = Intl.NumberFormat;
      const built: string[] = [];
      Intl.NumberFormat = new Proxy(NumberFormat, { construct: (C, args) => (built.push(args[0]), new C(...args)) });
      try {
        for (const locale of [
          'en',
          'en-US',
          'en-AU',
          'en-NZ',
          'en-GB',
          'en-CA',
          'en-IE',
          'EN-au',
          'en-IN',
          'en-ZA',
          'en-CH',
          'en-DE',
          'en-US-u-nu-arab',
          'hi-IN',
        ])
          formatNumber(locale, 1234);
        formatNumber('en-GB', 1234.5);
      } finally {
        Intl.NumberFormat = NumberFormat;
      }
      expect(built).to.deep.equal(['en-IN', 'en-ZA', 'en-CH', 'en-DE', 'en-US-u-nu-arab', 'hi-IN', 'en-GB']);
      // And what it writes, either way, is Intl's.
      const numbers = [
        0,
        1,
        -1,
        7,
        999,
        1000,
        -1000,
        12_345,
        123_456,
        1_234_567,
        -98_765_432,
        2 ** 31,
        Number.MAX_SAFE_INTEGER,
        -Number.MAX_SAFE_INTEGER,
        1234.5,
        1e21,
      ];
      for (const locale of [
        'en',
        'en-US',
        'en-AU',
        'en-NZ',
        'en-GB',
        'en-CA',
        'en-IE',
        'EN-au',
        'en-IN',
        'en-ZA',
        'en-CH',
        'en-DE',
        'en-US-u-nu-arab',
        'de-DE',
        'fr',
        'hi-IN',
      ]) {
        for (const n of numbers)
          expect(formatNumber(locale, n), `${n} in ${locale}`).to.equal(new Intl.NumberFormat(locale).format(n));
      }
    });

    for (const label of [false, true]) {
      it(`reads "(A$57.34 to spend)" inside a sentence, no space before the value, ${label ? 'with' : 'without'} a label`, async () => {
        const { balances } = await mock.state();
        const combined = new Intl.NumberFormat('en-AU', { style: 'currency', currency: 'AUD' }).format(
          balances.combined_balance_dollars,
        );
        const labelled = label ? html`<span slot="label">you have</span>` : '';
        const p = await mounted(
          mock,
          html`<p>(<omneo-points-balance kind="combined">${labelled}</omneo-points-balance> to spend)</p>`,
        );
        await ready(p.querySelector('omneo-points-balance')!);
        expect(rendered(p.querySelector('p')!)).to.equal(label ? `(you have ${combined} to spend)` : `(${combined} to spend)`);
      });
    }

    it('says "1 point" for one point', async () => {
      const { client } = scripted(() => json({ data: { ...BALANCES, point_balance: 1 } }));
      const el = (
        await fixture<OmneoProvider>(
          html`<omneo-provider .client=${client} locale="en"><omneo-points-balance></omneo-points-balance></omneo-provider>`,
        )
      ).firstElementChild as OmneoPointsBalance;
      await ready(el);
      expect(part(el, 'value')!.textContent).to.equal('1 point');
    });

    it("formats numbers and money in the provider's locale and currency", async () => {
      const p = await mounted(
        mock,
        html`<omneo-points-balance></omneo-points-balance><omneo-points-balance kind="combined"></omneo-points-balance>`,
        { locale: 'de-DE', currency: 'EUR' },
      );
      const [points, combined] = p.querySelectorAll('omneo-points-balance');
      const { balances } = await mock.state();
      await ready(points);
      await ready(combined);
      expect(part(points, 'value')!.textContent).to.match(/^1\.234 /);
      expect(part(combined, 'value')!.textContent).to.equal(
        new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(balances.combined_balance_dollars),
      );
    });

    it("uses the balances' currency, then AUD, and the nearest lang", async () => {
      const { client } = scripted(() => json({ data: { ...BALANCES, currency: 'NZD' } }));
      const wrap = await fixture(
        html`<div lang="en-NZ"><omneo-provider .client=${client}><omneo-points-balance kind="combined"></omneo-points-balance></omneo-provider></div>`,
      );
      const el = wrap.querySelector('omneo-points-balance')!;
      await ready(el);
      expect(part(el, 'value')!.textContent).to.equal('$27.34');
    });

    it('renders nothing for 0 with hide-when-zero, and the value without it', async () => {
      const { client } = scripted(() => json({ data: { ...BALANCES, reward_balance: 0 } }));
      const p = await fixture<OmneoProvider>(html`<omneo-provider .client=${client} locale="en-AU"
        ><omneo-points-balance kind="rewards" hide-when-zero></omneo-points-balance
        ><omneo-points-balance kind="rewards"></omneo-points-balance
      ></omneo-provider>`);
      const [hidden, shown] = p.querySelectorAll('omneo-points-balance');
      await ready(shown);
      await hidden.updateComplete;
      expect(seen(hidden)).to.equal('');
      expect(hidden.getBoundingClientRect().width).to.equal(0);
      expect(seen(shown)).to.equal('$0.00');
    });

    it('fires omneo-load with the balances', async () => {
      const p = fixture<OmneoProvider>(
        html`<omneo-provider base-url=${mock.baseUrl} token-url=${mock.tokenUrl}><omneo-points-balance></omneo-points-balance></omneo-provider>`,
      );
      const el = (await p).querySelector('omneo-points-balance')!;
      const e = await oneEvent(el, 'omneo-load');
      expect(e.detail.data).to.include({ point_balance: 1234 });
      expect(e.bubbles && e.composed).to.equal(true);
    });
  });

  describe('loading', () => {
    it('holds a placeholder the size of a value, announced as loading', async () => {
      const { client } = scripted(() => new Promise(() => {}));
      const p = await fixture<OmneoProvider>(
        html`<p style="font: 16px sans-serif">You have <omneo-provider .client=${client} locale="en"><omneo-points-balance></omneo-points-balance></omneo-provider> to spend.</p>`,
      );
      const el = p.querySelector('omneo-points-balance')!;
      const placeholder = part(el, 'value')!;
      expect(placeholder.classList.contains('skeleton')).to.equal(true);
      const box = placeholder.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(40);
      expect(box.height).to.be.greaterThan(10);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.textContent).to.contain('Loading…');
      await expect(el).to.be.accessible();
    });
  });

  describe('signed out', () => {
    it('shows the signed-out slot and calls no API', async () => {
      const p =
        await fixture<OmneoProvider>(html`<omneo-provider base-url=${mock.baseUrl} token-url=${`${mock.tokenUrl}?status=401`}>
        <omneo-points-balance><span slot="signed-out">Sign in to see your points</span></omneo-points-balance>
      </omneo-provider>`);
      const el = p.querySelector('omneo-points-balance')!;
      await until(() => seen(el) === 'Sign in to see your points');
      expect(await mock.requests()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('says so in words of its own when there is no slot (204 from the token endpoint)', async () => {
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider base-url=${mock.baseUrl} token-url=${`${mock.tokenUrl}?status=204`}><omneo-points-balance></omneo-points-balance></omneo-provider>`,
      );
      const el = p.querySelector('omneo-points-balance')!;
      await until(() => seen(el) === 'Sign in to see your rewards.');
    });
  });

  describe('error', () => {
    it('shows an error with a retry that works', async () => {
      await mock.faults([{ path: '/profiles/me/balances', status: 500, times: 3, body: { message: 'Server Error' } }]);
      const p = await mounted(mock, html`<omneo-points-balance></omneo-points-balance>`);
      const el = p.querySelector('omneo-points-balance')!;
      const e = await oneEvent(el, 'omneo-error');
      expect(e.detail.error).to.include({ status: 500, message: 'Server Error' });
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.contain('could not be loaded');
      expect(await mock.count('/profiles/me/balances')).to.equal(3);
      await expect(el).to.be.accessible();
      part(el, 'error')!.querySelector('button')!.click();
      await ready(el);
      expect(part(el, 'value')!.textContent).to.equal('1,234 points');
    });

    for (const [what, body] of [
      ['a string for a number', JSON.stringify({ data: { ...BALANCES, point_balance: '1234' } })],
      ['an HTML page', '<!doctype html><title>Error</title>'],
      ['a truncated body', '{"data":{"point_balance":12'],
    ]) {
      it(`shows an error state, not a number, for ${what}`, async () => {
        await mock.faults([{ path: '/profiles/me/balances', status: 200, body }]);
        const p = await mounted(mock, html`<omneo-points-balance></omneo-points-balance>`);
        const el = p.querySelector('omneo-points-balance')!;
        const e = await oneEvent(el, 'omneo-error');
        expect(e.detail.error.kind).to.equal('invalid-response');
        await el.updateComplete;
        expect(part(el, 'value')).to.equal(null);
        expect(seen(el)).not.to.match(/NaN|undefined|\d/);
      });
    }

    it('keeps showing the balance it had through a failed refresh and the next one, never a placeholder', async () => {
      let answer = () => json({ data: BALANCES });
      const f = fakeFetch((c) => (c.url.pathname.endsWith('/balances') ? answer() : json({ message: 'no' }, 404)));
      const client = createOmneoClient({
        baseUrl: 'https://api.x.getomneo.com/id/api/v1',
        tokenProvider: () => jwt(),
        fetch: f.fetch,
        retries: 0,
      });
      const p = await fixture<OmneoProvider>(
        html`<omneo-provider .client=${client} locale="en"><omneo-points-balance></omneo-points-balance></omneo-provider>`,
      );
      const el = p.querySelector('omneo-points-balance')!;
      await ready(el);
      // What the value part showed after each render from here on.
      const shown: (string | null | undefined)[] = [];
      el.addController({
        hostUpdated: () => {
          const value = part(el, 'value');
          shown.push(value?.classList.contains('skeleton') ? 'placeholder' : value?.textContent);
        },
      });
      answer = () => json({ message: 'Server Error' }, 500);
      client.invalidate();
      await oneEvent(el, 'omneo-error');
      answer = () => json({ data: { ...BALANCES, point_balance: 2000 } });
      client.invalidate();
      await until(() => part(el, 'value')?.textContent === '2,000 points', 4000, 'the new balance');
      expect(shown.length).to.be.greaterThan(1);
      expect(shown.filter((text) => text !== '1,234 points' && text !== '2,000 points')).to.deep.equal([]);
    });

    it('reports a missing provider once, however often it renders', async () => {
      const wrap = await fixture(html`<div><omneo-points-balance></omneo-points-balance></div>`);
      const el = wrap.querySelector('omneo-points-balance')!;
      let errors = 0;
      el.addEventListener('omneo-error', () => errors++);
      await oneEvent(el, 'omneo-error');
      for (const signedOut of ['Log in', 'Log in for points']) {
        el.strings = { signedOut };
        await el.updateComplete;
      }
      await sleep(50);
      expect(errors).to.equal(1);
      expect(part(el, 'error')!.textContent).to.contain('no <omneo-provider>');
    });

    it('says so when there is no provider, and recovers when one appears', async () => {
      const wrap = await fixture(html`<div><omneo-points-balance></omneo-points-balance></div>`);
      const el = wrap.querySelector('omneo-points-balance')!;
      const e = await oneEvent(el, 'omneo-error');
      expect(e.detail.error.message).to.contain('<omneo-provider>');
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.contain('no <omneo-provider>');
      const provider = document.createElement('omneo-provider');
      provider.setAttribute('base-url', mock.baseUrl);
      provider.setAttribute('token-url', mock.tokenUrl);
      wrap.append(provider);
      provider.append(el);
      await ready(el);
      expect(part(el, 'value')!.textContent).to.equal('1,234 points');
    });
  });
});
