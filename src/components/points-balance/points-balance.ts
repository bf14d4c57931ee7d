import { html, nothing } from 'lit';
import type { Balances } from '../../api/types.js';
import { define } from '../../internal/define.js';
import { plural, soon } from '../../internal/format.js';
import { BALANCES, OmneoElement } from '../../internal/omneo-element.js';
import { shared } from '../../styles/shared.js';
import { styles } from './points-balance.styles.js';

/** Which balance to show, and the field of `GET /profiles/me/balances` it reads. */
export type BalanceKind = 'points' | 'points-dollars' | 'rewards' | 'combined';

const FIELDS: Record<BalanceKind, keyof Balances> = {
  points: 'point_balance',
  'points-dollars': 'point_balance_dollars',
  rewards: 'reward_balance',
  combined: 'combined_balance_dollars',
};

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
 * @csspart label - The label slot's wrapper.
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
 * @fires {OmneoLoadEvent} omneo-load - The balances are shown; `detail.data` is the balances.
 * @fires {OmneoErrorEvent} omneo-error - The balance could not be loaded, or there is no provider.
 */
export class OmneoPointsBalance extends OmneoElement {
  static override styles = [shared, styles];

  static override properties = {
    kind: { reflect: true },
    hideWhenZero: { type: Boolean, attribute: 'hide-when-zero' },
  };

  /** `points` (default), `points-dollars`, `rewards` or `combined`; the last three are money. */
  kind: BalanceKind = 'points';
  /** Render nothing when the value is 0. */
  hideWhenZero = false;

  protected get resource() {
    return BALANCES;
  }

  /** The number shown: a field of the balances; `undefined` until they load. */
  get value(): number | undefined {
    return (this.state.value as Balances | undefined)?.[FIELDS[this.kind] ?? FIELDS.points] as number | undefined;
  }

  /** Whether the kind is shown as money (an unknown kind is shown as points). */
  private get isMoney() {
    return this.kind in FIELDS && this.kind !== 'points';
  }

  private format(n: number) {
    return this.isMoney ? this.money(n) : plural(this.locale, n, this.words.points);
  }

  protected override render() {
    const { status, error } = this.state;
    const value = this.value;
    if (status === 'signed-out') return html`<slot name="signed-out">${this.words.signedOut}</slot>`;
    if (value === undefined && status === 'error') return this.renderError(error);
    if (value === 0 && this.hideWhenZero) return nothing;
    const loading = value === undefined;
    // While loading: a placeholder as wide as a typical value (digits are tabular), so the line
    // of text around the balance does not move when the value arrives. The placeholder's points are
    // written without Intl: the first number format of a page costs tens of milliseconds, which would
    // hold back the balances request. The formatters the value will need are built in a task of
    // their own meanwhile (for points in most English locales, only the plural rules: see
    // `formatNumber`). Money needs Intl to know how wide its currency sign is.
    if (loading) soon(() => this.format(0));
    return html`<span part="base" aria-busy=${loading}><span part="label"><slot name="label"></slot></span> ${
      loading
        ? html`<span part="value" class="skeleton" aria-hidden="true">${this.isMoney ? this.format(88.88) : this.words.points.other.replace('{n}', '8,888')}</span><span class="sr-only">${this.words.loading}</span>`
        : html`<span part="value">${this.format(value)}</span>`
    }</span>`;
  }
}

define('omneo-points-balance', OmneoPointsBalance);

declare global {
  interface HTMLElementTagNameMap {
    'omneo-points-balance': OmneoPointsBalance;
  }
}
