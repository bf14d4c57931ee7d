import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/locales/fr.ts';
import { loading, malformed, omneoApi, seeds, serverError, signedOut, withSeed } from './msw-handlers.ts';
import {
  cssVars,
  inProvider,
  money,
  part,
  partShown,
  providerArgTypes,
  seen,
  shows,
  widget,
  type ProviderArgs,
} from './support.ts';

type Args = ProviderArgs & {
  kind?: 'points' | 'points-dollars' | 'rewards' | 'combined';
  'hide-when-zero'?: boolean;
  label?: string;
  'signed-out'?: string;
  strings?: object;
  onOmneoLoad?: (e: Event) => void;
  onOmneoError?: (e: Event) => void;
  [cssProperty: `--omneo-${string}`]: string | undefined;
};

const TAG = 'omneo-points-balance';

const balance = (args: Args) =>
  html`<omneo-points-balance
    kind=${ifDefined(args.kind)}
    ?hide-when-zero=${args['hide-when-zero']}
    .strings=${args.strings}
    style=${ifDefined(cssVars(args))}
    @omneo-load=${args.onOmneoLoad}
    @omneo-error=${args.onOmneoError}
    >${args.label ? html`<span slot="label">${args.label}</span>` : nothing}${
      args['signed-out'] ? html`<span slot="signed-out">${args['signed-out']}</span>` : nothing
    }</omneo-points-balance
  >`;

/**
 * The signed-in shopper's balance: points ("1,234 points") or money, in the locale. Every story's
 * Omneo is mocked in the browser from `mock/seed.js` (Ava: 1,234 points, $45 of rewards).
 */
const meta = {
  title: 'Widgets/omneo-points-balance',
  component: TAG,
  render: (args) => inProvider(balance(args), args),
  args: { locale: 'en-AU' },
  argTypes: {
    kind: { control: 'inline-radio', options: ['points', 'points-dollars', 'rewards', 'combined'] },
    ...providerArgTypes,
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const valueIs = (expected: string) =>
  (async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await waitFor(() => expect(part(el, 'value')?.classList.contains('skeleton')).toBe(false), { timeout: 5000 });
    await expect(part(el, 'value')?.textContent).toBe(expected);
  }) satisfies Story['play'];

// ---------------------------------------------------------------------------
// Each balance kind

/** `kind="points"` (the default): `point_balance`, with the locale's plural. */
export const Points: Story = {
  args: { kind: 'points' },
  play: valueIs('1,234 points'),
};

/** `kind="points-dollars"`: what the points are worth (`point_balance_dollars`). */
export const PointsInDollars: Story = {
  args: { kind: 'points-dollars' },
  play: valueIs(money(12.34)),
};

/** `kind="rewards"`: the active rewards' dollars (`reward_balance`). */
export const Rewards: Story = {
  args: { kind: 'rewards' },
  play: valueIs(money(45)),
};

/** `kind="combined"`: what can be redeemed (`combined_balance_dollars`). */
export const Combined: Story = {
  args: { kind: 'combined' },
  play: valueIs(money(57.34)),
};

/** Text in the `label` slot comes before the value. */
export const WithLabel: Story = {
  args: { kind: 'points', label: 'You have' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'You have 1,234 points');
  },
};

/** One point is "1 point" (the plural comes from `Intl.PluralRules`). */
export const OnePoint: Story = {
  parameters: { msw: { handlers: withSeed(seeds.onePoint) } },
  play: valueIs('1 point'),
};

/** A new member: nothing yet. */
export const Zero: Story = {
  args: { kind: 'combined' },
  parameters: { msw: { handlers: withSeed(seeds.newMember) } },
  play: valueIs(money(0)),
};

/** `hide-when-zero`: a zero balance renders nothing at all (here, after the label's sentence). */
export const HiddenWhenZero: Story = {
  args: { kind: 'rewards', 'hide-when-zero': true },
  parameters: { msw: { handlers: withSeed(seeds.newMember) } },
  render: (args) => html`<p>Your rewards: ${inProvider(balance(args), args)}<em data-testid="after">(nothing to show)</em></p>`,
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    // Once the balances have loaded, the widget shows nothing: no value, no placeholder.
    await waitFor(() => expect(el.shadowRoot?.querySelector('[part]')).toBeNull(), { timeout: 5000 });
    await expect(seen(el)).toBe('');
  },
};

// ---------------------------------------------------------------------------
// Before and instead of the value

/** Until Omneo answers: a still placeholder the size of a value, and "Loading…" for screen readers. */
export const Loading: Story = {
  args: { kind: 'points', label: 'You have' },
  parameters: { msw: { handlers: loading() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const base = await partShown(el, 'base');
    await expect(base.getAttribute('aria-busy')).toBe('true');
    await expect(part(el, 'value')?.classList.contains('skeleton')).toBe(true);
    await expect(el.shadowRoot?.querySelector('.sr-only')?.textContent).toBe('Loading…');
  },
};

/** Nobody is signed in (the host's token endpoint answers 401): the `signed-out` slot's default text. */
export const SignedOut: Story = {
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: signedOut() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Sign in to see your rewards.');
    await expect(part(el, 'error')).toBeNull();
  },
};

/** The `signed-out` slot, filled by the storefront with its own call to action. */
export const SignedOutWithSlot: Story = {
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: signedOut() } },
  render: (args) =>
    inProvider(
      html`<omneo-points-balance kind=${ifDefined(args.kind)}
        ><a slot="signed-out" href="#sign-in">Sign in to earn points on this order</a></omneo-points-balance
      >`,
      args,
    ),
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Sign in to earn points on this order');
  },
};

/** Omneo fails (500, and the client's two retries fail too): the `error` part, with "Try again". */
export const LoadError: Story = {
  name: 'Error',
  tags: ['expect-error'],
  parameters: { msw: { handlers: serverError() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const error = await partShown(el, 'error', 8000);
    await expect(error.getAttribute('role')).toBe('alert');
    await expect(seen(error)).toBe('Your rewards could not be loaded. Try again');
  },
};

/** Omneo answers, but not with balances: the same `error` part, never "NaN points". */
export const Malformed: Story = {
  tags: ['expect-error'],
  parameters: { msw: { handlers: malformed() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await partShown(el, 'error');
    await expect(seen(el)).not.toMatch(/NaN|undefined/);
  },
};

/** After an error, "Try again" asks once more; here Omneo has recovered, so the value shows. */
export const ErrorThenTryAgain: Story = {
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: serverError() } },
  play: async ({ canvasElement, msw, step }) => {
    const el = await widget(canvasElement, TAG);
    const error = await partShown(el, 'error', 8000);
    await step('Omneo recovers; the shopper presses "Try again"', async () => {
      msw.use(...omneoApi().balances);
      await userEvent.click(error.querySelector('button')!);
    });
    await waitFor(() => expect(part(el, 'value')?.textContent).toBe('1,234 points'), { timeout: 5000 });
    await expect(part(el, 'error')).toBeNull();
  },
};

/** No `<omneo-provider>` around it: after a second, the widget says so (and fires `omneo-error`). */
export const WithoutProvider: Story = {
  tags: ['expect-error'],
  render: (args) => balance(args),
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const error = await partShown(el, 'error', 4000);
    await expect(seen(error)).toBe('Rewards are unavailable: this page has no <omneo-provider>.');
  },
};

// ---------------------------------------------------------------------------
// Storefronts

/** On a dark storefront: the widget takes the page's text colour, so it reads on any background. */
export const DarkStorefront: Story = {
  args: { kind: 'combined', label: 'Rewards to spend:' },
  globals: { storefront: 'dark' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, `Rewards to spend: ${money(57.34)}`);
    await expect(getComputedStyle(el).color).toBe(getComputedStyle(document.body).color);
  },
};

/** `locale="fr-FR"` with the French words (`import '@omneo/widgets/locales/fr.js'`). */
export const French: Story = {
  args: { locale: 'fr-FR', kind: 'points', label: 'Vous avez' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, `Vous avez ${new Intl.NumberFormat('fr-FR').format(1234)} points`);
  },
};

/** French and signed out: the French words. */
export const FrenchSignedOut: Story = {
  args: { locale: 'fr-FR' },
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: signedOut() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Connectez-vous pour voir vos récompenses.');
  },
};

/** Money in the provider's `currency` and `locale` (New Zealand dollars in en-NZ). */
export const OtherCurrency: Story = {
  args: { locale: 'en-NZ', currency: 'NZD', kind: 'rewards' },
  play: valueIs(money(45, 'en-NZ', 'NZD')),
};

/** A themed storefront: only `--omneo-*` custom properties (see the controls), no reaching into the shadow DOM. */
export const Themed: Story = {
  args: {
    kind: 'points',
    label: 'Harbour Club',
    '--omneo-font': "Georgia, 'Times New Roman', serif",
    '--omneo-color-text': '#5b4636',
    '--omneo-color-value': '#b4541a',
    '--omneo-value-weight': '800',
    '--omneo-radius': '2px',
  },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await waitFor(() => expect(part(el, 'value')?.textContent).toBe('1,234 points'), { timeout: 5000 });
    const value = getComputedStyle(part(el, 'value')!);
    await expect(value.color).toBe('rgb(180, 84, 26)');
    await expect(value.fontWeight).toBe('800');
  },
};

/** `strings` replaces any word, here the signed-out text. */
export const CustomWords: Story = {
  args: { strings: { signedOut: 'Log in to see your Harbour Club points.' } },
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: signedOut() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Log in to see your Harbour Club points.');
  },
};
