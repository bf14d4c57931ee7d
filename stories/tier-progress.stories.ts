import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/locales/fr.ts';
import { loading, malformed, seeds, serverError, signedOut, withSeed } from './msw-handlers.ts';
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
  unit?: 'points' | 'dollars';
  empty?: string;
  'signed-out'?: string;
  strings?: object;
  onOmneoLoad?: (e: Event) => void;
  onOmneoError?: (e: Event) => void;
  [cssProperty: `--omneo-${string}`]: string | undefined;
};

const TAG = 'omneo-tier-progress';

const tier = (args: Args) =>
  html`<omneo-tier-progress
    unit=${ifDefined(args.unit)}
    .strings=${args.strings}
    style=${ifDefined(cssVars(args))}
    @omneo-load=${args.onOmneoLoad}
    @omneo-error=${args.onOmneoError}
    >${args.empty ? html`<span slot="empty">${args.empty}</span>` : nothing}${
      args['signed-out'] ? html`<span slot="signed-out">${args['signed-out']}</span>` : nothing
    }</omneo-tier-progress
  >`;

/**
 * The member's tier and how far the next one is. Omneo is mocked in the browser from
 * `mock/seed.js`: Ava is Gold with 1,040 points, 460 short of Platinum (the top tier).
 */
const meta = {
  title: 'Widgets/omneo-tier-progress',
  component: TAG,
  render: (args) => inProvider(tier(args), args),
  args: { locale: 'en-AU' },
  argTypes: {
    unit: { control: 'inline-radio', options: ['points', 'dollars'] },
    ...providerArgTypes,
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Waits for the tier (not the loading placeholder) and returns the element. */
async function loaded(canvas: HTMLElement) {
  const el = await widget(canvas, TAG);
  await waitFor(() => expect(part(el, 'base')?.getAttribute('aria-busy')).toBe('false'), { timeout: 10_000 });
  return el;
}

// ---------------------------------------------------------------------------
// Tiers

/** Between two tiers: the tier, a bar towards the next one and what is left (Gold, 54% of the way to Platinum). */
export const MidWay: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(part(el, 'tier')?.textContent).toBe('Gold');
    const bar = part(el, 'progress')!;
    await expect(bar.getAttribute('role')).toBe('progressbar');
    await expect(bar.getAttribute('aria-valuenow')).toBe('54');
    await expect(bar.getAttribute('aria-valuetext')).toBe('54% of the way to Platinum, 460 points left');
    await expect(seen(part(el, 'remaining')!)).toBe('460 points to Platinum');
  },
};

/** The floor tier, Bronze: 120 of the 250 points to Silver. */
export const FloorTier: Story = {
  parameters: { msw: { handlers: withSeed(seeds.bronze) } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(part(el, 'progress')?.getAttribute('aria-valuenow')).toBe('48');
    await expect(seen(part(el, 'remaining')!)).toBe('130 points to Silver');
  },
};

/** `current_remain` above 0: what keeps the tier by the anniversary, with the date in the locale. */
export const KeepYourTier: Story = {
  parameters: { msw: { handlers: withSeed(seeds.keepTier) } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const maintain = await partShown(el, 'maintain');
    await expect(seen(maintain)).toMatch(/^Earn another 70 points by .+ to keep Silver$/);
  },
};

/** The top tier (`next_tier` null): no bar, no next tier; a line says the member is at the top. */
export const TopTier: Story = {
  parameters: { msw: { handlers: withSeed(seeds.topTier) } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(part(el, 'tier')?.textContent).toBe('Platinum');
    await expect(part(el, 'progress')).toBeNull();
    await expect(seen(await partShown(el, 'top'))).toBe('You’ve reached the top tier.');
    await expect(seen(el)).not.toMatch(/NaN|null|undefined/);
  },
};

/** `unit="dollars"`: a program counted in dollars spent, shown as money. */
export const Dollars: Story = {
  args: { unit: 'dollars' },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await shows(part(el, 'remaining')!, `${money(460)} to Platinum`);
  },
};

// ---------------------------------------------------------------------------
// Instead of a tier

/** A member with no tier (the API answers 404): the `empty` slot's default words. */
export const NoTier: Story = {
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: withSeed(seeds.noTier) } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await shows(el, 'You don’t have a tier yet. Earn points to join one.');
  },
};

/** The `empty` slot, filled by the storefront. */
export const NoTierWithSlot: Story = {
  tags: ['expect-http-error'],
  args: { empty: 'Spend $100 this year to join Silver.' },
  parameters: { msw: { handlers: withSeed(seeds.noTier) } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await shows(el, 'Spend $100 this year to join Silver.');
  },
};

/** Until Omneo answers: the boxes of a tier, bar and line, as tall as what comes; screen readers hear "Loading…". */
export const Loading: Story = {
  parameters: { msw: { handlers: loading(['tiers']) } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await expect(part(el, 'base')?.getAttribute('aria-busy')).toBe('true');
    await expect(part(el, 'tier')).toBeNull();
    await expect(el.shadowRoot?.querySelector('.sr-only')?.textContent).toBe('Loading…');
  },
};

/** Nobody is signed in: the `signed-out` slot's default words. */
export const SignedOut: Story = {
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: signedOut() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Sign in to see your rewards.');
  },
};

/** Omneo fails (500 after two retries): the `error` part with "Try again". */
export const LoadError: Story = {
  name: 'Error',
  tags: ['expect-error'],
  parameters: { msw: { handlers: serverError(['tiers']) } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const error = await partShown(el, 'error', 8000);
    await expect(seen(error)).toBe('Your rewards could not be loaded. Try again');
  },
};

/** Omneo answers with something that is not tier progress: the `error` part, never half a tier. */
export const Malformed: Story = {
  tags: ['expect-error'],
  parameters: { msw: { handlers: malformed(['tiers']) } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await partShown(el, 'error');
    await expect(part(el, 'tier')).toBeNull();
  },
};

// ---------------------------------------------------------------------------
// Storefronts

/** `locale="fr-FR"`: French words and numbers, with the keep-your-tier line. */
export const French: Story = {
  args: { locale: 'fr-FR' },
  parameters: { msw: { handlers: withSeed(seeds.keepTier) } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(seen(part(el, 'remaining')!)).toBe('Encore 370 points pour atteindre Gold');
    await expect(seen(part(el, 'maintain')!)).toMatch(/^Gagnez encore 70 points d’ici le .+ pour garder le niveau Silver$/);
  },
};

/** On a dark storefront: the widget takes the page's text colour, so it reads on any background. */
export const DarkStorefront: Story = {
  globals: { storefront: 'dark' },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(getComputedStyle(part(el, 'tier')!).color).toBe(getComputedStyle(document.body).color);
  },
};

/** A themed storefront: card, colours, radius and image size from `--omneo-*` custom properties only. */
export const Themed: Story = {
  args: {
    '--omneo-font': "Georgia, 'Times New Roman', serif",
    '--omneo-color-text': '#3d2f25',
    '--omneo-color-surface': '#fff8ef',
    '--omneo-color-border': '#e6cfb3',
    '--omneo-color-value': '#b4541a',
    '--omneo-value-weight': '700',
    '--omneo-color-primary': '#1f3a5f',
    '--omneo-radius': '14px',
    '--omneo-space': '1em',
    '--omneo-image-size': '4em',
  },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(getComputedStyle(part(el, 'tier')!).color).toBe('rgb(180, 84, 26)');
    await expect(getComputedStyle(part(el, 'base')!).backgroundColor).toBe('rgb(255, 248, 239)');
    await expect(getComputedStyle(part(el, 'progress')!.firstElementChild!).backgroundColor).toBe('rgb(31, 58, 95)');
  },
};
