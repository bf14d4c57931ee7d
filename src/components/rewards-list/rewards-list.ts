import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Resource } from '../../api/client.js';
import type { ListSource, ListValue, RedeemRequest } from '../../api/types.js';
import { expiryOf, isActive } from '../../api/validate.js';
import type { OmneoEvents, OmneoRewardsListEventMap } from '../../events.js';
import { define } from '../../internal/define.js';
import { formatDate, plural, soon } from '../../internal/format.js';
import { hideBrokenImage, imageUrl } from '../../internal/image-url.js';
import { BALANCES, OmneoElement } from '../../internal/omneo-element.js';
import { fill, sentence } from '../../internal/strings.js';
import { shared } from '../../styles/shared.js';
import '../redeem-button/redeem-button.js';
import { styles } from './rewards-list.styles.js';

const DAY = 86_400_000;
/** Items drawn per task: a long list is drawn, and redrawn, this many at a time. */
const CHUNK = 25;
const DEFAULT_LIMIT = 50;
const DEFAULT_EXPIRING_DAYS = 14;
/** The most loading rows drawn while the list loads. */
const LOADING_ROWS = 5;

/** One item as the list draws it, whatever its source. */
interface ItemView {
  key: string;
  name: string;
  image?: string;
  description?: string;
  /** The value shown: a reward's remaining money, or the points left in a lot. */
  value?: string;
  /** Epoch ms; `Infinity` when it never expires. */
  expiresAt: number;
  /** A benefit's redemptions left, when more than one. */
  usesLeft?: number;
  /** Still usable: a reward to spend, a benefit to redeem, points to use. */
  active: boolean;
  /** What its redeem button redeems; lots of points have none. */
  redeem?: RedeemRequest;
  /** Redeemed here, and no longer in the list: drawn with its button's result, the button disabled. */
  gone?: boolean;
}

/**
 * The shopper's rewards (dollar amounts to spend), benefits (perks and vouchers) or lots of points,
 * soonest expiry first, each with its name, image, remaining value and expiry date; optionally with
 * a redeem button.
 *
 * @summary The shopper's rewards, benefits or points, soonest to expire first.
 * @tag omneo-rewards-list
 *
 * @slot empty - Shown when there is nothing to list; default "No rewards yet."
 * @slot signed-out - Shown instead when nobody is signed in.
 *
 * @csspart base - The wrapper, in every state.
 * @csspart list - The list (`ul`).
 * @csspart item - One reward, benefit or lot of points (`li`).
 * @csspart image - The item's image, when it has one.
 * @csspart name - The item's name.
 * @csspart value - A reward's remaining value, as money; a lot's points left.
 * @csspart expiry - The expiry date (`time`).
 * @csspart expiring - The "Expiring soon" mark.
 * @csspart empty - The wrapper of the `empty` slot.
 * @csspart error - The error message and its retry button.
 *
 * @cssproperty --omneo-font - The font; default: the page's.
 * @cssproperty --omneo-color-text - The text colour; default: the page's.
 * @cssproperty --omneo-color-border - The items' border (default: the text colour at 20%).
 * @cssproperty --omneo-color-surface - The items' background (default: none).
 * @cssproperty --omneo-color-value - The value's colour.
 * @cssproperty --omneo-value-weight - The value's font weight (600).
 * @cssproperty --omneo-color-warning - The "Expiring soon" mark's colour.
 * @cssproperty --omneo-color-danger - The error message's colour.
 * @cssproperty --omneo-color-primary - The redeem buttons' background.
 * @cssproperty --omneo-color-on-primary - The redeem buttons' text colour.
 * @cssproperty --omneo-radius - The corner radius of items, images and buttons.
 * @cssproperty --omneo-space - The padding and gaps (0.75em).
 * @cssproperty --omneo-image-size - The images' width and height (3.5em).
 *
 * @fires {OmneoLoadEvent<RewardsListItem[]>} omneo-load - The items are shown; `detail.data` is the list's items.
 * @fires {OmneoErrorEvent} omneo-error - The list could not be loaded, or there is no provider.
 * @fires {OmneoBeforeRedeemEvent} omneo-before-redeem - From a redeem button of the list (`redeemable`): a redeem is about to be sent; `preventDefault()` stops it.
 * @fires {OmneoRedeemEvent} omneo-redeem - From a redeem button of the list: the API confirmed the redeem.
 * @fires {OmneoRedeemErrorEvent} omneo-redeem-error - From a redeem button of the list: the API refused the redeem, or it could not be confirmed.
 */
export class OmneoRewardsList extends OmneoElement {
  static override styles = [shared, styles];

  static override properties = {
    source: { reflect: true },
    limit: { type: Number },
    includeExpired: { type: Boolean, attribute: 'include-expired' },
    expiringDays: { type: Number, attribute: 'expiring-days' },
    redeemable: { type: Boolean },
  };

  /**
   * `rewards` (default: `GET /profiles/me/rewards`), `benefits` (`GET /profiles/me/benefits`) or
   * `points` (`GET /profiles/me/points`: lots of points, each with what is left of it).
   */
  source: ListSource = 'rewards';
  /** The most items to show (default 50, also for a value below 1); pages are followed until then. */
  limit = DEFAULT_LIMIT;
  /** Also list expired or used-up items (default: only active ones). */
  includeExpired = false;
  /** Items that expire within this many days are marked "Expiring soon" (default 14). */
  expiringDays = DEFAULT_EXPIRING_DAYS;
  /** Give each item a redeem button: a reward's remaining value, or a benefit by its id (not for points). */
  redeemable = false;

  readonly #list = this.follow(() => this.#resource, { loadData: (value) => value.items });
  /** The balances, only for the currency of a reward's money when the provider names none. */
  readonly #balances = this.follow(() => (this.#knownSource === 'rewards' ? BALANCES : undefined), { loadData: false });

  /** Items redeemed here: they stay, with their button's result, after a refresh leaves them out. */
  #kept = new Map<string, ItemView>();
  /** How many items are drawn: it grows by CHUNK a task until every item is, so no task draws many. */
  #drawn = CHUNK;
  /** The views last made, and what they were made from (see `#viewsOf`). */
  #views?: { inputs: readonly unknown[]; views: ItemView[] };

  /** The source asked for; an unknown `source` attribute lists rewards. */
  get #knownSource(): ListSource {
    return this.source === 'benefits' || this.source === 'points' ? this.source : 'rewards';
  }

  get #resource(): Extract<Resource, { type: 'list' }> {
    return {
      type: 'list',
      source: this.#knownSource,
      limit: this.limit >= 1 ? Math.floor(this.limit) : DEFAULT_LIMIT,
      includeExpired: this.includeExpired,
    };
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const loaded = this.#list.value !== undefined;
    // Another source, signed out or another shopper: what was redeemed here is not to be shown.
    if (changed.has('source') || !loaded) this.#kept.clear();
    // Items already drawn are updated in place; only a list drawn afresh starts small again.
    if (!loaded) {
      this.#drawn = CHUNK;
      this.#warmFormatters();
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    if (this.#drawn < this.#viewsCount) {
      // More in a task of their own, until every item is drawn.
      soon(() => {
        this.#drawn += CHUNK;
        this.requestUpdate();
      });
    }
  }

  /**
   * While the list loads, the date and money formatters are built, each in a task of its own: the
   * first of each costs the most, and would otherwise land in the task that draws the items.
   */
  #warmFormatters() {
    const { locale } = this;
    soon(() => formatDate(locale, 0));
    soon(() => this.money(0, this.#balances.value?.currency));
  }

  get #viewsCount(): number {
    return (this.#list.value?.items.length ?? 0) + this.#kept.size;
  }

  /**
   * The items of `list` as drawn, with the ones redeemed here that the list no longer has. Made
   * once per list, currency, locale and words: a long list is drawn in many updates.
   */
  #viewsOf(list: ListValue): ItemView[] {
    const inputs = [list, this.#balances.value?.currency, this.locale, this.strings, this.#kept.size] as const;
    const memo = this.#views;
    if (memo && inputs.every((input, i) => memo.inputs[i] === input)) return memo.views;
    const views = this.#allViewsOf(list);
    this.#views = { inputs, views };
    return views;
  }

  #allViewsOf(list: ListValue): ItemView[] {
    const views = this.#itemViews(list, Date.now());
    if (!this.#kept.size) return views;
    const gone = new Map(this.#kept);
    for (const view of views) gone.delete(view.key);
    const goneViews = [...gone.values()].map((view) => ({ ...view, gone: true }));
    return [...views, ...goneViews].sort((a, b) => a.expiresAt - b.expiresAt);
  }

  /** What is drawn of each item: read as what the list's source says it is, never by its fields. */
  #itemViews(list: ListValue, now: number): ItemView[] {
    const w = this.words;
    switch (list.source) {
      case 'rewards': {
        const currency = this.#balances.value?.currency;
        return list.items.map((reward) => ({
          key: String(reward.id),
          name: reward.definition.name,
          image: imageUrl(reward.definition.image_url),
          description: reward.definition.short_description ?? undefined,
          value: this.money(reward.value_remaining, currency),
          expiresAt: expiryOf(reward),
          active: isActive('rewards', reward, now),
          redeem: { amount: reward.value_remaining },
        }));
      }
      case 'benefits':
        return list.items.map((benefit) => ({
          key: String(benefit.id),
          name: benefit.definition.name,
          image: imageUrl(benefit.definition.image_url),
          description: benefit.definition.short_description ?? undefined,
          expiresAt: expiryOf(benefit),
          usesLeft: benefit.redemptions_remaining ?? undefined,
          active: isActive('benefits', benefit, now),
          redeem: { benefitId: String(benefit.id) },
        }));
      case 'points':
        return list.items.map((lot) => {
          const definitionName = lot.definition?.name;
          return {
            key: String(lot.id),
            name: definitionName || lot.description || w.pointsLot,
            description: definitionName && lot.description ? lot.description : undefined,
            value: plural(this.locale, lot.value_remaining, w.points),
            expiresAt: expiryOf(lot),
            active: isActive('points', lot, now),
          };
        });
    }
  }

  /**
   * A redeem is about to be sent: its item is kept from now on, unless the page cancels it. A kept
   * item stays drawn after a refresh leaves it out, so its button can show the result (a code).
   */
  #onBeforeRedeem(e: Event) {
    const key = (e.target as HTMLElement).dataset.key;
    // The views last drawn have the button's item; one already gone stays gone.
    const view = this.#views?.views.find((v) => v.key === key);
    if (!view) return;
    this.#kept.set(view.key, view);
    // Listeners further up the page may still cancel it; by the next microtask they all have run.
    queueMicrotask(() => {
      if (!e.defaultPrevented) return;
      this.#kept.delete(view.key);
      this.requestUpdate();
    });
  }

  protected override render() {
    // Busy only until there is something to show: a refresh must not hold back the redeem
    // buttons' announcements inside the list.
    const busy = this.#list.value === undefined && this.#list.state.status === 'loading';
    return html`
      <div part="base" aria-busy=${busy}>
        ${this.#list.render({
          pending: () => this.#renderLoading(),
          complete: (list) => this.#renderList(list),
          signedOut: () => this.renderSignedOut(),
          error: (error) => this.renderError(error, () => this.#list.retry()),
        })}
      </div>
    `;
  }

  /**
   * As many rows as the list is likely to hold, each as tall as an item, drawn with the items' box
   * and line boxes: the page below does not move when the items come. They have no `item`, `name`
   * or `value` part: nothing that reads the list takes them for items.
   */
  #renderLoading() {
    const rows = Array.from({ length: Math.min(this.#resource.limit, LOADING_ROWS) }, () => this.#renderLoadingRow());
    return html`
      <ul part="list" role="list" aria-hidden="true">
        ${rows}
      </ul>
      <span class="sr-only">${this.words.loading}</span>
    `;
  }

  #renderLoadingRow() {
    // An image, a name, a value (benefits have none), a description and an expiry date.
    return html`
      <li class="loading-row">
        <span class="image skeleton"></span>
        <span class="body">
          <span class="skeleton">&nbsp;</span>
          ${this.#knownSource === 'benefits' ? nothing : html`<span class="skeleton short">&nbsp;</span>`}
          <span class="skeleton">&nbsp;</span>
          <span class="meta skeleton">&nbsp;</span>
        </span>
      </li>
    `;
  }

  #renderList(list: ListValue) {
    const views = this.#viewsOf(list);
    if (!views.length) return this.#renderEmpty();
    const drawn = views.slice(0, this.#drawn);
    return html`
      <ul
        part="list"
        role="list"
        @error=${hideBrokenImage}
        @omneo-before-redeem=${this.#onBeforeRedeem}
      >
        ${repeat(
          drawn,
          (view) => view.key,
          (view) => this.#renderItem(view),
        )}
      </ul>
    `;
  }

  #renderEmpty() {
    const w = this.words;
    const words = { rewards: w.noRewards, benefits: w.noBenefits, points: w.noPoints };
    return html`
      <div part="empty">
        <slot name="empty">${words[this.#knownSource]}</slot>
      </div>
    `;
  }

  #renderItem(view: ItemView) {
    return html`
      <li part="item">
        ${this.#renderImage(view)}
        <div class="body">
          <span part="name">${view.name}</span>
          ${view.value === undefined ? nothing : html`<span part="value">${view.value}</span>`}
          ${view.description ? html`<span>${view.description}</span>` : nothing}
          <span class="meta">
            ${this.#renderExpiry(view)}
            ${this.#renderExpiringMark(view)}
            ${this.#renderUsesLeft(view)}
          </span>
        </div>
        ${this.#renderRedeemButton(view)}
      </li>
    `;
  }

  #renderImage(view: ItemView) {
    if (!view.image) return nothing;
    return html`<img part="image" src=${view.image} alt="" loading="lazy" />`;
  }

  #renderExpiry(view: ItemView) {
    if (view.expiresAt === Infinity) return nothing;
    const past = view.expiresAt <= Date.now();
    const datetime = new Date(view.expiresAt).toISOString();
    const date = html`<time part="expiry" datetime=${datetime}>${formatDate(this.locale, view.expiresAt)}</time>`;
    return html`<span>${sentence(past ? this.words.expired : this.words.expires, { date })}</span>`;
  }

  #renderExpiringMark(view: ItemView) {
    const now = Date.now();
    const days = Number.isFinite(this.expiringDays) ? this.expiringDays : DEFAULT_EXPIRING_DAYS;
    const soonEnough = view.expiresAt > now && view.expiresAt <= now + days * DAY;
    // Something used up is not about to be lost.
    if (!soonEnough || !view.active) return nothing;
    return html`<span part="expiring">${this.words.expiringSoon}</span>`;
  }

  #renderUsesLeft(view: ItemView) {
    if (view.usesLeft === undefined || view.usesLeft <= 1) return nothing;
    return html`<span>${plural(this.locale, view.usesLeft, this.words.usesLeft)}</span>`;
  }

  /** A redeem button for a usable item, or a disabled one for an item redeemed here that is gone. */
  #renderRedeemButton(view: ItemView) {
    const kept = this.#kept.has(view.key);
    if (!this.redeemable || !view.redeem || !(view.active || kept)) return nothing;
    const w = this.words;
    const label = view.redeem.amount === undefined ? w.redeem : fill(w.redeemAmount, { amount: view.value ?? '' });
    return html`
      <omneo-redeem-button
        data-key=${view.key}
        .strings=${this.strings}
        amount=${view.redeem.amount ?? nothing}
        benefit-id=${view.redeem.benefitId ?? nothing}
        ?disabled=${!view.active || view.gone === true}
        >${label}<span class="sr-only"> ${fill(w.redeemFor, { name: view.name })}</span></omneo-redeem-button
      >
    `;
  }
}

/** Its own events, typed: `addEventListener('omneo-load', …)` knows what `detail.data` is. */
type Events = OmneoEvents<OmneoRewardsListEventMap>;
export interface OmneoRewardsList {
  addEventListener<K extends keyof Events>(
    type: K,
    listener: (this: OmneoRewardsList, ev: Events[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof Events>(
    type: K,
    listener: (this: OmneoRewardsList, ev: Events[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

define('omneo-rewards-list', OmneoRewardsList);

declare global {
  interface HTMLElementTagNameMap {
    'omneo-rewards-list': OmneoRewardsList;
  }
}
