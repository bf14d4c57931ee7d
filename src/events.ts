/** The events the widgets fire. All bubble, are composed and carry a typed `detail`. */
import type { Redemption } from './api/types.js';

/** What `omneo-error` and `omneo-redeem-error` carry. */
export interface OmneoErrorDetail {
  status?: number;
  message: string;
  errors?: Record<string, string[]>;
  /** `auth`, `signed-out`, `network`, `http`, `invalid-response` or `config`. */
  kind?: string;
}

export interface OmneoRedeemTarget {
  amount?: number;
  benefitId?: string;
}

const init = <T>(detail: T, cancelable = false) => ({ bubbles: true, composed: true, cancelable, detail });

/** A widget has rendered its data. */
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

declare global {
  interface GlobalEventHandlersEventMap {
    'omneo-load': OmneoLoadEvent;
    'omneo-error': OmneoErrorEvent;
    'omneo-before-redeem': OmneoBeforeRedeemEvent;
    'omneo-redeem': OmneoRedeemEvent;
    'omneo-redeem-error': OmneoRedeemErrorEvent;
  }
}
