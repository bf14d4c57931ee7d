import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/locales/fr.ts';
import {
  emptyLists,
  expiringSoon,
  loading,
  malformed,
  manyItems,
  seeds,
  serverError,
  signedOut,
  withSeed,
} from './msw-handlers.ts';
import {
  cssVars,
  inProvider,
  money,
  part,
  partShown,
  parts,
  providerArgTypes,
  seen,
  shows,
  widget,
  type ProviderArgs,
} from './support.ts';

type Args = ProviderArgs & {
  source?: 'rewards' | 'benefits' | 'points';
  limit?: number;
  'include-expired'?: boolean;
  'expiring-days'?: number;
  redeemable?: boolean;
  empty?: string;
  'signed-out'?: string;
  strings?: object;
  onOmneoLoad?: (e: Event) => void;
  onOmneoError?: (e: Event) => void;
  onOmneoRedeem?: (e: Event) => void;
  onOmneoRedeemError?: (e: Event) => void;
  [cssProperty: `--omneo-${string}`]: string | undefined;
};

const TAG = 'omneo-rewards-list';

const list = (args: Args) =>
  html`<omneo-rewards-list
    source=${ifDefined(args.source)}
    limit=${ifDefined(args.limit)}
    ?include-expired=${args['include-expired']}
    expiring-days=${ifDefined(args['expiring-days'])}
    ?redeemable=${args.redeemable}
    .strings=${args.strings}
    style=${ifDefined(cssVars(args))}
    @omneo-load=${args.onOmneoLoad}
    @omneo-error=${args.onOmneoError}
    @omneo-redeem=${args.onOmneoRedeem}
    @omneo-redeem-error=${args.onOmneoRedeemError}
    >${args.empty ? html`<span slot="empty">${args.empty}</span>` : nothing}${
      args['signed-out'] ? html`<span slot="signed-out">${args['signed-out']}</span>` : nothing
    }</omneo-rewards-list
  >`;

/**
 * The shopper's rewards (dollars to spend), benefits (perks and vouchers) or lots of points, soonest
 * expiry first. Omneo is mocked in the browser from `mock/seed.js`: Ava has 9 rewards (6 active),
 * 5 benefits (3 redeemable online) and 6 lots of points (4 active: 1,234 points).
 */
const meta = {
  title: 'Widgets/omneo-rewards-list',
  component: TAG,
  render: (args) => inProvider(list(args), args),
  args: { locale: 'en-AU' },
  argTypes: {
    source: { control: 'inline-radio', options: ['rewards', 'benefits', 'points'] },
    ...providerArgTypes,
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The demo shopper's active rewards, soonest expiry first (104, 107, 101, 109, 105, 103). */
const REWARDS = ['Birthday $10', 'Spring Bonus $5', 'Welcome $5', 'Loyalty $20', 'Anniversary $15', 'Product Review $2.50'];
/** Her benefits that can be redeemed online, soonest expiry first (203, 201, 202). */
const BENEFITS = ['15% Off Full-Price', 'Free Express Shipping', 'Free Coffee at Harbour Café'];

const names = (el: Element) => parts(el, 'name').map((n) => n.textContent);

/** Waits until a redeem button can be pressed (it reads the balances first). */
async function pressable(button: Element) {
  await waitFor(() => expect(part(button, 'button')?.getAttribute('aria-disabled')).toBe('false'), { timeout: 5000 });
  return part(button, 'button')!;
}

/** Waits for the list's items (not the loading placeholders) and returns the list element. */
async function loaded(canvas: HTMLElement) {
  const el = await widget(canvas, TAG);
  await waitFor(() => expect(part(el, 'base')?.getAttribute('aria-busy')).toBe('false'), { timeout: 5000 });
  return el;
}

// ---------------------------------------------------------------------------
// Lists

/** Rewards (the default source): name, image, remaining value and expiry; "Expiring soon" within 14 days. */
export const Rewards: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(names(el)).toEqual(REWARDS);
    await expect(parts(el, 'value').map((v) => v.textContent)).toEqual([10, 5, 5, 7.5, 15, 2.5].map((n) => money(n)));
    // Birthday (3 days) and Spring Bonus (10 days) are within the default 14 days.
    await expect(parts(el, 'expiring').length).toBe(2);
    await expect(seen(parts(el, 'item')[0])).toMatch(
      /^Birthday \$10 \$10\.00 A gift for your birthday Expires .+ Expiring soon$/,
    );
  },
};

/** `source="benefits"`: perks and vouchers, with the uses left where there are several. */
export const Benefits: Story = {
  args: { source: 'benefits' },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(names(el)).toEqual(BENEFITS);
    await expect(parts(el, 'value').length).toBe(0);
    await expect(seen(el)).toContain('3 uses left');
  },
};

/** `include-expired`: the used-up and expired rewards too, marked "Expired". */
export const IncludeExpired: Story = {
  args: { 'include-expired': true },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(parts(el, 'item').length).toBe(9);
    await expect(names(el).slice(0, 2)).toEqual(['Gold Welcome $25', 'Winter Sale $10']);
    await expect(seen(parts(el, 'item')[0])).toMatch(/Expired /);
  },
};

/** One reward. */
export const OneItem: Story = {
  parameters: { msw: { handlers: withSeed(seeds.one) } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(names(el)).toEqual(['Welcome $5']);
  },
};

/** 60 rewards over four pages of 15: the list follows the pages up to `limit` (default 50). */
export const ManyItems: Story = {
  parameters: { msw: { handlers: manyItems() } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const active = seeds.many(Date.now()).rewards.filter((r) => r.is_active && !r.is_expired && r.value_remaining > 0).length;
    await waitFor(() => expect(parts(el, 'item').length).toBe(Math.min(active, 50)), { timeout: 5000 });
  },
};

/** `limit="3"`: the three that expire first. */
export const Limit: Story = {
  args: { limit: 3 },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(names(el)).toEqual(REWARDS.slice(0, 3));
  },
};

/** Everything expires within days: every item carries the "Expiring soon" mark. */
export const ExpiringSoon: Story = {
  parameters: { msw: { handlers: expiringSoon() } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const items = parts(el, 'item');
    await expect(items.length).toBe(3);
    await expect(parts(el, 'expiring').length).toBe(3);
    await expect(part(el, 'expiring')?.textContent).toBe('Expiring soon');
  },
};

/** `expiring-days="30"`: a wider "expiring soon" window. */
export const ExpiringWithin30Days: Story = {
  args: { 'expiring-days': 30 },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(parts(el, 'expiring').length).toBe(3);
  },
};

// ---------------------------------------------------------------------------
// Points

/** `source="points"`: the active lots, soonest expiry first, each with the points left in it (never money) and no redeem button. */
export const Points: Story = {
  args: { source: 'points', redeemable: true },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(names(el)).toEqual([
      'Birthday bonus',
      'Purchase points',
      'Purchase points',
      'Bonus for reviewing your Linen Shirt',
    ]);
    await expect(parts(el, 'value').map((v) => v.textContent)).toEqual(['150 points', '400 points', '484 points', '200 points']);
    await expect(parts(el, 'expiring').length).toBe(1);
    await expect(el.shadowRoot!.querySelector('omneo-redeem-button')).toBeNull();
    await expect(seen(el)).not.toContain('$');
  },
};

/** `source="points" include-expired`: the expired and used-up lots too. */
export const PointsIncludeExpired: Story = {
  args: { source: 'points', 'include-expired': true },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(parts(el, 'value').map((v) => v.textContent)).toEqual([
      '150 points',
      '150 points',
      '400 points',
      '0 points',
      '484 points',
      '200 points',
    ]);
    await expect(seen(parts(el, 'item')[0])).toMatch(/Expired /);
  },
};

/** Every active lot expires within days: each carries the "Expiring soon" mark. */
export const PointsExpiringSoon: Story = {
  args: { source: 'points' },
  parameters: { msw: { handlers: withSeed(seeds.pointsExpiringSoon) } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(parts(el, 'item').length).toBe(4);
    await expect(parts(el, 'expiring').length).toBe(4);
  },
};

/** No points: the points' own words. */
export const PointsEmpty: Story = {
  args: { source: 'points' },
  parameters: { msw: { handlers: withSeed(seeds.noPoints) } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(seen(await partShown(el, 'empty'))).toBe('No points yet.');
  },
};

// ---------------------------------------------------------------------------
// Instead of a list

/** Nothing to list: the `empty` slot's default words. */
export const Empty: Story = {
  parameters: { msw: { handlers: emptyLists() } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(seen(await partShown(el, 'empty'))).toBe('No rewards yet.');
  },
};

/** No benefits: the benefits' own words. */
export const EmptyBenefits: Story = {
  args: { source: 'benefits' },
  parameters: { msw: { handlers: emptyLists() } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(seen(await partShown(el, 'empty'))).toBe('No benefits yet.');
  },
};

/** The `empty` slot, filled by the storefront. */
export const EmptyWithSlot: Story = {
  args: { empty: 'Spend $50 to earn your first reward.' },
  parameters: { msw: { handlers: emptyLists() } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await shows(el, 'Spend $50 to earn your first reward.');
  },
};

/** Until Omneo answers: placeholder rows (as many as `limit`, at most five), hidden from screen readers, which hear "Loading…". */
export const Loading: Story = {
  parameters: { msw: { handlers: loading() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await expect(part(el, 'base')?.getAttribute('aria-busy')).toBe('true');
    await expect(part(el, 'list')?.getAttribute('aria-hidden')).toBe('true');
    await expect(el.shadowRoot?.querySelectorAll('.loading-row').length).toBe(5);
    // Loading rows are not items: nothing that reads the list's parts takes them for items.
    await expect(parts(el, 'item').length).toBe(0);
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
  parameters: { msw: { handlers: serverError() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const error = await partShown(el, 'error', 8000);
    await expect(seen(error)).toBe('Your rewards could not be loaded. Try again');
  },
};

/** Omneo answers with something that is not a list of rewards: the `error` part, never a broken item. */
export const Malformed: Story = {
  tags: ['expect-error'],
  parameters: { msw: { handlers: malformed() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await partShown(el, 'error');
    await expect(parts(el, 'item').length).toBe(0);
  },
};

// ---------------------------------------------------------------------------
// Redeemable

/** `redeemable`: each reward gets a button for its remaining value; redeeming one updates everything. */
export const RedeemableRewards: Story = {
  args: { redeemable: true },
  render: (args) =>
    inProvider(
      html`<p>To spend: <omneo-points-balance kind="combined"></omneo-points-balance></p>
        ${list(args)}`,
      args,
    ),
  play: async ({ canvasElement, step }) => {
    const el = await loaded(canvasElement);
    const balance = await widget(canvasElement, 'omneo-points-balance');
    await shows(balance, money(57.34));
    const [first] = el.shadowRoot!.querySelectorAll('omneo-redeem-button');
    await expect(seen(first)).toBe(`Redeem ${money(10)}`);
    await step('Redeem the Birthday reward', async () => {
      await userEvent.click(await pressable(first));
    });
    await shows(part(first, 'message')!, `Redeemed ${money(10)}.`);
    await shows(balance, money(47.34));
  },
};

/** `source="benefits" redeemable`: a benefit's code shows once it is redeemed. */
export const RedeemableBenefits: Story = {
  args: { source: 'benefits', redeemable: true },
  play: async ({ canvasElement, step }) => {
    const el = await loaded(canvasElement);
    const shipping = el.shadowRoot!.querySelectorAll('omneo-redeem-button')[1];
    await step('Redeem Free Express Shipping', async () => {
      await userEvent.click(await pressable(shipping));
    });
    await shows(part(shipping, 'message')!, /^Redeemed\. Your code: SHIPFREE-7QK2M/);
    await expect(part(shipping, 'copy')).toBeTruthy();
  },
};

// ---------------------------------------------------------------------------
// Storefronts

/** On a dark storefront, with redeem buttons. */
export const DarkStorefront: Story = {
  args: { redeemable: true },
  globals: { storefront: 'dark' },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(names(el)).toEqual(REWARDS);
    await expect(getComputedStyle(part(el, 'name')!).color).toBe(getComputedStyle(document.body).color);
  },
};

/** `locale="fr-FR"`: French words, dates and money. */
export const French: Story = {
  args: { locale: 'fr-FR', redeemable: true },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(part(el, 'value')?.textContent).toBe(money(10, 'fr-FR'));
    await expect(part(el, 'expiring')?.textContent).toBe('Expire bientôt');
    await expect(seen(el)).toContain('Expire le ');
    await expect(seen(el.shadowRoot!.querySelector('omneo-redeem-button')!)).toBe(
      `Utiliser ${money(10, 'fr-FR')}`.replace(/\s+/g, ' '),
    );
  },
};

/** French, with nothing to list. */
export const FrenchEmpty: Story = {
  args: { locale: 'fr-FR' },
  parameters: { msw: { handlers: emptyLists() } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await shows(el, 'Pas encore de récompenses.');
  },
};

/** A themed storefront: cards, colours, radius and image size from `--omneo-*` custom properties only. */
export const Themed: Story = {
  args: {
    redeemable: true,
    '--omneo-font': "Georgia, 'Times New Roman', serif",
    '--omneo-color-text': '#3d2f25',
    '--omneo-color-surface': '#fff8ef',
    '--omneo-color-border': '#e6cfb3',
    '--omneo-color-value': '#b4541a',
    '--omneo-value-weight': '700',
    '--omneo-color-warning': '#a4262c',
    '--omneo-color-primary': '#1f3a5f',
    '--omneo-color-on-primary': '#ffffff',
    '--omneo-radius': '14px',
    '--omneo-space': '1em',
    '--omneo-image-size': '4.5em',
  },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(getComputedStyle(part(el, 'value')!).color).toBe('rgb(180, 84, 26)');
    await expect(getComputedStyle(part(el, 'item')!).backgroundColor).toBe('rgb(255, 248, 239)');
  },
};
