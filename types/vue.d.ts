import type { DefineComponent } from "vue";
import type {
  OmneoPointsBalance,
  OmneoProvider,
  OmneoRedeemButton,
  OmneoRewardsList,
  OmneoTierProgress,
} from "@omneo/widgets";

type OmneoPointsBalanceProps = {
  /** `points` (default), `points-dollars`, `rewards` or `combined`; the last three are money. */
  kind?: OmneoPointsBalance["kind"];
  /** Render nothing when the value is 0. */
  hideWhenZero?: OmneoPointsBalance["hideWhenZero"];
  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: OmneoPointsBalance["strings"];
  /** `@omneo-load`: The balances are shown; `detail.data` is the balances. */
  onOmneoLoad?: (e: CustomEvent<OmneoLoadEvent<Balances>>) => void;
  /** `@omneo-error`: The balance could not be loaded, or there is no provider. */
  onOmneoError?: (e: CustomEvent<import("@omneo/widgets").OmneoErrorEvent["detail"]>) => void;
};

type OmneoProviderProps = {
  /** The Omneo tenant: the ID API base becomes `https://api.{tenant}.getomneo.com/id/api/v1`. */
  tenant?: OmneoProvider["tenant"];
  /** The ID API base URL in full; wins over `tenant`. */
  baseUrl?: OmneoProvider["baseUrl"];
  /** The host site's own endpoint that mints the shopper token (`POST`, same-origin credentials). */
  tokenUrl?: OmneoProvider["tokenUrl"];
  /** A shopper token already in the page (server-rendered). */
  token?: OmneoProvider["token"];
  /** BCP 47 tag for numbers, money, dates and words; default: the nearest `lang`, then the browser's. */
  locale?: OmneoProvider["locale"];
  /** ISO 4217 code; default: the `currency` of the balances, then `AUD`. */
  currency?: OmneoProvider["currency"];
  /** Also serve every widget on the page that has no nearer provider. */
  global?: OmneoProvider["global"];
  /** For frameworks: a function that resolves to a token, `{token, exp}`, or `null` when signed out. */
  tokenProvider?: OmneoProvider["tokenProvider"];
  /** An `OmneoClient` to use instead of building one (tests, frameworks). */
  client?: OmneoProvider["client"];
};

type OmneoRedeemButtonProps = {
  /** Redeem this many dollars: `POST /profiles/me/redeem {"amount": n}`. */
  amount?: OmneoRedeemButton["amount"];
  /** Redeem this benefit: `POST /profiles/me/benefits/{id}/redeem`. */
  benefitId?: OmneoRedeemButton["benefitId"];
  /** Ask "Redeem $10?" with Confirm / Cancel before sending. */
  confirm?: OmneoRedeemButton["confirm"];
  /** Disables the button whatever the balance (e.g. for an item already redeemed). */
  disabled?: OmneoRedeemButton["disabled"];
  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: OmneoRedeemButton["strings"];
  /** `@omneo-before-redeem`: A redeem is about to be sent; `preventDefault()` stops it. */
  onOmneoBeforeRedeem?: (e: CustomEvent<import("@omneo/widgets").OmneoBeforeRedeemEvent["detail"]>) => void;
  /** `@omneo-redeem`: The API confirmed the redeem; `detail.redemption` is its answer. */
  onOmneoRedeem?: (e: CustomEvent<import("@omneo/widgets").OmneoRedeemEvent["detail"]>) => void;
  /** `@omneo-redeem-error`: The API refused the redeem, or its outcome could not be confirmed. */
  onOmneoRedeemError?: (e: CustomEvent<import("@omneo/widgets").OmneoRedeemErrorEvent["detail"]>) => void;
  /** `@omneo-load`: The balances are known. */
  onOmneoLoad?: (e: CustomEvent<OmneoLoadEvent<Balances>>) => void;
  /** `@omneo-error`: The balances could not be loaded, or there is no provider. */
  onOmneoError?: (e: CustomEvent<import("@omneo/widgets").OmneoErrorEvent["detail"]>) => void;
};

type OmneoRewardsListProps = {
  /** `rewards` (default: `GET /profiles/me/rewards`), `benefits` (`GET /profiles/me/benefits`) or
`points` (`GET /profiles/me/points`: lots of points, each with what is left of it). */
  source?: OmneoRewardsList["source"];
  /** The most items to show (default 50); pages are followed until then. */
  limit?: OmneoRewardsList["limit"];
  /** Also list expired or used-up items (default: only active ones). */
  includeExpired?: OmneoRewardsList["includeExpired"];
  /** Items that expire within this many days are marked "Expiring soon" (default 14). */
  expiringDays?: OmneoRewardsList["expiringDays"];
  /** Give each item a redeem button: a reward's remaining value, or a benefit by its id (not for points). */
  redeemable?: OmneoRewardsList["redeemable"];
  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: OmneoRewardsList["strings"];
  /** `@omneo-load`: The items are shown; `detail.data` is the list's items. */
  onOmneoLoad?: (e: CustomEvent<OmneoLoadEvent<RewardsListItem[]>>) => void;
  /** `@omneo-error`: The list could not be loaded, or there is no provider. */
  onOmneoError?: (e: CustomEvent<import("@omneo/widgets").OmneoErrorEvent["detail"]>) => void;
};

type OmneoTierProgressProps = {
  /** `points` (default: "200 points to Gold") or `dollars` (money: "$200 to Gold"): the program's unit. */
  unit?: OmneoTierProgress["unit"];
  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: OmneoTierProgress["strings"];
  /** `@omneo-load`: The tier is shown; `detail.data` is the tier progress. */
  onOmneoLoad?: (e: CustomEvent<OmneoLoadEvent<TierProgress>>) => void;
  /** `@omneo-error`: The tier could not be loaded, or there is no provider. */
  onOmneoError?: (e: CustomEvent<import("@omneo/widgets").OmneoErrorEvent["detail"]>) => void;
};

export type CustomElements = {
  /**
   * The shopper's points, reward or combined balance.
   * ---
   *
   *
   * ### **Events:**
   *  - **OmneoLoad** - `@omneo-load`: The balances are shown; `detail.data` is the balances.
   * - **OmneoError** - `@omneo-error`: The balance could not be loaded, or there is no provider.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - **label** - Text before the value, e.g. "You have".
   * - **signed-out** - Shown instead when nobody is signed in.
   *
   * ### **CSS Properties:**
   *  - **--omneo-font** - The font; default: the page's. _(default: undefined)_
   * - **--omneo-color-text** - The text colour; default: the page's. _(default: undefined)_
   * - **--omneo-color-value** - The value's colour. _(default: undefined)_
   * - **--omneo-value-weight** - The value's font weight (600). _(default: undefined)_
   * - **--omneo-color-danger** - The error message's colour. _(default: undefined)_
   * - **--omneo-radius** - The corner radius of the loading placeholder and buttons. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The wrapper.
   * - **label** - The label slot's wrapper (hidden when the slot is empty).
   * - **value** - The formatted balance.
   * - **error** - The error message and its retry button.
   */
  "omneo-points-balance": DefineComponent<OmneoPointsBalanceProps>;

  /**
   * The API client for the Omneo widgets inside it (or, with `global`, on the whole page).
   * ---
   *
   *
   * ### **Methods:**
   *  - **refresh()** - Fetches everything again, e.g. after the shopper signs in or out without a page load.
   *
   * ### **Slots:**
   *  - _default_ - The widgets, anywhere in the page's markup.
   */
  "omneo-provider": DefineComponent<OmneoProviderProps>;

  /**
   * A button that redeems an amount or a benefit, with an optional confirm step.
   * ---
   *
   *
   * ### **Events:**
   *  - **OmneoBeforeRedeem** - `@omneo-before-redeem`: A redeem is about to be sent; `preventDefault()` stops it.
   * - **OmneoRedeem** - `@omneo-redeem`: The API confirmed the redeem; `detail.redemption` is its answer.
   * - **OmneoRedeemError** - `@omneo-redeem-error`: The API refused the redeem, or its outcome could not be confirmed.
   * - **OmneoLoad** - `@omneo-load`: The balances are known.
   * - **OmneoError** - `@omneo-error`: The balances could not be loaded, or there is no provider.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - _default_ - The button's text; default "Redeem $10" (amount) or "Redeem" (benefit).
   *
   * ### **CSS Properties:**
   *  - **--omneo-font** - The font; default: the page's. _(default: undefined)_
   * - **--omneo-color-text** - The text colour; default: the page's. _(default: undefined)_
   * - **--omneo-color-primary** - The buttons' background (default: none, the page's colours). _(default: undefined)_
   * - **--omneo-color-on-primary** - The buttons' text colour. _(default: undefined)_
   * - **--omneo-color-focus** - The focus ring's colour. _(default: undefined)_
   * - **--omneo-color-danger** - The colour of a refusal or an unconfirmed outcome. _(default: undefined)_
   * - **--omneo-radius** - The buttons' corner radius. _(default: undefined)_
   * - **--omneo-space** - The padding and gaps. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **button** - The redeem button.
   * - **confirm** - The confirm step's Confirm button.
   * - **cancel** - The confirm step's Cancel button.
   * - **message** - Why the button is disabled, and the result: progress, success, a benefit's code, or what went wrong.
   * - **copy** - The button that copies a benefit's code.
   * - **error** - The balances could not be loaded (inside `message`), with a retry button.
   */
  "omneo-redeem-button": DefineComponent<OmneoRedeemButtonProps>;

  /**
   * The shopper's rewards, benefits or points, soonest to expire first.
   * ---
   *
   *
   * ### **Events:**
   *  - **OmneoLoad** - `@omneo-load`: The items are shown; `detail.data` is the list's items.
   * - **OmneoError** - `@omneo-error`: The list could not be loaded, or there is no provider.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - **empty** - Shown when there is nothing to list; default "No rewards yet."
   * - **signed-out** - Shown instead when nobody is signed in.
   *
   * ### **CSS Properties:**
   *  - **--omneo-font** - The font; default: the page's. _(default: undefined)_
   * - **--omneo-color-text** - The text colour; default: the page's. _(default: undefined)_
   * - **--omneo-color-border** - The items' border (default: the text colour at 20%). _(default: undefined)_
   * - **--omneo-color-surface** - The items' background (default: none). _(default: undefined)_
   * - **--omneo-color-value** - The value's colour. _(default: undefined)_
   * - **--omneo-value-weight** - The value's font weight (600). _(default: undefined)_
   * - **--omneo-color-warning** - The "Expiring soon" mark's colour. _(default: undefined)_
   * - **--omneo-color-danger** - The error message's colour. _(default: undefined)_
   * - **--omneo-color-primary** - The redeem buttons' background. _(default: undefined)_
   * - **--omneo-color-on-primary** - The redeem buttons' text colour. _(default: undefined)_
   * - **--omneo-radius** - The corner radius of items, images and buttons. _(default: undefined)_
   * - **--omneo-space** - The padding and gaps (0.75em). _(default: undefined)_
   * - **--omneo-image-size** - The images' width and height (3.5em). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The wrapper, in every state.
   * - **list** - The list (`ul`).
   * - **item** - One reward, benefit or lot of points (`li`).
   * - **image** - The item's image, when it has one.
   * - **name** - The item's name.
   * - **value** - A reward's remaining value, as money; a lot's points left.
   * - **expiry** - The expiry date (`time`).
   * - **expiring** - The "Expiring soon" mark.
   * - **empty** - The wrapper of the `empty` slot.
   * - **error** - The error message and its retry button.
   */
  "omneo-rewards-list": DefineComponent<OmneoRewardsListProps>;

  /**
   * The member's tier, and the progress to the next one.
   * ---
   *
   *
   * ### **Events:**
   *  - **OmneoLoad** - `@omneo-load`: The tier is shown; `detail.data` is the tier progress.
   * - **OmneoError** - `@omneo-error`: The tier could not be loaded, or there is no provider.
   *
   * ### **Methods:**
   *
   *
   *
   *
   *
   *
   * ### **Slots:**
   *  - **signed-out** - Shown instead when nobody is signed in.
   * - **empty** - Shown when the member has no tier; default "You don't have a tier yet…".
   *
   * ### **CSS Properties:**
   *  - **--omneo-font** - The font; default: the page's. _(default: undefined)_
   * - **--omneo-color-text** - The text colour; default: the page's. _(default: undefined)_
   * - **--omneo-color-border** - The card's border (default: the text colour at 20%). _(default: undefined)_
   * - **--omneo-color-surface** - The card's background (default: none). _(default: undefined)_
   * - **--omneo-color-value** - The tier name's and the amount's colour. _(default: undefined)_
   * - **--omneo-value-weight** - The tier name's and the amount's font weight (600). _(default: undefined)_
   * - **--omneo-color-primary** - The progress bar's fill (default: the text colour). _(default: undefined)_
   * - **--omneo-color-danger** - The error message's colour. _(default: undefined)_
   * - **--omneo-radius** - The corner radius of the card and the image. _(default: undefined)_
   * - **--omneo-space** - The padding and gaps (0.75em). _(default: undefined)_
   * - **--omneo-image-size** - The tier image's width and height (3em). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The wrapper, in every state.
   * - **image** - The current tier's image, when it has one.
   * - **tier** - The current tier's name.
   * - **progress** - The progress bar (`role="progressbar"`) towards the next tier.
   * - **remaining** - The line that says what is left to reach the next tier, e.g. "200 points to Gold".
   * - **next** - The next tier's name.
   * - **maintain** - The line that says what keeps the current tier by the anniversary.
   * - **top** - The line shown at the top tier, instead of the bar.
   * - **error** - The error message and its retry button.
   */
  "omneo-tier-progress": DefineComponent<OmneoTierProgressProps>;
};

declare module "vue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalComponents extends CustomElements {}
}

declare global {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-interface
    interface IntrinsicElements extends CustomElements {}
  }
}
