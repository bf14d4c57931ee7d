import { html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { OmneoClient, Resource } from '../../api/client.js';
import type { Balances, Benefit, Reward } from '../../api/types.js';
import { isActive, parseApiDate } from '../../api/validate.js';
import { define } from '../../internal/define.js';
import { formatDate, formatMoney, plural, soon } from '../../internal/format.js';
import { BALANCES, OmneoElement } from '../../internal/omneo-element.js';
import { fill } from '../../internal/strings.js';
import { shared } from '../../styles/shared.js';
import '../redeem-button/redeem-button.js';
import { styles } from './rewards-list.styles.js';

type Item = Reward | Benefit;

const DAY = 86_400_000;
/** Items drawn per task: a long list is drawn, and redrawn, this many at a time. */
const CHUNK = 25;

const expiry = (i: Item) => (i.expires_at ? parseApiDate(i.expires_at) : Infinity);

/** The image URL if it is an absolute http(s) URL; never `javascript:`, `data:` or the like. */
function imageUrl(u?: string | null) {
  // (Missing URLs are not given to URL(): a throw per item slows a long list.)
  try {
    return u && /^https?:$/.test(new URL(u).protocol) ? u : undefined;
  } catch {
    return undefined;
  }
}

/** The hide-on-error listener for images: one, capturing, on the list. */
const hideBroken = { handleEvent: (e: Event) => ((e.target as HTMLElement).hidden = true), capture: true };

/**
 * The shopper's rewards (dollar amounts to spend) or benefits (perks and vouchers), soonest expiry
 * first, each with its name, image, remaining value and expiry date; optionally with a redeem button.
 *
 * @summary The shopper's rewards or benefits, soonest to expire first.
 * @tag omneo-rewards-list
 *
 * @slot empty - Shown when there is nothing to list; default "No rewards yet."
 * @slot signed-out - Shown instead when nobody is signed in.
 *
 * @csspart base - The wrapper, in every state.
 * @csspart list - The list (`ul`).
 * @csspart item - One reward or benefit (`li`).
 * @csspart image - The item's image, when it has one.
 * @csspart name - The item's name.
 * @csspart value - A reward's remaining value, as money.
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
 * @fires {OmneoLoadEvent} omneo-load - The items are shown; `detail.data` is the list.
 * @fires {OmneoErrorEvent} omneo-error - The list could not be loaded, or there is no provider.
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

  /** `rewards` (default: `GET /profiles/me/rewards`) or `benefits` (`GET /profiles/me/benefits`). */
  source: 'rewards' | 'benefits' = 'rewards';
  /** The most items to show (default 50); pages are followed until then. */
  limit = 50;
  /** Also list expired or used-up items (default: only active ones). */
  includeExpired = false;
  /** Items that expire within this many days are marked "Expiring soon" (default 14). */
  expiringDays = 14;
  /** Give each item a redeem button: a reward's remaining value, or a benefit by its id. */
  redeemable = false;

  /** Items redeemed here: they stay, with their button's result, after a refresh leaves them out. */
  private kept = new Map<string, Item>();
  /** The balances' currency, for money when the provider names none. */
  private currency?: string | null;
  /** The client whose balances the list follows for their currency, and how it stops following. */
  private currencyFrom?: OmneoClient;
  private unfollow?: () => void;
  /** How many items are drawn: it grows by CHUNK a task until every item is, so no task draws many. */
  private budget = CHUNK;

  protected get resource(): Extract<Resource, { type: 'list' }> {
    return {
      type: 'list',
      source: this.source === 'benefits' ? 'benefits' : 'rewards',
      limit: this.limit > 0 ? Math.floor(this.limit) : 50,
      includeExpired: !!this.includeExpired,
    };
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    // Another source, signed out or another shopper: what was redeemed here is not to be shown.
    if (changed.has('source') || !this.state.value) this.kept.clear();
    // Money in the balances' currency when the provider names none. The list follows the shared
    // balances resource, as a balance widget does: a sign-in, a refresh or another shopper brings
    // their currency too.
    const client = this.source === 'benefits' ? undefined : this.client;
    if (client !== this.currencyFrom) {
      this.unfollow?.();
      this.currencyFrom = client;
      this.unfollow = client?.subscribe(BALANCES, (s) => {
        this.currency = (s.value as Balances | undefined)?.currency;
        this.requestUpdate();
      });
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unfollow?.();
    this.unfollow = this.currencyFrom = undefined;
  }

  private keep(e: Event) {
    const id = (e.target as HTMLElement).dataset.key;
    const item = (this.state.value as Item[] | undefined)?.find((i) => String(i.id) === id);
    if (item) this.kept.set(id!, item);
  }

  // The templates have no whitespace between tags: Lit ships it as written and keeps it as text
  // nodes. Every container here is a block or a flex box, where it is never drawn; keep the spaces
  // that are text (the redeem button's " " before its sr-only words).
  protected override render() {
    const { status, value, error } = this.state;
    // Items already drawn are updated in place; only a list drawn afresh starts small again.
    if (!value) this.budget = CHUNK;
    // Busy only until there is something to show: a refresh must not hold back the redeem
    // buttons' announcements inside the list.
    return html`<div part="base" aria-busy=${!value && status === 'loading'}>${status === 'signed-out'
      ? html`<slot name="signed-out">${this.words.signedOut}</slot>`
      : value
        ? this.renderItems(value)
        : status === 'error'
          ? this.renderError(error)
          : this.renderLoading()}</div>`;
  }

  private renderLoading() {
    // Meanwhile, build the date and money formatters, each in a task of its own: the first of each
    // costs the most, and would otherwise land in the task that draws the items.
    const { locale } = this;
    soon(() => formatDate(locale, 0));
    soon(() => formatMoney(locale, this.currencyFor(this.currency), 0));
    // As many rows as the list is likely to hold (`limit`, at most 5), each as tall as an item with
    // an image, a name, a value (benefits have none), a description and an expiry date, drawn with the
    // items' box and line boxes: the page below does not move when the items come. They have no
    // `item`, `name` or `value` part: nothing that reads the list takes them for items.
    const row = html`<li class="ghost"><span class="image skeleton"></span><span class="body"><span class="skeleton">&nbsp;</span>${this.source === 'benefits'
      ? nothing
      : html`<span class="skeleton short">&nbsp;</span>`}<span class="skeleton">&nbsp;</span><span class="meta skeleton">&nbsp;</span></span></li>`;
    return html`<ul part="list" role="list" aria-hidden="true">${Array(Math.min(this.resource.limit, 5)).fill(row)}</ul><span class="sr-only">${this.words.loading}</span>`;
  }

  private renderItems(value: Item[]) {
    const w = this.words;
    // Items redeemed here that the list no longer has: shown too, by expiry, their buttons disabled.
    const gone = new Map(this.kept);
    for (const i of value) gone.delete(String(i.id));
    const items = gone.size ? [...value, ...gone.values()].sort((a, b) => expiry(a) - expiry(b)) : value;
    if (!items.length) {
      return html`<div part="empty"><slot name="empty">${this.source === 'benefits' ? w.noBenefits : w.noRewards}</slot></div>`;
    }
    // Per-render work once, per-item work small, and at most CHUNK items drawn per task.
    const { locale, redeemable, expiringDays, kept } = this;
    const currency = this.currencyFor(this.currency);
    const now = Date.now();
    const expiringBy = now + (Number.isFinite(expiringDays) ? expiringDays : 14) * DAY;

    const item = (i: Item) => {
      const d = i.definition;
      const exp = expiry(i);
      const past = exp <= now;
      const [before, after] = (past ? w.expired : w.expires).split('{date}');
      const img = imageUrl(d.image_url);
      const reward = 'value_remaining' in i;
      const money = reward && formatMoney(locale, currency, i.value_remaining);
      const key = String(i.id);
      const usable = !gone.has(key) && isActive(i, now);
      // A benefit has no value_remaining: its button's amount is undefined. Keyed by id: an item's
      // DOM (its button and its result) is never reused for another item.
      return keyed(i.id, html`<li part="item">${img ? html`<img part="image" src=${img} alt="" loading="lazy">` : nothing}<div class="body"><span part="name">${d.name}</span>${reward
        ? html`<span part="value">${money}</span>`
        : nothing}${d.short_description ? html`<span>${d.short_description}</span>` : nothing}<span class="meta">${i.expires_at
        ? html`<span>${before}<time part="expiry" datetime=${new Date(exp).toISOString()}>${formatDate(locale, exp)}</time>${after}</span>`
        : nothing}${!past && exp <= expiringBy ? html`<span part="expiring">${w.expiringSoon}</span>` : nothing}${!reward && i.redemptions_remaining! > 1
        ? html`<span>${plural(locale, i.redemptions_remaining!, w.usesLeft)}</span>`
        : nothing}</span></div>${redeemable && (usable || kept.has(key))
        ? html`<omneo-redeem-button data-key=${key} .strings=${this.strings} .amount=${(i as Reward).value_remaining} .benefitId=${reward ? undefined : key} ?disabled=${!usable}>${reward
            ? fill(w.redeemAmount, { amount: money as string })
            : w.redeem}<span class="sr-only"> ${fill(w.redeemFor, { name: d.name })}</span></omneo-redeem-button>`
        : nothing}</li>`);
    };

    // More in a task of their own, until every item is drawn.
    if (this.budget < items.length) {
      soon(() => {
        this.budget += CHUNK;
        this.requestUpdate();
      });
    }
    const drawn = items.slice(0, this.budget).map(item);
    return html`<ul part="list" role="list" @error=${hideBroken} @omneo-redeem=${this.keep} @omneo-redeem-error=${this.keep}>${drawn}</ul>`;
  }
}

define('omneo-rewards-list', OmneoRewardsList);

declare global {
  interface HTMLElementTagNameMap {
    'omneo-rewards-list': OmneoRewardsList;
  }
}
