/**
 * The events the widgets fire. All bubble, are composed and carry a typed `detail`.
 *
 * Each element also has an event map of its own (`OmneoPointsBalanceEventMap`, …): its
 * `addEventListener` knows what its events carry, so on a balance
 * `el.addEventListener('omneo-load', (e) => e.detail.data.point_balance)` type-checks, where the
 * page-wide `omneo-load` (any widget's, on `document`) carries `unknown` data.
 */
import type { OmneoErrorKind } from './api/errors.js';
import type { Balances, Redemption, RewardsListItem, TierProgress } from './api/types.js';

/** What `omneo-error` and `omneo-redeem-error` carry. */
export interface OmneoErrorDetail {
  status?: number;
  message: string;
  errors?: Record<string, string[]>;
  /** `auth`, `signed-out`, `network`, `http`, `invalid-response`, `config` or `invalid-request`. */
  kind?: OmneoErrorKind;
}

export interface OmneoRedeemTarget {
  amount?: number;
  benefitId?: string;
}

const init = <T>(detail: T, cancelable = false) => ({ bubbles: true, composed: true, cancelable, detail });

/**
 * A widget has rendered its data: `detail.data` is what it shows, typed per element (the balances,
 * the list's items, the tier progress).
 */
export class OmneoLoadEvent<T = unknown> extends CustomEvent<{ data: T }> {
  constructor(detail: { data: T }) {
    super('omneo-load', init(detail));
  }
}

/** A widget could not load: auth, network, bad data, or no provider. */
export class OmneoErrorEvent extends CustomEvent<{ error: OmneoErrorDetail }> {
  constructor(detail: { error: OmneoErrorDetail }) {
    super('omneo-error', init(detail));
  }
}

/** A redeem is about to be sent. Cancelable: `preventDefault()` stops it. */
export class OmneoBeforeRedeemEvent extends CustomEvent<OmneoRedeemTarget> {
  constructor(detail: OmneoRedeemTarget) {
    super('omneo-before-redeem', init(detail, true));
  }
}

/** The API confirmed a redeem. */
export class OmneoRedeemEvent extends CustomEvent<OmneoRedeemTarget & { redemption: Redemption }> {
  constructor(detail: OmneoRedeemTarget & { redemption: Redemption }) {
    super('omneo-redeem', init(detail));
  }
}

/** The API refused a redeem, or it could not be confirmed. */
export class OmneoRedeemErrorEvent extends CustomEvent<OmneoRedeemTarget & { error: OmneoErrorDetail }> {
  constructor(detail: OmneoRedeemTarget & { error: OmneoErrorDetail }) {
    super('omneo-redeem-error', init(detail));
  }
}

/** The events of `<omneo-points-balance>`: `omneo-load` carries the balances. */
export interface OmneoPointsBalanceEventMap {
  'omneo-load': OmneoLoadEvent<Balances>;
  'omneo-error': OmneoErrorEvent;
}

/**
 * The events of `<omneo-rewards-list>`: `omneo-load` carries the list's items. Its redeem buttons'
 * own `omneo-load` and `omneo-error` stay inside it; their `omneo-redeem…` events reach the page.
 */
export interface OmneoRewardsListEventMap {
  'omneo-load': OmneoLoadEvent<RewardsListItem[]>;
  'omneo-error': OmneoErrorEvent;
  'omneo-before-redeem': OmneoBeforeRedeemEvent;
  'omneo-redeem': OmneoRedeemEvent;
  'omneo-redeem-error': OmneoRedeemErrorEvent;
}

/** The events of `<omneo-redeem-button>`: `omneo-load` carries the balances it checks amounts against. */
export interface OmneoRedeemButtonEventMap {
  'omneo-before-redeem': OmneoBeforeRedeemEvent;
  'omneo-redeem': OmneoRedeemEvent;
  'omneo-redeem-error': OmneoRedeemErrorEvent;
  'omneo-load': OmneoLoadEvent<Balances>;
  'omneo-error': OmneoErrorEvent;
}

/** The events of `<omneo-tier-progress>`: `omneo-load` carries the tier progress. */
export interface OmneoTierProgressEventMap {
  'omneo-load': OmneoLoadEvent<TierProgress>;
  'omneo-error': OmneoErrorEvent;
}

/**
 * An element's own events (`M`) over the DOM's: what its `addEventListener` and
 * `removeEventListener` know. An element declares them in an interface merged with its class:
 *
 *     export interface OmneoPointsBalance {
 *       addEventListener<K extends keyof OmneoEvents<M>>(type: K, listener: (this: OmneoPointsBalance, ev: OmneoEvents<M>[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
 *       addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
 *       …the same two for removeEventListener
 *     }
 */
export type OmneoEvents<M> = Omit<HTMLElementEventMap, keyof M> & M;

declare global {
  interface GlobalEventHandlersEventMap {
    'omneo-load': OmneoLoadEvent;
    'omneo-error': OmneoErrorEvent;
    'omneo-before-redeem': OmneoBeforeRedeemEvent;
    'omneo-redeem': OmneoRedeemEvent;
    'omneo-redeem-error': OmneoRedeemErrorEvent;
  }
}
