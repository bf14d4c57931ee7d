// Generated from custom-elements.json by `npm run analyze` (scripts/framework-typings.mjs): do not edit.
/**
 * The Omneo elements in Svelte 5 markup, for svelte-check and the Svelte language tools. One import
 * anywhere in the program (a `<script lang="ts">`, or `src/app.d.ts`):
 *
 *     import type {} from '@omneo/widgets/svelte';
 *
 * Attributes, properties (Svelte sets a property when the element has one) and `onomneo-load`
 * (Svelte 5) or `on:omneo-load` (Svelte 4 syntax) handlers are typed.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type * as Omneo from '@omneo/widgets';

/** `<omneo-points-balance>`: The shopper's points, reward or combined balance. */
export interface OmneoPointsBalanceProps {
  /** `points` (default), `points-dollars`, `rewards` or `combined`; the last three are money. */
  kind?: Omneo.OmneoPointsBalance["kind"];
  /** Render nothing when the value is 0. */
  "hide-when-zero"?: Omneo.OmneoPointsBalance["hideWhenZero"];
  /** Render nothing when the value is 0. */
  hideWhenZero?: Omneo.OmneoPointsBalance["hideWhenZero"];
  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: Omneo.OmneoPointsBalance["strings"];
  /** `omneo-load`: The balances are shown; `detail.data` is the balances. */
  "onomneo-load"?: (event: Omneo.OmneoLoadEvent<Omneo.Balances>) => void;
  /** `omneo-load`: The balances are shown; `detail.data` is the balances. */
  "on:omneo-load"?: (event: Omneo.OmneoLoadEvent<Omneo.Balances>) => void;
  /** `omneo-error`: The balance could not be loaded, or there is no provider. */
  "onomneo-error"?: (event: Omneo.OmneoErrorEvent) => void;
  /** `omneo-error`: The balance could not be loaded, or there is no provider. */
  "on:omneo-error"?: (event: Omneo.OmneoErrorEvent) => void;
}

/** `<omneo-provider>`: The API client for the Omneo widgets inside it (or, with `global`, on the whole page). */
export interface OmneoProviderProps {
  /** The Omneo tenant: the ID API base becomes `https://api.{tenant}.getomneo.com/id/api/v1`. */
  tenant?: Omneo.OmneoProvider["tenant"];
  /** The ID API base URL in full; wins over `tenant`. */
  "base-url"?: Omneo.OmneoProvider["baseUrl"];
  /** The ID API base URL in full; wins over `tenant`. */
  baseUrl?: Omneo.OmneoProvider["baseUrl"];
  /** The host site's own endpoint that mints the shopper token (`POST`, same-origin credentials). */
  "token-url"?: Omneo.OmneoProvider["tokenUrl"];
  /** The host site's own endpoint that mints the shopper token (`POST`, same-origin credentials). */
  tokenUrl?: Omneo.OmneoProvider["tokenUrl"];
  /** A shopper token already in the page (server-rendered). It serves first; with `token-url` or `tokenProvider` too, they renew it when it falls due or the API refuses it. */
  token?: Omneo.OmneoProvider["token"];
  /** A Shopify store's signed-in customer, from the theme's Liquid (`{{ customer.id }}`); empty for a guest, who is signed out with nothing requested. Without `token`, `token-url` or `tokenProvider`, the token comes from Omneo's Shopify endpoint. Declares the shopper too. */
  "shopify-customer-id"?: Omneo.OmneoProvider["shopifyCustomerId"];
  /** A Shopify store's signed-in customer, from the theme's Liquid (`{{ customer.id }}`); empty for a guest, who is signed out with nothing requested. Without `token`, `token-url` or `tokenProvider`, the token comes from Omneo's Shopify endpoint. Declares the shopper too. */
  shopifyCustomerId?: Omneo.OmneoProvider["shopifyCustomerId"];
  /** `{{ customer.id | hmac_sha256: shop.metafields.omneo.id_secret }}`, with `shopify-customer-id`. */
  "shopify-signature"?: Omneo.OmneoProvider["shopifySignature"];
  /** `{{ customer.id | hmac_sha256: shop.metafields.omneo.id_secret }}`, with `shopify-customer-id`. */
  shopifySignature?: Omneo.OmneoProvider["shopifySignature"];
  /** The signed-in shopper's id as the store's server knows it; empty when nobody is signed in. With it, the token and the last answers are kept in `sessionStorage` for this shopper's next page. */
  shopper?: Omneo.OmneoProvider["shopper"];
  /** BCP 47 tag for numbers, money, dates and words; default: the nearest `lang`, then the browser's. */
  locale?: Omneo.OmneoProvider["locale"];
  /** ISO 4217 code; default: the `currency` of the balances, then `AUD`. Set it for a store outside Australia: money is shown in `AUD` until the balances arrive, and for good when they carry no currency (older API versions) or cannot be read. */
  currency?: Omneo.OmneoProvider["currency"];
  /** Also serve every widget on the page that has no nearer provider. */
  global?: Omneo.OmneoProvider["global"];
  /** For frameworks: a function that resolves to a token, `{token, exp}`, or `null` when signed out. */
  tokenProvider?: Omneo.OmneoProvider["tokenProvider"];
  /** An `OmneoClient` to use instead of building one (tests, frameworks). */
  client?: Omneo.OmneoProvider["client"];
}

/** `<omneo-redeem-button>`: A button that redeems an amount or a benefit, with an optional confirm step. */
export interface OmneoRedeemButtonProps {
  /** Redeem this many dollars, in whole cents (10, 12.5): `POST /profiles/me/redeem {"amount": n}`. */
  amount?: Omneo.OmneoRedeemButton["amount"];
  /** Redeem this benefit: `POST /profiles/me/benefits/{id}/redeem`. */
  "benefit-id"?: Omneo.OmneoRedeemButton["benefitId"];
  /** Redeem this benefit: `POST /profiles/me/benefits/{id}/redeem`. */
  benefitId?: Omneo.OmneoRedeemButton["benefitId"];
  /** Ask "Redeem $10?" with Confirm / Cancel before sending. */
  confirm?: Omneo.OmneoRedeemButton["confirm"];
  /** Disables the button whatever the balance (e.g. for an item already redeemed). */
  disabled?: Omneo.OmneoRedeemButton["disabled"];
  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: Omneo.OmneoRedeemButton["strings"];
  /** `omneo-before-redeem`: A redeem is about to be sent; `preventDefault()` stops it. */
  "onomneo-before-redeem"?: (event: Omneo.OmneoBeforeRedeemEvent) => void;
  /** `omneo-before-redeem`: A redeem is about to be sent; `preventDefault()` stops it. */
  "on:omneo-before-redeem"?: (event: Omneo.OmneoBeforeRedeemEvent) => void;
  /** `omneo-redeem`: The API confirmed the redeem; `detail.redemption` is its answer. */
  "onomneo-redeem"?: (event: Omneo.OmneoRedeemEvent) => void;
  /** `omneo-redeem`: The API confirmed the redeem; `detail.redemption` is its answer. */
  "on:omneo-redeem"?: (event: Omneo.OmneoRedeemEvent) => void;
  /** `omneo-redeem-error`: The API refused the redeem, or its outcome could not be confirmed. */
  "onomneo-redeem-error"?: (event: Omneo.OmneoRedeemErrorEvent) => void;
  /** `omneo-redeem-error`: The API refused the redeem, or its outcome could not be confirmed. */
  "on:omneo-redeem-error"?: (event: Omneo.OmneoRedeemErrorEvent) => void;
  /** `omneo-load`: The balances are known. A list's own redeem buttons fire neither this nor `omneo-error`. */
  "onomneo-load"?: (event: Omneo.OmneoLoadEvent<Omneo.Balances>) => void;
  /** `omneo-load`: The balances are known. A list's own redeem buttons fire neither this nor `omneo-error`. */
  "on:omneo-load"?: (event: Omneo.OmneoLoadEvent<Omneo.Balances>) => void;
  /** `omneo-error`: The balances could not be loaded, or there is no provider. */
  "onomneo-error"?: (event: Omneo.OmneoErrorEvent) => void;
  /** `omneo-error`: The balances could not be loaded, or there is no provider. */
  "on:omneo-error"?: (event: Omneo.OmneoErrorEvent) => void;
}

/** `<omneo-rewards-list>`: The shopper's rewards, benefits or points, soonest to expire first. */
export interface OmneoRewardsListProps {
  /** `rewards` (default: `GET /profiles/me/rewards`), `benefits` (`GET /profiles/me/benefits`) or `points` (`GET /profiles/me/points`: lots of points, each with what is left of it). */
  source?: Omneo.OmneoRewardsList["source"];
  /** The most items to show (default 50, also for a value below 1); pages are followed until then. */
  limit?: Omneo.OmneoRewardsList["limit"];
  /** Also list expired or used-up items (default: only active ones). */
  "include-expired"?: Omneo.OmneoRewardsList["includeExpired"];
  /** Also list expired or used-up items (default: only active ones). */
  includeExpired?: Omneo.OmneoRewardsList["includeExpired"];
  /** Items that expire within this many days are marked "Expiring soon" (default 14). */
  "expiring-days"?: Omneo.OmneoRewardsList["expiringDays"] | `${number}`;
  /** Items that expire within this many days are marked "Expiring soon" (default 14). */
  expiringDays?: Omneo.OmneoRewardsList["expiringDays"];
  /** Give each item a redeem button: a reward's remaining value, or a benefit by its id (not for points). */
  redeemable?: Omneo.OmneoRewardsList["redeemable"];
  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: Omneo.OmneoRewardsList["strings"];
  /** `omneo-load`: The items are shown; `detail.data` is the list's items. */
  "onomneo-load"?: (event: Omneo.OmneoLoadEvent<Omneo.RewardsListItem[]>) => void;
  /** `omneo-load`: The items are shown; `detail.data` is the list's items. */
  "on:omneo-load"?: (event: Omneo.OmneoLoadEvent<Omneo.RewardsListItem[]>) => void;
  /** `omneo-error`: The list could not be loaded, or there is no provider. */
  "onomneo-error"?: (event: Omneo.OmneoErrorEvent) => void;
  /** `omneo-error`: The list could not be loaded, or there is no provider. */
  "on:omneo-error"?: (event: Omneo.OmneoErrorEvent) => void;
  /** `omneo-before-redeem`: From a redeem button of the list (`redeemable`): a redeem is about to be sent; `preventDefault()` stops it. */
  "onomneo-before-redeem"?: (event: Omneo.OmneoBeforeRedeemEvent) => void;
  /** `omneo-before-redeem`: From a redeem button of the list (`redeemable`): a redeem is about to be sent; `preventDefault()` stops it. */
  "on:omneo-before-redeem"?: (event: Omneo.OmneoBeforeRedeemEvent) => void;
  /** `omneo-redeem`: From a redeem button of the list: the API confirmed the redeem. */
  "onomneo-redeem"?: (event: Omneo.OmneoRedeemEvent) => void;
  /** `omneo-redeem`: From a redeem button of the list: the API confirmed the redeem. */
  "on:omneo-redeem"?: (event: Omneo.OmneoRedeemEvent) => void;
  /** `omneo-redeem-error`: From a redeem button of the list: the API refused the redeem, or it could not be confirmed. */
  "onomneo-redeem-error"?: (event: Omneo.OmneoRedeemErrorEvent) => void;
  /** `omneo-redeem-error`: From a redeem button of the list: the API refused the redeem, or it could not be confirmed. */
  "on:omneo-redeem-error"?: (event: Omneo.OmneoRedeemErrorEvent) => void;
}

/** `<omneo-tier-progress>`: The member's tier, and the progress to the next one. */
export interface OmneoTierProgressProps {
  /** `points` (default: "200 points to Gold") or `dollars` (money: "$200 to Gold"): the program's unit. */
  unit?: Omneo.OmneoTierProgress["unit"];
  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: Omneo.OmneoTierProgress["strings"];
  /** `omneo-load`: The tier is shown; `detail.data` is the tier progress. */
  "onomneo-load"?: (event: Omneo.OmneoLoadEvent<Omneo.TierProgress>) => void;
  /** `omneo-load`: The tier is shown; `detail.data` is the tier progress. */
  "on:omneo-load"?: (event: Omneo.OmneoLoadEvent<Omneo.TierProgress>) => void;
  /** `omneo-error`: The tier could not be loaded, or there is no provider. */
  "onomneo-error"?: (event: Omneo.OmneoErrorEvent) => void;
  /** `omneo-error`: The tier could not be loaded, or there is no provider. */
  "on:omneo-error"?: (event: Omneo.OmneoErrorEvent) => void;
}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    /** The shopper's points, reward or combined balance. */
    "omneo-points-balance": Omit<HTMLAttributes<Omneo.OmneoPointsBalance>, keyof OmneoPointsBalanceProps> & OmneoPointsBalanceProps;
    /** The API client for the Omneo widgets inside it (or, with `global`, on the whole page). */
    "omneo-provider": Omit<HTMLAttributes<Omneo.OmneoProvider>, keyof OmneoProviderProps> & OmneoProviderProps;
    /** A button that redeems an amount or a benefit, with an optional confirm step. */
    "omneo-redeem-button": Omit<HTMLAttributes<Omneo.OmneoRedeemButton>, keyof OmneoRedeemButtonProps> & OmneoRedeemButtonProps;
    /** The shopper's rewards, benefits or points, soonest to expire first. */
    "omneo-rewards-list": Omit<HTMLAttributes<Omneo.OmneoRewardsList>, keyof OmneoRewardsListProps> & OmneoRewardsListProps;
    /** The member's tier, and the progress to the next one. */
    "omneo-tier-progress": Omit<HTMLAttributes<Omneo.OmneoTierProgress>, keyof OmneoTierProgressProps> & OmneoTierProgressProps;
  }
}
