/**
 * Malformed answers (issue #18): whatever Omneo sends, every widget ends in a designed state,
 * nothing uncaught reaches the page, and no `NaN`, `undefined`, `null`, `Infinity` or
 * `[object Object]` reaches the screen. One bad item costs that item; unknown fields change nothing.
 *
 * The rounds are seeded (test/malformed-answers.ts): each test's name carries its seed, and
 * `OMNEO_SEED=<seed> npx web-test-runner --config web-test-runner.config.mjs --files test/malformed.test.ts`
 * runs the rounds from that seed on (`OMNEO_ROUNDS` sets how many, 40 by default).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import '../src/index.js';
import { createOmneoClient, distanceToNextTier, type OmneoClient, type OmneoProvider } from '../src/index.js';
import { parseTiers } from '../src/api/validate.js';
import { en } from '../src/internal/strings.js';
import { fakeFetch, json, jwt, part, seen, sleep, until, type Call } from './helpers.js';
import { shown as shownByHelpers, watchPage, type PageWatch, type Shown } from './fault-helpers.js';
import { answerFor, MARKUP, usesTokenProvider, utc, validBalances, validBenefit, validLot, validReward, validTiers, type Answer, type Route } from './malformed-answers.js';

declare global {
  interface Window {
    OMNEO_SEED?: string;
    OMNEO_ROUNDS?: string;
    __omneoPwned?: unknown;
  }
}

const BASE = 'https://api.fuzz.getomneo.com/id/api/v1';
const TOKEN_URL = '/omneo-fuzz/token';
const FIRST_SEED = Number(window.OMNEO_SEED) || 0x18_2026;
const ROUNDS = Number(window.OMNEO_ROUNDS) || 40;
/** The longest a widget may take to settle on instant answers before it counts as left loading. */
const SETTLE_MS = 4000;
const JUNK = /NaN|undefined|null|Infinity|\[object/;
/** Attributes a person meets: read aloud, shown as a tooltip or a field's value, or a machine-read date. */
const SPOKEN = /^(aria-.*|alt|title|value|placeholder|datetime|label)$/;

const TIER_TAG = 'omneo-tier-progress';
const hasTier = () => customElements.get(TIER_TAG) !== undefined;

// ---------------------------------------------------------------------------
// What the shopper sees

/** The state of a widget; `<omneo-tier-progress>` read by its contract's parts and slots. */
function shown(el: Element): Shown {
  if (el.localName !== TIER_TAG) return shownByHelpers(el);
  const root = el.shadowRoot;
  if (!root) return 'blank';
  if (part(el, 'error')) return 'error';
  if (root.querySelector('slot[name="signed-out"]')) return 'signed-out';
  if (part(el, 'tier') || part(el, 'top') || root.querySelector('slot[name="empty"]')) return 'value';
  return 'loading';
}

/**
 * Junk in everything a widget renders, hidden text and attributes included, down through the
 * shadow roots of the widgets inside it (a list's redeem buttons): each as `where: "text"`.
 */
function junkIn(el: Element): string[] {
  const found: string[] = [];
  const walk = (node: Node, where: string) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (JUNK.test(node.textContent ?? '')) found.push(`${where} text: "${node.textContent!.trim().slice(0, 80)}"`);
      return;
    }
    if (!(node instanceof Element) && !(node instanceof ShadowRoot)) return;
    if (node instanceof Element) {
      if (node.localName === 'style') return;
      where = `${where} > ${node.localName}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''}`;
      for (const attr of node.attributes) if (SPOKEN.test(attr.name) && JUNK.test(attr.value)) found.push(`${where} @${attr.name}="${attr.value.slice(0, 80)}"`);
      if (node.shadowRoot) walk(node.shadowRoot, where);
    }
    for (const child of node.childNodes) walk(child, where);
  };
  walk(el.shadowRoot ?? el, el.localName);
  return found;
}

/** Markup from the API never becomes elements, and images are http(s) only. */
function injectedIn(el: Element): string[] {
  const found: string[] = [];
  const roots = [el.shadowRoot!, ...[...el.shadowRoot!.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
  for (const root of roots) {
    for (const img of root.querySelectorAll('img')) {
      if (img.getAttribute('part') !== 'image') found.push(`an <img> that is not the image part: ${img.outerHTML.slice(0, 80)}`);
      else if (!/^https?:\/\//.test(img.getAttribute('src') ?? '')) found.push(`an image from ${img.getAttribute('src')}`);
    }
    if (root.querySelector('b')) found.push('a <b> from the API');
  }
  return found;
}

// ---------------------------------------------------------------------------
// A fake Omneo that answers from the generator

const ROUTES: [RegExp, Route][] = [
  [/\/profiles\/me\/balances$/, 'balances'],
  [/\/profiles\/me\/rewards$/, 'rewards'],
  [/\/profiles\/me\/benefits$/, 'benefits'],
  [/\/profiles\/me\/points$/, 'points'],
  [/\/profiles\/me\/tiers$/, 'tiers'],
  [/\/profiles\/me\/redeem$/, 'redeem'],
  [/\/profiles\/me\/benefits\/[^/]+\/redeem$/, 'benefit-redeem'],
];

function routeOf(call: Call): Route | undefined {
  if (call.url.pathname === TOKEN_URL) return 'token';
  return ROUTES.find(([re]) => re.test(call.url.pathname))?.[1];
}

const respond = (a: Answer) => new Response(a.status === 204 ? null : a.body, { status: a.status, headers: { 'Content-Type': 'application/json' } });

/** The round's client: every answer, the token's included, from the generator. */
function fuzzedOmneo(seed: number) {
  const answers = new Map<string, Answer>();
  const answer = (route: Route, page = 1) => {
    const a = answerFor(seed, route, page);
    answers.set(page === 1 ? route : `${route} page ${page}`, a);
    return a;
  };
  const f = fakeFetch((call) => {
    const route = routeOf(call);
    if (!route) return json({ message: 'Not found.' }, 404);
    return respond(answer(route, Number(call.url.searchParams.get('page[number]') ?? 1)));
  });
  const viaProvider = usesTokenProvider(seed);
  const tokenProvider = async () => {
    const a = answer('token');
    if (a.status === 204 || a.status === 401) return null;
    if (a.status !== 200) throw new Error(`token provider: ${a.status}`);
    // What a framework's own fetch would hand over: the parsed body, whatever it is.
    return JSON.parse(a.body);
  };
  const client = createOmneoClient({ baseUrl: BASE, fetch: f.fetch, ...(viaProvider ? { tokenProvider } : { tokenUrl: TOKEN_URL }) });
  /** What each route was answered, for a failure message. */
  const notes = () => {
    const sent = f.calls.map((c) => `${c.method} ${c.url.pathname.replace(BASE.replace(/^https:\/\/[^/]+/, ''), '')}${c.url.searchParams.has('page[number]') ? ` p${c.url.searchParams.get('page[number]')}` : ''}`);
    return [`token via ${viaProvider ? 'tokenProvider' : 'token-url'}`, ...[...answers].map(([k, a]) => `${k}: ${a.note}`), `requests: ${sent.join(', ')}`].join('\n  ');
  };
  return { client, calls: f.calls, answers, notes };
}

// ---------------------------------------------------------------------------
// The storefront of a round

/** Every widget, in each of its kinds. */
function storefront() {
  return html`
    <omneo-points-balance kind="points"></omneo-points-balance>
    <omneo-points-balance kind="points-dollars"></omneo-points-balance>
    <omneo-points-balance kind="rewards"></omneo-points-balance>
    <omneo-points-balance kind="combined"></omneo-points-balance>
    <omneo-rewards-list></omneo-rewards-list>
    <omneo-rewards-list redeemable include-expired></omneo-rewards-list>
    <omneo-rewards-list source="benefits"></omneo-rewards-list>
    <omneo-rewards-list source="benefits" redeemable include-expired></omneo-rewards-list>
    <omneo-rewards-list source="points"></omneo-rewards-list>
    <omneo-rewards-list source="points" redeemable include-expired></omneo-rewards-list>
    <omneo-redeem-button amount="10"></omneo-redeem-button>
    <omneo-redeem-button benefit-id="201"></omneo-redeem-button>
    ${hasTier() ? html`<omneo-tier-progress></omneo-tier-progress><omneo-tier-progress unit="dollars"></omneo-tier-progress>` : ''}
  `;
}

/** The route each widget reads, to match it with its answer. */
function routeOfWidget(el: Element): Route {
  if (el.localName === 'omneo-rewards-list') return (el.getAttribute('source') as Route | null) ?? 'rewards';
  if (el.localName === TIER_TAG) return 'tiers';
  return 'balances';
}

const label = (el: Element) =>
  `<${el.localName}${[...el.attributes].map((a) => ` ${a.name}${a.value ? `="${a.value}"` : ''}`).join('')}>`;

/**
 * Mounts `inner` under a provider with `client`, listening from outside it, so no event is missed:
 * the last `omneo-load` or `omneo-error` each widget fired.
 */
async function mount(client: OmneoClient, inner: TemplateResult) {
  const events = new Map<Element, string>();
  const host = document.createElement('div');
  for (const type of ['omneo-load', 'omneo-error']) host.addEventListener(type, (e) => events.set(e.target as Element, type));
  document.body.append(host);
  render(html`<omneo-provider .client=${client} locale="en-AU">${inner}</omneo-provider>`, host);
  const provider = host.firstElementChild as OmneoProvider;
  const widgets = [...provider.children].filter((el) => el.localName.startsWith('omneo-'));
  return { host, provider, widgets, events };
}

/** A widget is done once it fired `omneo-load` or `omneo-error`, or shows the signed-out state (which fires neither). */
async function settled(widgets: Element[], events: Map<Element, string>, context: () => string) {
  const done = (el: Element) => events.has(el) || shown(el) === 'signed-out';
  try {
    await until(() => widgets.every(done), SETTLE_MS);
  } catch {
    const stuck = widgets.filter((el) => !done(el)).map((el) => `${label(el)} shows ${shown(el)}: "${seen(el)}"`);
    expect.fail(`left loading after ${SETTLE_MS} ms:\n  ${stuck.join('\n  ')}\n${context()}`);
  }
  await Promise.all(widgets.map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete));
}

/** Each widget shows the state its last event said, with real text and no junk. */
function expectDesigned(widgets: Element[], events: Map<Element, string>, context: () => string) {
  for (const el of widgets) {
    const state = shown(el);
    const text = seen(el);
    const why = `${label(el)} shows ${state}: "${text.slice(0, 200)}"\n${context()}`;
    expect(['value', 'signed-out', 'error'], why).to.include(state);
    expect(text, `${why}\n(blank)`).not.to.equal('');
    const event = events.get(el);
    if (event === 'omneo-error') expect(state, `${why}\n(it fired omneo-error)`).to.equal('error');
    if (event === 'omneo-load') expect(state, `${why}\n(it fired omneo-load)`).to.equal('value');
    if (state === 'error') expect(seen(part(el, 'error')!), why).to.contain(en.error);
    expect(junkIn(el), why).to.deep.equal([]);
    expect(injectedIn(el), why).to.deep.equal([]);
  }
  expect(window.__omneoPwned, 'markup from the API ran').to.equal(undefined);
}

/** What is certain from the answers: a sound answer is shown, and one bad item does not cost a list. */
function expectFollowsAnswers(widgets: Element[], answers: Map<string, Answer>, context: () => string) {
  if (answers.get('token')?.expect !== 'value') return;
  for (const el of widgets) {
    const answer = answers.get(routeOfWidget(el));
    const why = `${label(el)} shows ${shown(el)}: "${seen(el).slice(0, 200)}"\n${context()}`;
    if (answer?.expect === 'value') expect(shown(el), why).to.equal('value');
    if (answer?.expect === 'not-error' && el.localName === 'omneo-rewards-list') expect(shown(el), why).not.to.equal('error');
  }
}

/** Clicks each redeem button that can be used, and checks its outcome is shown, junk-free. */
async function redeemWhereAllowed(widgets: Element[], answers: Map<string, Answer>, context: () => string) {
  for (const button of widgets.filter((el) => el.localName === 'omneo-redeem-button')) {
    const inner = part(button, 'button') as HTMLButtonElement | null;
    if (inner?.getAttribute('aria-disabled') !== 'false') continue;
    let outcome: string | undefined;
    const note = (e: Event) => (outcome = e.type);
    button.addEventListener('omneo-redeem', note);
    button.addEventListener('omneo-redeem-error', note);
    inner.click();
    try {
      await until(() => outcome, SETTLE_MS);
    } catch {
      expect.fail(`${label(button)}: no omneo-redeem or omneo-redeem-error after a click\n${context()}`);
    }
    await (button as Element & { updateComplete: Promise<unknown> }).updateComplete;
    const route = button.hasAttribute('amount') ? 'redeem' : 'benefit-redeem';
    const why = `${label(button)} after ${outcome}: "${seen(button)}"\n${context()}`;
    if (answers.get(route)?.expect === 'value') expect(outcome, why).to.equal('omneo-redeem');
    expect(seen(part(button, 'message')!), why).not.to.equal('');
    expect(junkIn(button), why).to.deep.equal([]);
    expect(injectedIn(button), why).to.deep.equal([]);
  }
}

/** No request is sent once the widgets have settled: no retry loop, no storm. */
async function expectQuiet(calls: Call[], context: () => string) {
  const before = calls.length;
  await sleep(50);
  expect(calls.slice(before).map((c) => `${c.method} ${c.url.pathname}`), `requests after the widgets settled\n${context()}`).to.deep.equal([]);
}

// ---------------------------------------------------------------------------

describe('malformed answers', () => {
  let watch: PageWatch;
  let warn: typeof console.warn;
  let warnings: string[];
  const hosts: HTMLElement[] = [];

  beforeEach(() => {
    watch = watchPage();
    warn = console.warn;
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
    watch.stop();
    for (const host of hosts.splice(0)) host.remove();
  });

  describe(`${ROUNDS} seeded rounds over every widget${hasTier() ? '' : ` (no <${TIER_TAG}> defined: tiers are checked without it)`}`, function () {
    // A round takes a fraction of a second; a loaded machine (seven agents on two cores) may take many.
    this.timeout(20_000);
    for (let i = 0; i < ROUNDS; i++) {
      const seed = (FIRST_SEED + i) >>> 0;
      it(`round ${i + 1}, seed ${seed} (OMNEO_SEED=${seed} replays it)`, async () => {
        const omneo = fuzzedOmneo(seed);
        const context = () => `seed ${seed}; answers:\n  ${omneo.notes()}`;
        const { host, widgets, events } = await mount(omneo.client, storefront());
        hosts.push(host);
        await settled(widgets, events, context);
        expectDesigned(widgets, events, context);
        expectFollowsAnswers(widgets, omneo.answers, context);
        await redeemWhereAllowed(widgets, omneo.answers, context);
        // A redeem fetches everything again: the widgets settle once more, as designed.
        await until(() => widgets.every((el) => !['loading', 'blank'].includes(shown(el))), SETTLE_MS).catch(() => {});
        expectDesigned(widgets, new Map(), context);
        await expectQuiet(omneo.calls, context);
        expect(omneo.calls.length, `requests in the round\n${context()}`).to.be.below(200);
        await watch.expectNoPageErrors();
      });
    }
  });
});
