import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/locales/fr.ts';
import {
  loading,
  overBalance,
  redeemInFlight,
  redeemUnconfirmed,
  refusedRedeem,
  serverError,
  signedOut,
} from './msw-handlers.ts';
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
  amount?: number;
  'benefit-id'?: string;
  confirm?: boolean;
  disabled?: boolean;
  text?: string;
  strings?: object;
  onOmneoBeforeRedeem?: (e: Event) => void;
  onOmneoRedeem?: (e: Event) => void;
  onOmneoRedeemError?: (e: Event) => void;
  onOmneoLoad?: (e: Event) => void;
  onOmneoError?: (e: Event) => void;
  [cssProperty: `--omneo-${string}`]: string | undefined;
};

const TAG = 'omneo-redeem-button';

const button = (args: Args) =>
  html`<omneo-redeem-button
    amount=${ifDefined(args.amount)}
    benefit-id=${ifDefined(args['benefit-id'] || undefined)}
    ?confirm=${args.confirm}
    ?disabled=${args.disabled}
    .strings=${args.strings}
    style=${ifDefined(cssVars(args))}
    @omneo-before-redeem=${args.onOmneoBeforeRedeem}
    @omneo-redeem=${args.onOmneoRedeem}
    @omneo-redeem-error=${args.onOmneoRedeemError}
    @omneo-load=${args.onOmneoLoad}
    @omneo-error=${args.onOmneoError}
    >${args.text || nothing}</omneo-redeem-button
  >`;

/** The button beside the balance it spends, as a checkout or account page would show it. */
const withBalance = (args: Args) =>
  inProvider(
    html`<p>To spend: <omneo-points-balance kind="combined"></omneo-points-balance></p>
      ${button(args)}`,
    args,
  );

/**
 * Redeems a dollar amount from the shopper's balance, or one benefit by its id; never sends twice by
 * itself. Omneo is mocked in the browser from `mock/seed.js`: Ava can spend $57.34; benefit 201 has
 * the code SHIPFREE-7QK2M, 204 can only be redeemed in store.
 */
const meta = {
  title: 'Widgets/omneo-redeem-button',
  component: TAG,
  render: withBalance,
  args: { locale: 'en-AU', amount: 10 },
  argTypes: {
    text: { control: 'text', description: "The default slot: the button's text.", table: { category: 'slots' } },
    ...providerArgTypes,
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const ready = async (canvas: HTMLElement) => {
  const el = await widget(canvas, TAG);
  await waitFor(() => expect(part(el, 'button')?.getAttribute('aria-disabled')).toBe('false'), { timeout: 5000 });
  return el;
};

// ---------------------------------------------------------------------------
// Redeeming

/** `amount="10"`: one click redeems $10, and every widget on the page shows the new balance. */
export const Amount: Story = {
  play: async ({ canvasElement, step }) => {
    const el = await ready(canvasElement);
    const balance = await widget(canvasElement, 'omneo-points-balance');
    await shows(balance, money(57.34));
    await expect(seen(part(el, 'button')!)).toBe(`Redeem ${money(10)}`);
    await step('Redeem', () => userEvent.click(part(el, 'button')!));
    await shows(part(el, 'message')!, `Redeemed ${money(10)}.`);
    await shows(balance, money(47.34));
  },
};

/** `confirm`: "Redeem $10.00?" with Confirm and Cancel before anything is sent. */
export const WithConfirm: Story = {
  args: { confirm: true },
  play: async ({ canvasElement, step }) => {
    const el = await ready(canvasElement);
    await step('Redeem: the button asks first', () => userEvent.click(part(el, 'button')!));
    const confirm = await partShown(el, 'confirm');
    await expect(seen(el.shadowRoot!.querySelector('[role="group"]')!)).toBe(`Redeem ${money(10)}? Confirm Cancel`);
    await step('Confirm', () => userEvent.click(confirm));
    await shows(part(el, 'message')!, `Redeemed ${money(10)}.`);
  },
};

/** `confirm`, answered with Cancel: back to the button, nothing sent. */
export const ConfirmCancelled: Story = {
  args: { confirm: true },
  play: async ({ canvasElement, step }) => {
    const el = await ready(canvasElement);
    await step('Redeem, then Cancel', async () => {
      await userEvent.click(part(el, 'button')!);
      await userEvent.click(await partShown(el, 'cancel'));
    });
    await partShown(el, 'button');
    await expect(part(el, 'confirm')).toBeNull();
    await expect(seen(part(el, 'message')!)).toBe('');
  },
};

/** The confirm step, held open: what a designer styles (`confirm` and `cancel` parts). */
export const ConfirmStep: Story = {
  args: { confirm: true },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await userEvent.click(part(el, 'button')!);
    await partShown(el, 'confirm');
  },
};

/** `benefit-id="201"`: redeems Free Express Shipping and shows its code, with a copy button. */
export const BenefitWithCode: Story = {
  args: { amount: undefined, 'benefit-id': '201', confirm: true },
  render: (args) => inProvider(html`<p><strong>Free Express Shipping</strong></p>${button(args)}`, args),
  play: async ({ canvasElement, step }) => {
    const el = await ready(canvasElement);
    await expect(seen(part(el, 'button')!)).toBe('Redeem');
    await step('Redeem and confirm', async () => {
      await userEvent.click(part(el, 'button')!);
      await expect(seen(el.shadowRoot!.querySelector('[role="group"]')!)).toMatch(/^Redeem this benefit\?/);
      await userEvent.click(await partShown(el, 'confirm'));
    });
    await shows(part(el, 'message')!, 'Redeemed. Your code: SHIPFREE-7QK2M Copy code');
    await expect(part(el, 'copy')).toBeTruthy();
  },
};

/** A benefit without a code (Free Coffee at Harbour Café, 202): "Redeemed." */
export const BenefitWithoutCode: Story = {
  args: { amount: undefined, 'benefit-id': '202' },
  render: (args) => inProvider(html`<p><strong>Free Coffee at Harbour Café</strong></p>${button(args)}`, args),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await userEvent.click(part(el, 'button')!);
    await shows(part(el, 'message')!, 'Redeemed.');
    await expect(part(el, 'copy')).toBeNull();
  },
};

/** While the redeem is on its way: "Redeeming…", busy, and further clicks send nothing. */
export const Redeeming: Story = {
  parameters: { msw: { handlers: redeemInFlight() } },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await userEvent.click(part(el, 'button')!);
    await shows(part(el, 'message')!, 'Redeeming…');
    await expect(part(el, 'button')?.getAttribute('aria-busy')).toBe('true');
    await expect(part(el, 'button')?.getAttribute('aria-disabled')).toBe('true');
  },
};

// ---------------------------------------------------------------------------
// Refused, or not possible

/** The API refuses (422): its message is shown. Benefit 204 can only be redeemed in store. */
export const Refused: Story = {
  tags: ['expect-http-error'],
  args: { amount: undefined, 'benefit-id': '204' },
  render: (args) => inProvider(html`<p><strong>Members' Night Invitation</strong></p>${button(args)}`, args),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await userEvent.click(part(el, 'button')!);
    await shows(part(el, 'message')!, 'This benefit cannot be redeemed online.');
    await expect(part(el, 'message')!.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('assertive');
  },
};

/** The API refuses an amount (422 in Laravel's `errors` envelope): the field's message is shown. */
export const RefusedAmount: Story = {
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: refusedRedeem() } },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await userEvent.click(part(el, 'button')!);
    await shows(part(el, 'message')!, 'The amount must not have more than 2 decimal places.');
  },
};

/** More than the balance ($100 of $57.34): the button is disabled and says why. */
export const OverTheBalance: Story = {
  args: { amount: 100 },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(part(el, 'message')!, `This exceeds your balance of ${money(57.34)}.`);
    await expect(part(el, 'button')?.getAttribute('aria-disabled')).toBe('true');
  },
};

/**
 * The balance went down elsewhere after the page loaded (spent in store): the button still allows
 * $50, and the API refuses with "exceeds the available balance".
 */
export const OverTheBalanceAtOmneo: Story = {
  tags: ['expect-http-error'],
  args: { amount: 50 },
  parameters: { msw: { handlers: overBalance() } },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await userEvent.click(part(el, 'button')!);
    await shows(part(el, 'message')!, 'The amount exceeds the available balance.');
  },
};

/** Omneo failed (500) mid-redeem: it may have gone through, so the shopper is told to check, not to retry. */
export const Unconfirmed: Story = {
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: redeemUnconfirmed() } },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await userEvent.click(part(el, 'button')!);
    await shows(part(el, 'message')!, "We couldn't confirm your redemption. Check your balance before trying again.");
  },
};

/** Nobody is signed in: disabled, "Sign in to redeem." */
export const SignedOut: Story = {
  tags: ['expect-http-error'],
  parameters: { msw: { handlers: signedOut() } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(part(el, 'message')!, 'Sign in to redeem.');
    await expect(part(el, 'button')?.getAttribute('aria-disabled')).toBe('true');
  },
};

/** Until the balances load: disabled, and "Loading…" for screen readers. */
export const Loading: Story = {
  parameters: { msw: { handlers: loading(['balances']) } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await expect(part(el, 'button')?.getAttribute('aria-disabled')).toBe('true');
    await expect(part(el, 'message')?.querySelector('.sr-only')?.textContent).toBe('Loading…');
  },
};

/** The balances could not be loaded: the `error` part inside `message`, with "Try again". */
export const BalanceError: Story = {
  tags: ['expect-error'],
  parameters: { msw: { handlers: serverError(['balances']) } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const error = await partShown(el, 'error', 8000);
    await expect(seen(error)).toBe('Your rewards could not be loaded. Try again');
    await expect(part(el, 'button')?.getAttribute('aria-disabled')).toBe('true');
  },
};

/**
 * A benefit when the balances could not be loaded: their error shows, and the benefit can still be
 * redeemed, as it is not paid from them.
 */
export const BenefitBalanceError: Story = {
  tags: ['expect-error'],
  args: { amount: undefined, 'benefit-id': '202' },
  parameters: { msw: { handlers: serverError(['balances']) } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const error = await partShown(el, 'error', 8000);
    await expect(seen(error)).toBe('Your rewards could not be loaded. Try again');
    await expect(part(el, 'button')?.getAttribute('aria-disabled')).toBe('false');
  },
};

/** `disabled`: off whatever the balance (e.g. an item already redeemed). */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await waitFor(() => expect(part(el, 'button')?.getAttribute('aria-disabled')).toBe('true'));
  },
};

/** Neither a positive `amount` nor a `benefit-id`: the button says it is not set up. */
export const NotSetUp: Story = {
  args: { amount: undefined },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(part(el, 'message')!, 'This button is not set up: give it an amount above 0 or a benefit-id.');
  },
};

/** The page cancels `omneo-before-redeem` (say, the cart changed): nothing is sent. */
export const CancelledByThePage: Story = {
  args: { onOmneoBeforeRedeem: (e: Event) => e.preventDefault() },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await userEvent.click(part(el, 'button')!);
    await new Promise((r) => setTimeout(r, 300));
    await expect(seen(part(el, 'message')!)).toBe('');
    await expect(seen(await widget(canvasElement, 'omneo-points-balance'))).toBe(money(57.34));
  },
};

// ---------------------------------------------------------------------------
// Storefronts

/** The default slot sets the button's text. */
export const CustomText: Story = {
  args: { amount: 5, text: 'Use $5 of my rewards' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(seen(part(el, 'button')!)).toBe('Use $5 of my rewards');
  },
};

/** On a dark storefront. */
export const DarkStorefront: Story = {
  args: { confirm: true },
  globals: { storefront: 'dark' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(getComputedStyle(part(el, 'button')!).color).toBe(getComputedStyle(document.body).color);
  },
};

/** `locale="fr-FR"`: French words and money, the confirm step too. */
export const French: Story = {
  args: { locale: 'fr-FR', confirm: true },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await shows(part(el, 'button')!, `Utiliser ${money(10, 'fr-FR')}`);
    await userEvent.click(part(el, 'button')!);
    await partShown(el, 'confirm');
    await shows(el.shadowRoot!.querySelector('[role="group"]')!, `Utiliser ${money(10, 'fr-FR')} ? Confirmer Annuler`);
  },
};

/** A themed storefront: button colours, radius and spacing from `--omneo-*` custom properties. */
export const Themed: Story = {
  args: {
    confirm: true,
    '--omneo-font': "Georgia, 'Times New Roman', serif",
    '--omneo-color-primary': '#1f3a5f',
    '--omneo-color-on-primary': '#ffffff',
    '--omneo-color-focus': '#e07a1f',
    '--omneo-color-danger': '#a4262c',
    '--omneo-radius': '999px',
    '--omneo-space': '1.25em',
  },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const style = getComputedStyle(part(el, 'button')!);
    await expect(style.backgroundColor).toBe('rgb(31, 58, 95)');
    await expect(style.color).toBe('rgb(255, 255, 255)');
  },
};
