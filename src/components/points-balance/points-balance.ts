import { html, nothing, type PropertyValues } from 'lit';
import type { Balances } from '../../api/types.js';
import type { OmneoEvents, OmneoPointsBalanceEventMap } from '../../events.js';
import { define } from '../../internal/define.js';
import { plural, soon } from '../../internal/format.js';
import { BALANCES, OmneoElement } from '../../internal/omneo-element.js';
import { shared } from '../../styles/shared.js';
import { styles } from './points-balance.styles.js';

/** Which balance to show, and the field of `GET /profiles/me/balances` it reads. */
export type BalanceKind = 'points' | 'points-dollars' | 'rewards' | 'combined';

const FIELDS = {
  points: 'point_balance',
  'points-dollars': 'point_balance_dollars',
  rewards: 'reward_balance',
  combined: 'combined_balance_dollars',
} as const satisfies Record<BalanceKind, keyof Balances>;

/** The kind to show: an unknown `kind` attribute is shown as points. */
function knownKind(kind: string): BalanceKind {
  return kind in FIELDS ? (kind as BalanceKind) : 'points';
}

/**
 * The signed-in shopper's balance, formatted for the locale: points ("1,234 points") or money.
 *
 * @summary The shopper's points, reward or combined balance.
 * @tag omneo-points-balance
 *
 * @slot label - Text before the value, e.g. "You have".
 * @slot signed-out - Shown instead when nobody is signed in.
 *
 * @csspart base - The wrapper.
 * @csspart label - The label slot's wrapper (hidden when the slot is empty).
 * @csspart value - The formatted balance.
 * @csspart error - The error message and its retry button.
 *
 * @cssproperty --omneo-font - The font; default: the page's.
 * @cssproperty --omneo-color-text - The text colour; default: the page's.
 * @cssproperty --omneo-color-value - The value's colour.
 * @cssproperty --omneo-value-weight - The value's font weight (600).
 * @cssproperty --omneo-color-danger - The error message's colour.
 * @cssproperty --omneo-radius - The corner radius of the loading placeholder and buttons.
 *
 * @fires {OmneoLoadEvent<Balances>} omneo-load - The balances are shown; `detail.data` is the balances.
 * @fires {OmneoErrorEvent} omneo-error - The balance could not be loaded, or there is no provider.
 */
export class OmneoPointsBalance extends OmneoElement {
  static override styles = [shared, styles];

  static override properties = {
    kind: { reflect: true },
    hideWhenZero: { type: Boolean, attribute: 'hide-when-zero' },
    _hasLabel: { state: true },
  };

  /** `points` (default), `points-dollars`, `rewards` or `combined`; the last three are money. */
  kind: BalanceKind = 'points';
  /** Render nothing when the value is 0. */
  hideWhenZero = false;

  /** Whether something is in the `label` slot: only then is there a label and a space after it. */
  private _hasLabel = false;

  readonly #balances = this.follow(() => BALANCES);

  /** The number shown: a field of the balances; `undefined` until they load. */
  get value(): number | undefined {
    return this.#balances.value?.[FIELDS[knownKind(this.kind)]];
  }

  override connectedCallback() {
    super.connectedCallback();
    this._hasLabel = this.querySelector(':scope > [slot="label"]') !== null;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // While loading, the formatters the value will need are built in a task of their own: the
    // first number format of a page costs tens of milliseconds, which would hold back the request.
    if (this.#balances.value === undefined) soon(() => this.#format(0));
  }

  get #isMoney() {
    return knownKind(this.kind) !== 'points';
  }

  #format(n: number): string {
    return this.#isMoney ? this.money(n, this.#balances.value?.currency) : plural(this.locale, n, this.words.points);
  }

  /**
   * A placeholder as wide as a typical value (digits are tabular), so the text around the balance
   * does not move when the value arrives. Points need no Intl for it (in English locales whole
   * numbers are written without it, see `formatNumber`); money needs Intl to know how wide its
   * currency sign is.
   */
  #placeholder(): string {
    return this.#isMoney ? this.#format(88.88) : this.words.points.other.replace('{n}', '8,888');
  }

  #onLabelChange(e: Event) {
    this._hasLabel = (e.target as HTMLSlotElement).assignedNodes().length > 0;
  }

  protected override render() {
    return this.#balances.render({
      pending: () => this.#renderBalance(undefined),
      complete: () => this.#renderBalance(this.value),
      signedOut: () => this.renderSignedOut(),
      error: (error) => this.renderError(error, () => this.#balances.retry()),
    });
  }

  #renderBalance(value: number | undefined) {
    if (value === 0 && this.hideWhenZero) return nothing;
    // Written without whitespace between the tags: the balance is inline, in the middle of a
    // sentence, where a newline in the template would show as a space.
    const shown = value === undefined ? this.#renderPlaceholder() : this.#renderValue(value);
    return html`<span part="base" aria-busy=${value === undefined}>${this.#renderLabel()}${shown}</span>`;
  }

  /** The label slot, and the space after it: both hidden when the slot is empty. */
  #renderLabel() {
    return html`<span part="label" ?hidden=${!this._hasLabel}><slot name="label" @slotchange=${this.#onLabelChange}></slot> </span>`;
  }

  #renderPlaceholder() {
    const placeholder = html`<span part="value" class="skeleton" aria-hidden="true">${this.#placeholder()}</span>`;
    return html`${placeholder}<span class="sr-only">${this.words.loading}</span>`;
  }

  #renderValue(value: number) {
    return html`<span part="value">${this.#format(value)}</span>`;
  }
}

/** Its own events, typed: `addEventListener('omneo-load', …)` knows what `detail.data` is. */
type Events = OmneoEvents<OmneoPointsBalanceEventMap>;
export interface OmneoPointsBalance {
  addEventListener<K extends keyof Events>(
    type: K,
    listener: (this: OmneoPointsBalance, ev: Events[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof Events>(
    type: K,
    listener: (this: OmneoPointsBalance, ev: Events[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

define('omneo-points-balance', OmneoPointsBalance);

declare global {
  interface HTMLElementTagNameMap {
    'omneo-points-balance': OmneoPointsBalance;
  }
}
