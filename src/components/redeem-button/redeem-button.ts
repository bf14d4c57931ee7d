import { html, nothing, type PropertyValues } from 'lit';
import { apiMessageOf, asOmneoError, type OmneoError } from '../../api/errors.js';
import { blockedByBalancesError, exceedsBalance, redeemFailureOf, redeemRequestOf } from '../../api/redeem.js';
import type { OmneoClient, ResourceState } from '../../api/client.js';
import type { Balances, RedeemRequest, Redemption } from '../../api/types.js';
import {
  OmneoBeforeRedeemEvent,
  OmneoRedeemErrorEvent,
  OmneoRedeemEvent,
  type OmneoEvents,
  type OmneoRedeemButtonEventMap,
} from '../../events.js';
import { define } from '../../internal/define.js';
import { BALANCES, OmneoElement } from '../../internal/omneo-element.js';
import { fill } from '../../internal/strings.js';
import { shared } from '../../styles/shared.js';
import { styles } from './redeem-button.styles.js';

/** What the message part says after a click: progress, success (with a benefit's code) or failure. */
interface Outcome {
  text: string;
  /** A failure, announced at once (`aria-live="assertive"`). */
  alert?: boolean;
  /** A redeemed benefit's code. */
  code?: string;
  /** What the copy button says once clicked: copied, or selected for the shopper to copy. */
  copyNote?: string;
}

/** Why the button cannot be used now. */
type Blocker = 'not-set-up' | 'signed-out' | 'loading' | 'error' | 'over-balance';

/** The code a redeemed benefit gives the shopper, if any (online first, then in store). */
function codeOf(redemption: Redemption): string | undefined {
  const { redeem_code_online: online, redeem_code_pos: pos } = redemption;
  for (const code of [online, pos]) if (typeof code === 'string' && code) return code;
  return undefined;
}

/**
 * Enter held down repeats its keydown, and each repeat would click the focused button again (a
 * redeem, once the last one is settled; Confirm): one press is one click.
 */
function ignoreHeldEnter(e: KeyboardEvent) {
  if (e.repeat && e.key === 'Enter') e.preventDefault();
}

/**
 * The first of Laravel's per-field messages (`errors.amount[0]`), if any. The client keeps only
 * messages that are text (`fieldErrorsOf` in src/api/client.ts), so what is here can be shown.
 */
function firstFieldMessage(error: OmneoError): string | undefined {
  return Object.values(error.errors ?? {})[0]?.[0];
}

/**
 * Redeems a dollar amount from the shopper's balance, or one benefit by its id. Never sends twice
 * by itself: a click while a redeem is in flight, or before the balances are read again after it,
 * sends nothing, and an outcome it cannot confirm is reported, not retried.
 *
 * @summary A button that redeems an amount or a benefit, with an optional confirm step.
 * @tag omneo-redeem-button
 *
 * @slot - The button's text; default "Redeem $10" (amount) or "Redeem" (benefit).
 *
 * @csspart button - The redeem button.
 * @csspart confirm - The confirm step's Confirm button.
 * @csspart cancel - The confirm step's Cancel button.
 * @csspart message - Why the button is disabled, and the result: progress, success, a benefit's code, or what went wrong.
 * @csspart copy - The button that copies a benefit's code.
 * @csspart error - The balances could not be loaded (inside `message`), with a retry button. It disables an
 *   amount's button, and a benefit's only when the fault would stop its redeem too (no provider, a refused sign-in).
 *
 * @cssproperty --omneo-font - The font; default: the page's.
 * @cssproperty --omneo-color-text - The text colour; default: the page's.
 * @cssproperty --omneo-color-primary - The buttons' background (default: none, the page's colours).
 * @cssproperty --omneo-color-on-primary - The buttons' text colour.
 * @cssproperty --omneo-color-focus - The focus ring's colour.
 * @cssproperty --omneo-color-danger - The colour of a refusal or an unconfirmed outcome.
 * @cssproperty --omneo-radius - The buttons' corner radius.
 * @cssproperty --omneo-space - The padding and gaps.
 *
 * @fires {OmneoBeforeRedeemEvent} omneo-before-redeem - A redeem is about to be sent; `preventDefault()` stops it.
 * @fires {OmneoRedeemEvent} omneo-redeem - The API confirmed the redeem; `detail.redemption` is its answer.
 * @fires {OmneoRedeemErrorEvent} omneo-redeem-error - The API refused the redeem, or its outcome could not be confirmed.
 * @fires {OmneoLoadEvent<Balances>} omneo-load - The balances are known. A list's own redeem buttons fire neither this nor `omneo-error`.
 * @fires {OmneoErrorEvent} omneo-error - The balances could not be loaded, or there is no provider.
 */
export class OmneoRedeemButton extends OmneoElement {
  static override styles = [shared, styles];
  static override shadowRootOptions = { ...OmneoElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    amount: { type: Number },
    benefitId: { attribute: 'benefit-id' },
    confirm: { type: Boolean },
    disabled: { type: Boolean },
    _asking: { state: true },
    _sending: { state: true },
    _outcome: { state: true },
  };

  /** Redeem this many dollars, in whole cents (10, 12.5): `POST /profiles/me/redeem {"amount": n}`. */
  amount?: number;
  /** Redeem this benefit: `POST /profiles/me/benefits/{id}/redeem`. */
  benefitId?: string;
  /** Ask "Redeem $10?" with Confirm / Cancel before sending. */
  confirm = false;
  /** Disables the button whatever the balance (e.g. for an item already redeemed). */
  disabled = false;

  /** The confirm step is shown. */
  private _asking = false;
  /** A redeem is in flight: from the click until its answer, a click sends nothing. */
  private _sending = false;
  private _outcome?: Outcome;

  readonly #balances = this.follow(() => BALANCES);
  /** The balances were known at the last update. */
  #hadBalances = false;
  /** The client at the last update: a new one is for another shopper, or another tenant. */
  #lastClient?: OmneoClient;
  /**
   * A redeem went through, or may have: until the balances are read again, a click sends nothing
   * (the second click of a double click, when the API answered the first in between). Not reactive:
   * it is set with `_outcome` and cleared in `willUpdate`, so each change of it is rendered.
   */
  #settling = false;
  /** The balances' state when the last redeem ended; `#settling` ends when they are read again. */
  #balancesAtRedeem?: ResourceState<Balances>;

  constructor() {
    super();
    this.addEventListener('keydown', ignoreHeldEnter);
  }

  /** What a click redeems, or nothing when the attributes do not say one thing clearly. */
  get #request(): RedeemRequest | undefined {
    return redeemRequestOf(this);
  }

  get #blocker(): Blocker | undefined {
    const request = this.#request;
    const { status, value } = this.#balances.state;
    if (!request) return 'not-set-up';
    if (status === 'signed-out') return 'signed-out';
    if (!value) return status === 'error' ? 'error' : 'loading';
    return exceedsBalance(request, value) ? 'over-balance' : undefined;
  }

  /**
   * Whether the blocker stops a click. Balances that failed to load stop an amount; a benefit, which
   * is not paid from them, only when the fault would stop its redeem too. Their error shows either way.
   */
  get #stopped(): boolean {
    const blocker = this.#blocker;
    if (blocker !== 'error') return blocker !== undefined;
    return blockedByBalancesError(this.#request!, this.#balances.state.error);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const balances = this.#balances.state;
    // The balances were read again since the last redeem (or failed to be): the button may redeem again.
    if (balances !== this.#balancesAtRedeem && balances.status !== 'loading') this.#settling = false;
    // Signed out, or another shopper (a new client, or the client drops the balances it had): the
    // last result (a message, a code) was not for whoever is here now. Balances that never loaded
    // drop nothing: a benefit redeemed meanwhile keeps its code while they are read again.
    const { status, value } = balances;
    const newClient = this.client !== this.#lastClient;
    const forgotten = newClient || status === 'signed-out' || (this.#hadBalances && value === undefined);
    this.#lastClient = this.client;
    this.#hadBalances = value !== undefined;
    if (forgotten && !this._sending) this._outcome = undefined;
  }

  /** `amount` as money in the balances' currency. */
  #formatAmount(amount: number) {
    return this.money(amount, this.#balances.value?.currency);
  }

  /** Once rendered, focuses the button `selector` finds (`[part=button]` or `[part=confirm]`). */
  #focusButton(selector: string) {
    this.updateComplete.then(() => this.shadowRoot!.querySelector<HTMLElement>(selector)?.focus());
  }

  /** Whether a click now may send a redeem. */
  get #usable(): boolean {
    return !this._sending && !this.#settling && !this.disabled && !this.#stopped;
  }

  #onClick(e: MouseEvent) {
    // The second click of a double click (a triple click's third) is not another redeem, however
    // fast the API answered the first one and the balances after it.
    if (e.detail > 1 || !this.#usable) return;
    this._outcome = undefined;
    if (this.confirm) {
      this._asking = true;
      this.#focusButton('[part=confirm]');
    } else {
      this.#send();
    }
  }

  #onCancel() {
    this._asking = false;
    this.#focusButton('[part=button]');
  }

  #onKeydown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.#onCancel();
  }

  async #send() {
    const request = this.#request;
    const client = this.client;
    if (this._sending) return;
    // Confirm asks for what the button allowed when it was clicked: the shopper may have signed out,
    // the balance fallen below the amount, or the page disabled the button since.
    if (!request || !client || !this.#usable) {
      this.#onCancel();
      return;
    }
    // Set before anything can yield or call back: from here on, a click sends nothing.
    this._sending = true;
    // Focus within (on Confirm, say) goes back to the button, whether or not the redeem goes ahead.
    if (this.matches(':focus-within')) this.#focusButton('[part=button]');
    this._asking = false;
    if (!this.dispatchEvent(new OmneoBeforeRedeemEvent({ ...request }))) {
      this._sending = false;
      return;
    }
    this._outcome = { text: this.words.redeeming };
    // No abort signal: once sent, a redeem may have happened, so it is never cancelled.
    try {
      const redemption = await client.redeem(request);
      this._outcome = this.#successOf(request, redemption);
      this.#settle();
      this._sending = false;
      this.dispatchEvent(new OmneoRedeemEvent({ ...request, redemption }));
    } catch (e) {
      const error = asOmneoError(e);
      this._outcome = { text: this.#failureText(error), alert: true };
      if (redeemFailureOf(error) === 'unknown') this.#settle();
      this._sending = false;
      this.dispatchEvent(new OmneoRedeemErrorEvent({ ...request, error: error.toJSON() }));
    }
  }

  /** The balance may have moved: no redeem until the client has read it again (it does after every redeem). */
  #settle() {
    this.#settling = true;
    this.#balancesAtRedeem = this.#balances.state;
  }

  #successOf(request: RedeemRequest, redemption: Redemption): Outcome {
    const w = this.words;
    if (request.amount !== undefined) return { text: fill(w.redeemed, { amount: this.#formatAmount(request.amount) }) };
    return { text: w.redeemedBenefit, code: codeOf(redemption) };
  }

  #failureText(error: OmneoError): string {
    const w = this.words;
    // No answer, or one that says nothing: it may have been redeemed. The client re-reads the balances.
    if (redeemFailureOf(error) === 'unknown') return w.unconfirmed;
    if (error.kind === 'auth' || error.kind === 'signed-out') return w.signInToRedeem;
    // The API's own words when it gave some; else ours, in the shopper's language.
    return firstFieldMessage(error) || apiMessageOf(error) || w.redeemFailed;
  }

  async #onCopy() {
    // The note goes on the outcome whose code this is: a newer outcome (a redeem since) has none.
    const outcome = this._outcome!;
    try {
      await navigator.clipboard.writeText(outcome.code!);
      outcome.copyNote = this.words.copied;
    } catch {
      // No clipboard (an insecure page, a refused permission): select the code for the shopper to copy.
      getSelection()?.selectAllChildren(this.shadowRoot!.querySelector('code')!);
      outcome.copyNote = this.words.copyFailed;
    }
    this.requestUpdate();
  }

  protected override render() {
    return html`
      ${this._asking ? this.#renderConfirmStep() : this.#renderButton()}
      <span part="message" id="message">
        ${this.#renderBlocker()}
        ${this.#renderOutcome()}
        ${this.#renderCopyButton()}
      </span>
    `;
  }

  /** The button's words: the slot's, else "Redeem $10" or "Redeem". */
  #defaultLabel() {
    const amount = this.#request?.amount;
    return amount === undefined ? this.words.redeem : fill(this.words.redeemAmount, { amount: this.#formatAmount(amount) });
  }

  #renderButton() {
    const unusable = !this.#usable;
    return html`
      <button
        part="button"
        type="button"
        aria-disabled=${unusable}
        aria-busy=${this._sending}
        aria-describedby="message"
        @click=${this.#onClick}
      >
        <slot>${this.#defaultLabel()}</slot>
      </button>
    `;
  }

  #renderConfirmStep() {
    const amount = this.#request?.amount;
    const w = this.words;
    const question = amount === undefined ? w.confirmBenefit : fill(w.confirmAmount, { amount: this.#formatAmount(amount) });
    return html`
      <span class="ask" role="group" aria-labelledby="ask" @keydown=${this.#onKeydown}>
        <span id="ask">${question}</span>
        <button part="confirm" type="button" @click=${this.#send}>${w.confirm}</button>
        <button part="cancel" type="button" @click=${this.#onCancel}>${w.cancel}</button>
      </span>
    `;
  }

  /** Why the button is disabled; while the balances load, only for screen readers. */
  #renderBlocker() {
    const w = this.words;
    switch (this.#blocker) {
      case undefined:
        return nothing;
      case 'not-set-up':
        return html`<span>${w.notSetUp}</span>`;
      case 'signed-out':
        return html`<span>${w.signInToRedeem}</span>`;
      case 'loading':
        return html`<span class="sr-only">${w.loading}</span>`;
      case 'error':
        return html`<span>${this.renderError(this.#balances.state.error!, () => this.#balances.retry())}</span>`;
      case 'over-balance': {
        // After a redeem, its result is what the message says ("Redeemed $50.00."), not that the
        // balance it left is below the amount.
        if (this._outcome) return nothing;
        const balance = this.#formatAmount(this.#balances.value!.combined_balance_dollars);
        return html`<span>${fill(w.overBalance, { amount: balance })}</span>`;
      }
    }
  }

  #renderOutcome() {
    const outcome = this._outcome;
    return html`<span role="status" aria-live=${outcome?.alert ? 'assertive' : 'polite'}>${outcome?.text}${this.#renderCode()}</span>`;
  }

  #renderCode() {
    const code = this._outcome?.code;
    if (!code) return nothing;
    return html` ${this.words.yourCode} <code>${code}</code>`;
  }

  #renderCopyButton() {
    const outcome = this._outcome;
    if (!outcome?.code) return nothing;
    return html`<button part="copy" type="button" @click=${this.#onCopy}>${outcome.copyNote || this.words.copy}</button>`;
  }
}

/** Its own events, typed: `addEventListener('omneo-load', …)` knows what `detail.data` is. */
type Events = OmneoEvents<OmneoRedeemButtonEventMap>;
export interface OmneoRedeemButton {
  addEventListener<K extends keyof Events>(
    type: K,
    listener: (this: OmneoRedeemButton, ev: Events[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof Events>(
    type: K,
    listener: (this: OmneoRedeemButton, ev: Events[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

define('omneo-redeem-button', OmneoRedeemButton);

declare global {
  interface HTMLElementTagNameMap {
    'omneo-redeem-button': OmneoRedeemButton;
  }
}
