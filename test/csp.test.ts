import { expect } from '@open-wc/testing';
import { MockOmneo } from './mock.js';
import { part, until } from './helpers.js';

/** Loads the fixture page, with its strict CSP, in an iframe of the test page. */
async function cspPage(mock: MockOmneo) {
  const frame = document.createElement('iframe');
  const q = new URLSearchParams({ base: mock.baseUrl, token: mock.tokenUrl, bundle: '/src/omneo-widgets.ts' });
  frame.src = `/test/fixtures/csp.html?${q}`;
  frame.style.cssText = 'width: 800px; height: 1200px';
  document.body.append(frame);
  const win = frame.contentWindow as Window & { violations: string[]; ready?: boolean };
  await until(() => win.ready, 8000, 'the page');
  return { frame, win, doc: frame.contentDocument! };
}

describe('a storefront with a strict Content-Security-Policy', () => {
  it('renders every element with no violation', async function () {
    // A page of its own that loads every element from source: slow on a busy machine.
    this.timeout(30_000);
    const mock = await MockOmneo.create();
    const { frame, win, doc } = await cspPage(mock);
    const balances = [...doc.querySelectorAll('omneo-points-balance')];
    await until(
      () => balances.every((b) => part(b, 'value') && !part(b, 'value')!.classList.contains('skeleton')),
      6000,
      'the balances',
    );
    const lists = [...doc.querySelectorAll('omneo-rewards-list')];
    await until(() => lists.every((l) => l.shadowRoot?.querySelector('[part~="item"]')), 6000, 'the lists');
    // The tier's bar is drawn at its width through the CSSOM, which a strict style-src allows.
    const tier = doc.querySelector('omneo-tier-progress')!;
    await until(() => part(tier, 'progress'), 6000, 'the tier');
    const fill = part(tier, 'progress')!.firstElementChild!;
    expect(fill.getBoundingClientRect().width / part(tier, 'progress')!.getBoundingClientRect().width).to.be.closeTo(0.54, 0.01);
    // Styles applied (adopted style sheets are not inline styles): the provider lays out as contents.
    expect(win.getComputedStyle(doc.querySelector('omneo-provider')!).display).to.equal('contents');
    expect(win.violations).to.deep.equal([]);
    frame.remove();
  });
});
