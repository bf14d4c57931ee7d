import { html, nothing, type PropertyValues } from 'lit';
import type { Resource } from '../../api/client.js';
import { distanceToNextTier, type NextTierDistance } from '../../api/tiers.js';
import type { Tier, TierProgress } from '../../api/types.js';
import { parseApiDate } from '../../api/validate.js';
import type { OmneoEvents, OmneoTierProgressEventMap } from '../../events.js';
import { define } from '../../internal/define.js';
import { formatDate, plural, soon } from '../../internal/format.js';
import { hideBrokenImage, imageUrl } from '../../internal/image-url.js';
import { BALANCES, OmneoElement } from '../../internal/omneo-element.js';
import { fill, sentence } from '../../internal/strings.js';
import { shared } from '../../styles/shared.js';
import { styles } from './tier-progress.styles.js';

/** The unit of the program's figures: points, or dollars (shown as money). */
export type TierUnit = 'points' | 'dollars';

/** The resource of every tier widget: one request however many there are. */
const TIERS = { type: 'tiers' } as const satisfies Resource;

/** The unit to show: an unknown `unit` attribute is shown as points. */
function knownUnit(unit: string): TierUnit {
  return unit === 'dollars' ? 'dollars' : 'points';
}

/**
 * Whole percent of a fraction (0 to 1), as the bar and its `aria-valuenow` show it: rounded, but
 * 100 only when the next tier is reached (99.8% with 2 points to go is 99%).
 */
function percentOf(fraction: number): number {
  const percent = Math.round(fraction * 100);
  return fraction < 1 ? Math.min(percent, 99) : percent;
}

/**
 * The member's tier and how far the next one is: the current tier's name and image, a progress bar
 * towards the next tier, what is left to reach it, and what keeps the current tier by the next
 * anniversary. At the top tier it says so instead.
 *
 * @summary The member's tier, and the progress to the next one.
 * @tag omneo-tier-progress
 *
 * @slot signed-out - Shown instead when nobody is signed in.
 * @slot empty - Shown when the member has no tier; default "You don't have a tier yet…".
 *
 * @csspart base - The wrapper, in every state.
 * @csspart image - The current tier's image, when it has one.
 * @csspart tier - The current tier's name.
 * @csspart progress - The progress bar (`role="progressbar"`) towards the next tier.
 * @csspart remaining - The line that says what is left to reach the next tier, e.g. "200 points to Gold".
 * @csspart next - The next tier's name.
 * @csspart maintain - The line that says what keeps the current tier by the anniversary.
 * @csspart top - The line shown at the top tier, instead of the bar.
 * @csspart error - The error message and its retry button.
 *
 * @cssproperty --omneo-font - The font; default: the page's.
 * @cssproperty --omneo-color-text - The text colour; default: the page's.
 * @cssproperty --omneo-color-border - The card's border (default: the text colour at 20%).
 * @cssproperty --omneo-color-surface - The card's background (default: none).
 * @cssproperty --omneo-color-value - The tier name's and the amount's colour.
 * @cssproperty --omneo-value-weight - The tier name's and the amount's font weight (600).
 * @cssproperty --omneo-color-primary - The progress bar's fill (default: the text colour).
 * @cssproperty --omneo-color-danger - The error message's colour.
 * @cssproperty --omneo-radius - The corner radius of the card and the image.
 * @cssproperty --omneo-space - The padding and gaps (0.75em).
 * @cssproperty --omneo-image-size - The tier image's width and height (3em).
 *
 * @fires {OmneoLoadEvent<TierProgress>} omneo-load - The tier is shown; `detail.data` is the tier progress.
 * @fires {OmneoErrorEvent} omneo-error - The tier could not be loaded, or there is no provider.
 */
export class OmneoTierProgress extends OmneoElement {
  static override styles = [shared, styles];

  static override properties = {
    unit: { reflect: true },
  };

  /** `points` (default: "200 points to Gold") or `dollars` (money: "$200 to Gold"): the program's unit. */
  unit: TierUnit = 'points';

  readonly #tiers = this.follow(() => TIERS);
  /** The balances, only for the currency of money when the provider names none. */
  readonly #balances = this.follow(() => (this.#isMoney ? BALANCES : undefined), { loadData: false });

  get #isMoney(): boolean {
    return knownUnit(this.unit) === 'dollars';
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // While loading, the date formatter the keep-your-tier line needs is built in a task of its own.
    if (this.#tiers.value === undefined) {
      const { locale } = this;
      soon(() => formatDate(locale, 0));
    }
  }

  /** The next tier's name, or "the next tier" when the API gives it none. */
  #nextName(next: Tier): string {
    return next.name || this.words.unnamedNextTier;
  }

  /** An amount in the program's unit: "200 points", or money. */
  #amount(n: number): string {
    if (this.#isMoney) return this.money(n, this.#balances.value?.currency);
    return plural(this.locale, n, this.words.points);
  }

  protected override render() {
    const busy = this.#tiers.value === undefined && this.#tiers.state.status === 'loading';
    return html`
      <div part="base" aria-busy=${busy}>
        ${this.#tiers.render({
          pending: () => this.#renderLoading(),
          complete: (progress) => this.#renderProgress(progress),
          signedOut: () => this.renderSignedOut(),
          error: (error) => this.renderError(error, () => this.#tiers.retry()),
        })}
      </div>
    `;
  }

  /** The boxes of a member between two tiers (header, bar, one line), with nothing in them. */
  #renderLoading() {
    return html`
      <div class="header" aria-hidden="true">
        <span class="image skeleton"></span>
        <span class="names">
          <span class="caption skeleton">&nbsp;</span>
          <span class="name skeleton">&nbsp;</span>
        </span>
      </div>
      <div class="bar skeleton" aria-hidden="true"></div>
      <p aria-hidden="true"><span class="line skeleton">&nbsp;</span></p>
      <span class="sr-only">${this.words.loading}</span>
    `;
  }

  #renderProgress(progress: TierProgress) {
    const current = progress.current_tier;
    if (!current) return this.#renderEmpty();
    return html`
      ${this.#renderTier(current)}
      ${progress.next_tier ? this.#renderNext(progress.next_tier, distanceToNextTier(progress)) : this.#renderTop()}
      ${this.#renderMaintain(progress, current)}
    `;
  }

  #renderEmpty() {
    return html`<slot name="empty">${this.words.noTier}</slot>`;
  }

  #renderTier(current: Tier) {
    return html`
      <div class="header">
        ${this.#renderImage(current)}
        <span class="names">
          <span class="caption">${this.words.yourTier}</span>
          ${current.name ? html`<span part="tier">${current.name}</span>` : nothing}
        </span>
      </div>
    `;
  }

  #renderImage(tier: Tier) {
    const src = imageUrl(tier.image_url);
    if (!src) return nothing;
    return html`<img part="image" src=${src} alt="" @error=${hideBrokenImage} />`;
  }

  #renderTop() {
    return html`<p part="top">${this.words.topTier}</p>`;
  }

  #renderNext(next: Tier, distance: NextTierDistance) {
    return html`
      ${this.#renderBar(next, distance)}
      ${this.#renderRemaining(next, distance.remaining)}
    `;
  }

  /** The bar, when the API gives enough to place the member between the two tiers. */
  #renderBar(next: Tier, { fraction, remaining }: NextTierDistance) {
    if (fraction === undefined) return nothing;
    const w = this.words;
    const percent = String(percentOf(fraction));
    const tier = this.#nextName(next);
    const valueText =
      remaining === undefined
        ? fill(w.tierProgressText, { percent, tier })
        : fill(w.tierProgressLeft, { percent, tier, amount: this.#amount(remaining) });
    // The fill's width is set as a property (the CSSOM), which a strict Content-Security-Policy allows;
    // a `style` attribute, which `styleMap` writes on its first render, it blocks.
    return html`
      <div
        part="progress"
        role="progressbar"
        aria-label=${fill(w.tierProgressLabel, { tier })}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
        aria-valuetext=${valueText}
      >
        <div class="fill" .style=${`width: ${percent}%`}></div>
      </div>
    `;
  }

  /**
   * "200 points to Gold"; just the next tier's name when what is left cannot be known, and nothing
   * when neither can.
   */
  #renderRemaining(next: Tier, remaining: number | undefined) {
    if (remaining === undefined && !next.name) return nothing;
    const tier = html`<span part="next">${this.#nextName(next)}</span>`;
    if (remaining === undefined) return html`<p>${sentence(this.words.nextTier, { tier })}</p>`;
    const amount = html`<span class="amount">${this.#amount(remaining)}</span>`;
    return html`<p part="remaining">${sentence(this.words.toNextTier, { amount, tier })}</p>`;
  }

  /** "Earn another 120 points by 3 Mar 2027 to keep Gold", while the anniversary is ahead. */
  #renderMaintain(progress: TierProgress, current: Tier) {
    const { current_remain: remain, anniversary_at: anniversary } = progress;
    if (remain == null || !(remain > 0) || !anniversary) return nothing;
    const at = parseApiDate(anniversary);
    if (!(at > Date.now())) return nothing;
    const datetime = new Date(at).toISOString();
    return html`
      <p part="maintain">
        ${sentence(this.words.keepTier, {
          amount: html`<span class="amount">${this.#amount(remain)}</span>`,
          date: html`<time datetime=${datetime}>${formatDate(this.locale, at)}</time>`,
          tier: current.name || this.words.unnamedTier,
        })}
      </p>
    `;
  }
}

/** Its own events, typed: `addEventListener('omneo-load', …)` knows what `detail.data` is. */
type Events = OmneoEvents<OmneoTierProgressEventMap>;
export interface OmneoTierProgress {
  addEventListener<K extends keyof Events>(
    type: K,
    listener: (this: OmneoTierProgress, ev: Events[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof Events>(
    type: K,
    listener: (this: OmneoTierProgress, ev: Events[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

define('omneo-tier-progress', OmneoTierProgress);

declare global {
  interface HTMLElementTagNameMap {
    'omneo-tier-progress': OmneoTierProgress;
  }
}
