import { html, nothing, type PropertyValues } from 'lit';
import { OmneoError } from '../../api/errors.js';
import type { Balances, Benefit, RedeemRequest } from '../../api/types.js';
import { OmneoBeforeRedeemEvent, OmneoRedeemErrorEvent, OmneoRedeemEvent, type OmneoRedeemTarget } from '../../events.js';
import { define } from '../../internal/define.js';
import { BALANCES, OmneoElement } from '../../internal/omneo-element.js';
import { fill } from '../../internal/strings.js';
import { shared } from '../../styles/shared.js';
import { styles } from './redeem-button.styles.js';

/** What the message part says after a click: progress, success (with a benefit's code) or failure. */
interface Result {
  text: string;
  alert?: boolean;
  code?: string;
  /** What the copy button says once clicked: copied, or selected for the shopper to copy. */
  note?: string;
}

/**
 * Redeems a dollar amount from the shopper's balance, or one benefit by its id. Never sends twice
 * by itself: a click while a redeem is in flight sends nothing, and an outcome it cannot confirm is
 * reported, not retried.
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
 * @csspart error - The balances could not be loaded (inside `message`), with a retry button.
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
 * @fires {OmneoLoadEvent} omneo-load - The balances are known.
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
    asking: { attribute: false },
    sending: { attribute: false },
    outcome: { attribute: false },
  };

  /** Redeem this many dollars: `POST /profiles/me/redeem {"amount": n}`. */
  amount?: number;
  /** Redeem this benefit: `POST /profiles/me/benefits/{id}/redeem`. */
  benefitId?: string;
  /** Ask "Redeem $10?" with Confirm / Cancel before sending. */
  confirm = false;
  /** Disables the button whatever the balance (e.g. for an item already redeemed). */
  disabled = false;

  private asking?: boolean;
  private sending = false;
  private outcome?: Result;

  protected get resource() {
    return BALANCES;
  }

  /** What a click redeems, or nothing when the attributes do not say one thing clearly. */
  private get redeemTarget(): OmneoRedeemTarget | undefined {
    const { amount, benefitId } = this;
    if (benefitId) return amount == null ? { benefitId: String(benefitId) } : undefined;
    return amount! > 0 && Number.isFinite(amount) ? { amount } : undefined;
  }

  /** Why the button cannot be used now, if it cannot. */
  private get whyDisabled() {
    const { status, value, error } = this.state;
    if (!this.redeemTarget) return this.words.notSetUp;
    if (status === 'signed-out') return this.words.signInToRedeem;
    if (!value) return status === 'error' ? this.renderError(error) : this.words.loading;
    const balance = (value as Balances).combined_balance_dollars;
    return this.amount! > balance ? fill(this.words.overBalance, { amount: this.money(balance) }) : undefined;
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    // Signed out, or another shopper: the last result (a message, a code) was not for whoever is here now.
    if (!this.state.value && !this.sending) this.outcome = undefined;
  }

  /** Once rendered, focuses the button `selector` finds (`[part=button]` or `[part=confirm]`). */
  private focusButton(selector: string) {
    this.updateComplete.then(() => this.shadowRoot!.querySelector<HTMLElement>(selector)?.focus());
  }

  private onClick() {
    if (this.sending || this.disabled || this.whyDisabled) return;
    this.outcome = undefined;
    if (!this.confirm) return void this.send();
    this.asking = true;
    this.focusButton('[part=confirm]');
  }

  private onCancel() {
    this.asking = false;
    this.focusButton('[part=button]');
  }

  private onKey(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.onCancel();
  }

  private async send() {
    const { redeemTarget: target, client } = this;
    if (this.sending || !target || !client) return;
    // Set before anything can yield or call back: from here on, a click sends nothing.
    this.sending = true;
    // Focus within (on Confirm, say) goes back to the button, whether or not the redeem goes ahead.
    if (this.matches(':focus-within')) this.focusButton('[part=button]');
    this.asking = false;
    if (!this.dispatchEvent(new OmneoBeforeRedeemEvent({ ...target }))) return void (this.sending = false);
    const w = this.words;
    this.outcome = { text: w.redeeming };
    // No abort signal: once sent, a redeem may have happened, so it is never cancelled.
    try {
      const redemption = await client.redeem(target as RedeemRequest);
      const { redeem_code_online: online, redeem_code_pos: pos } = redemption as Benefit;
      this.outcome = {
        text: target.amount ? fill(w.redeemed, { amount: this.money(target.amount) }) : w.redeemedBenefit,
        code: (target.benefitId && (online || pos)) || undefined,
      };
      this.sending = false;
      this.dispatchEvent(new OmneoRedeemEvent({ ...target, redemption }));
    } catch (e) {
      const error = e instanceof OmneoError ? e : new OmneoError('invalid-response', String(e), { cause: e });
      const { kind, status = 500 } = error;
      // No answer, or one that says nothing: it may have been redeemed. The client re-reads the balances.
      const unknown = kind === 'network' || kind === 'invalid-response' || (kind === 'http' && status >= 500);
      const text = unknown
        ? w.unconfirmed
        : kind === 'auth' || kind === 'signed-out'
          ? w.signInToRedeem
          : Object.values(error.errors ?? {})[0]?.[0] || error.message || w.redeemFailed;
      this.outcome = { text, alert: true };
      this.sending = false;
      this.dispatchEvent(new OmneoRedeemErrorEvent({ ...target, error: error.toJSON() }));
    }
  }

  private async onCopy() {
    // The note goes on the result whose code this is: a newer result (a redeem since) has none.
    const r = this.outcome!;
    try {
      await navigator.clipboard.writeText(r.code!);
      r.note = this.words.copied;
    } catch {
      // No clipboard (an insecure page, a refused permission): select the code for the shopper to copy.
      getSelection()?.selectAllChildren(this.shadowRoot!.querySelector('code')!);
      r.note = this.words.copyFailed;
    }
    this.requestUpdate();
  }

  protected override render() {
    const w = this.words;
    const { redeemTarget: target, whyDisabled: reason, outcome: r, sending } = this;
    const amount = target?.amount && this.money(target.amount);
    // Whitespace in these templates is shipped as written: no indentation between tags, and where
    // there was text (the confirm step, around the slot), one space. Line breaks are inside ${}.
    return html`${
      this.asking
        ? html`<span class="ask" role="group" aria-labelledby="ask" @keydown=${this.onKey}><span id="ask">${
            amount ? fill(w.confirmAmount, { amount }) : w.confirmBenefit
          }</span> <button part="confirm" type="button" @click=${this.send}>${w.confirm}</button> <button part="cancel" type="button" @click=${
            this.onCancel
          }>${w.cancel}</button></span>`
        : html`<button part="button" type="button" aria-disabled=${sending || this.disabled || !!reason} aria-busy=${sending} aria-describedby="message" @click=${
            this.onClick
          }> <slot>${amount ? fill(w.redeemAmount, { amount }) : w.redeem}</slot> </button>`
    }<span part="message" id="message">${
      reason ? html`<span class=${this.state.status === 'loading' && target ? 'sr-only' : ''}>${reason}</span>` : nothing
    }<span role="status" aria-live=${r?.alert ? 'assertive' : 'polite'}>${r?.text}${
      r?.code ? html` ${w.yourCode} <code>${r.code}</code>` : nothing
    }</span>${
      r?.code ? html`<button part="copy" type="button" @click=${this.onCopy}>${r.note || w.copy}</button>` : nothing
    }</span>`;
  }
}

define('omneo-redeem-button', OmneoRedeemButton);

declare global {
  interface HTMLElementTagNameMap {
    'omneo-redeem-button': OmneoRedeemButton;
  }
}
