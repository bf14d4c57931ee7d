/**
 * Every word a shopper sees. English is built in; other locales are registered with
 * `registerStrings` (see `src/locales/`), and any widget's `strings` property overrides them.
 * `{n}`, `{amount}` and the like are filled in by the widget.
 */
export interface OmneoStrings {
  loading: string;
  signedOut: string;
  error: string;
  retry: string;
  noProvider: string;
  points: { one?: string; other: string };
  /** `<omneo-rewards-list>` */
  noRewards: string;
  noBenefits: string;
  noPoints: string;
  /** The name of a lot of points that has neither a definition name nor a description. */
  pointsLot: string;
  expires: string;
  expired: string;
  expiringSoon: string;
  usesLeft: { one?: string; other: string };
  /** Read after a list item's redeem button text, so that its name says which item. */
  redeemFor: string;
  /** `<omneo-redeem-button>` */
  redeem: string;
  redeemAmount: string;
  confirmAmount: string;
  confirmBenefit: string;
  confirm: string;
  cancel: string;
  redeeming: string;
  redeemed: string;
  redeemedBenefit: string;
  yourCode: string;
  copy: string;
  copied: string;
  copyFailed: string;
  unconfirmed: string;
  redeemFailed: string;
  overBalance: string;
  signInToRedeem: string;
  notSetUp: string;
  /** `<omneo-tier-progress>`: the caption above the current tier's name. */
  yourTier: string;
  /** The progress bar's name. */
  tierProgressLabel: string;
  /** What a screen reader says of the bar: `{percent}` is a whole number. */
  tierProgressText: string;
  /** The same, when what is left is known. */
  tierProgressLeft: string;
  /** What is left to reach the next tier. */
  toNextTier: string;
  /** The next tier, when what is left cannot be known. */
  nextTier: string;
  /** What keeps the current tier by the anniversary. */
  keepTier: string;
  /** `{tier}` in `keepTier` when the API gives the current tier no name. */
  unnamedTier: string;
  /** `{tier}` in the bar's words and `toNextTier` when the API gives the next tier no name. */
  unnamedNextTier: string;
  topTier: string;
  noTier: string;
}

export const en: OmneoStrings = {
  loading: 'Loading…',
  signedOut: 'Sign in to see your rewards.',
  error: 'Your rewards could not be loaded.',
  retry: 'Try again',
  noProvider: 'Rewards are unavailable: this page has no <omneo-provider>.',
  points: { one: '{n} point', other: '{n} points' },
  noRewards: 'No rewards yet.',
  noBenefits: 'No benefits yet.',
  noPoints: 'No points yet.',
  pointsLot: 'Points',
  expires: 'Expires {date}',
  expired: 'Expired {date}',
  expiringSoon: 'Expiring soon',
  usesLeft: { one: '{n} use left', other: '{n} uses left' },
  redeemFor: 'for {name}',
  redeem: 'Redeem',
  redeemAmount: 'Redeem {amount}',
  confirmAmount: 'Redeem {amount}?',
  confirmBenefit: 'Redeem this benefit?',
  confirm: 'Confirm',
  cancel: 'Cancel',
  redeeming: 'Redeeming…',
  redeemed: 'Redeemed {amount}.',
  redeemedBenefit: 'Redeemed.',
  yourCode: 'Your code:',
  copy: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Code selected: copy it with Ctrl+C or ⌘C.',
  unconfirmed: "We couldn't confirm your redemption. Check your balance before trying again.",
  redeemFailed: 'Your redemption did not go through.',
  overBalance: 'This exceeds your balance of {amount}.',
  signInToRedeem: 'Sign in to redeem.',
  notSetUp: 'This button is not set up: give it an amount above 0 or a benefit-id.',
  yourTier: 'Your tier',
  tierProgressLabel: 'Progress to {tier}',
  tierProgressText: '{percent}% of the way to {tier}',
  tierProgressLeft: '{percent}% of the way to {tier}, {amount} left',
  toNextTier: '{amount} to {tier}',
  nextTier: 'Next tier: {tier}',
  keepTier: 'Earn another {amount} by {date} to keep {tier}',
  unnamedTier: 'your tier',
  unnamedNextTier: 'the next tier',
  topTier: 'You’ve reached the top tier.',
  noTier: 'You don’t have a tier yet. Earn points to join one.',
};

/**
 * The words registered for each language, shared by every copy of this library on the page (the
 * drop-in bundle, the npm build, a locale file loaded beside the bundle) under one `Symbol.for`
 * key, as the providers are (src/context.ts).
 */
const REGISTRY: unique symbol = Symbol.for('omneo.strings');
const page = globalThis as typeof globalThis & { [REGISTRY]?: Map<string, Partial<OmneoStrings>> };
const registry = (page[REGISTRY] ??= new Map());

/** Adds (or replaces) the words for a language, e.g. `registerStrings('fr', fr)`. */
export function registerStrings(lang: string, strings: Partial<OmneoStrings>) {
  registry.set(lang.toLowerCase(), strings);
}

/** English, then the language's words, then the region's (`fr`, then `fr-ca`), then `mine`. */
export function stringsFor(locale: string, mine?: Partial<OmneoStrings>): OmneoStrings {
  const tag = locale.toLowerCase();
  return { ...en, ...registry.get(tag.split('-')[0]), ...registry.get(tag), ...mine };
}

/**
 * `template` in pieces, each `{name}` replaced by `values[name]`, which may be a template (a part
 * inside a sentence); the sentence's word order stays the locale's. An unknown `{name}` stays as written.
 */
export function sentence<T>(template: string, values: Record<string, T>): (string | T)[] {
  return template.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in values ? values[name] : piece;
  });
}

/** Fills `{name}` placeholders with text. */
export const fill = (template: string, values: Record<string, string>) => sentence(template, values).join('');
