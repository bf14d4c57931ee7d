import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/locales/fr.ts';
import { API, mintDemoToken, signedOut, TOKEN_URL } from './msw-handlers.ts';
import { money, part, partShown, seen, shows, widget } from './support.ts';

type Args = {
  tenant?: string;
  'base-url'?: string;
  'token-url'?: string;
  token?: string;
  locale?: string;
  currency?: string;
  global?: boolean;
  tokenProvider?: () => Promise<unknown>;
  client?: unknown;
};

const TAG = 'omneo-provider';

/** Three balances: one provider, one token, one request for the balances they all show. */
const summary = () => html`<p>
  <omneo-points-balance kind="points"><span slot="label">You have</span></omneo-points-balance>,
  <omneo-points-balance kind="rewards"><span slot="label">rewards worth</span></omneo-points-balance>
  and
  <omneo-points-balance kind="combined"><span slot="label">in all</span></omneo-points-balance>
  to spend.
</p>`;

const provider = (args: Args, inner: TemplateResult = summary()) =>
  html`<omneo-provider
    tenant=${ifDefined(args.tenant || undefined)}
    base-url=${ifDefined(args['base-url'] || undefined)}
    token-url=${ifDefined(args['token-url'] || undefined)}
    token=${ifDefined(args.token || undefined)}
    locale=${ifDefined(args.locale || undefined)}
    currency=${ifDefined(args.currency || undefined)}
    ?global=${args.global}
    .tokenProvider=${args.tokenProvider}
    >${inner}</omneo-provider
  >`;

/**
 * `<omneo-provider>` gives the widgets inside it one API client: one shopper token, one request
 * per resource, one cache that a redeem refreshes everywhere. It renders nothing of its own.
 */
const meta = {
  title: 'Widgets/omneo-provider',
  component: TAG,
  render: (args) => provider(args),
  args: { 'base-url': API, 'token-url': TOKEN_URL, locale: 'en-AU' },
  argTypes: {
    tokenProvider: { control: false },
    client: { control: false },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const EXPECTED = `You have 1,234 points, rewards worth ${money(45)} and in all ${money(57.34)} to spend.`;

const allShown = (expected = EXPECTED) =>
  (async ({ canvasElement }) => {
    await widget(canvasElement, 'omneo-points-balance');
    await shows(canvasElement.querySelector('p')!, expected);
  }) satisfies Story['play'];

// ---------------------------------------------------------------------------

let balanceRequests = 0;

/**
 * `base-url` and `token-url`, as the mock and the demo storefront use them. Three widgets ask for
 * the balances, and Omneo is asked once.
 */
export const Default: Story = {
  beforeEach: ({ msw }) => {
    balanceRequests = 0;
    const count = ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname.endsWith('/profiles/me/balances')) balanceRequests++;
    };
    msw.events.on('request:start', count);
    return () => msw.events.removeListener('request:start', count);
  },
  play: async (context) => {
    await allShown()(context);
    await expect(balanceRequests).toBe(1);
  },
};

/** `tenant="demo"`: the base URL becomes `https://api.demo.getomneo.com/id/api/v1`. */
export const Tenant: Story = {
  args: { tenant: 'demo', 'base-url': undefined },
  play: allShown(),
};

/** `token`: a shopper token the server rendered into the page (it cannot be renewed). */
export const ServerRenderedToken: Story = {
  args: { token: mintDemoToken(3600).token, 'token-url': undefined },
  play: allShown(),
};

/** `tokenProvider` (a property, for frameworks): a function that resolves to `{token, exp}`. */
export const TokenProvider: Story = {
  args: { 'token-url': undefined, tokenProvider: async () => mintDemoToken() },
  play: allShown(),
};

/** The token endpoint answers 401: every widget shows its signed-out state, not an error. */
export const SignedOut: Story = {
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: signedOut() } },
  render: (args) =>
    provider(
      args,
      html`<p><omneo-points-balance></omneo-points-balance></p><p><omneo-points-balance kind="combined"></omneo-points-balance></p>`,
    ),
  play: async ({ canvasElement }) => {
    for (const i of [0, 1]) {
      const el = await widget(canvasElement, 'omneo-points-balance', i);
      await shows(el, 'Sign in to see your rewards.');
    }
  },
};

/** `locale="fr-FR"`: numbers, money and words for every widget inside. */
export const Locale: Story = {
  args: { locale: 'fr-FR' },
  render: (args) =>
    provider(
      args,
      html`<p>
        <omneo-points-balance><span slot="label">Vous avez</span></omneo-points-balance>, soit
        <omneo-points-balance kind="combined"></omneo-points-balance> à dépenser.
      </p>`,
    ),
  play: allShown(`Vous avez ${new Intl.NumberFormat('fr-FR').format(1234)} points, soit ${money(57.34, 'fr-FR')} à dépenser.`),
};

/**
 * `global`: the provider also serves widgets elsewhere on the page that have no provider of their
 * own, here one in the header, outside it.
 */
export const Global: Story = {
  args: { global: true },
  render: (
    args,
  ) => html`<header style="display: flex; justify-content: space-between; border-bottom: 1px solid; padding-bottom: 0.5rem">
      <strong>Harbour &amp; Co.</strong>
      <omneo-points-balance></omneo-points-balance>
    </header>
    ${provider(args, html`<p>The provider sits down here, around no widget at all.</p>`)}`,
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'omneo-points-balance');
    await waitFor(() => expect(part(el, 'value')?.textContent).toBe('1,234 points'), { timeout: 5000 });
  },
};

/** Neither `tenant` nor `base-url`: the widgets say what is missing. */
export const NotSetUp: Story = {
  tags: ['expect-error'],
  args: { 'base-url': undefined },
  render: (args) => provider(args, html`<p><omneo-points-balance></omneo-points-balance></p>`),
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'omneo-points-balance');
    const error = await partShown(el, 'error');
    await expect(seen(error)).toBe('Set tenant or base-url on <omneo-provider>.');
  },
};
