import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { OmneoClient, Resource, ResourceState } from '../api/client.js';
import type { Balances } from '../api/types.js';
import { OmneoError } from '../api/errors.js';
import { omneoContext, omneoSettingsContext, type OmneoSettings } from '../context.js';
import { OmneoErrorEvent, OmneoLoadEvent } from '../events.js';
import { formatMoney } from './format.js';
import { stringsFor, type OmneoStrings } from './strings.js';

/** How long a widget waits for a provider before it says there is none. */
export const PROVIDER_WAIT = 1000;

/** The resource of the widgets that show the balances. */
export const BALANCES = { type: 'balances' } as const satisfies Resource;

/**
 * The base of every widget: finds the provider's client, subscribes to the one resource the widget
 * shows, and fires `omneo-load` and `omneo-error`.
 */
export abstract class OmneoElement extends LitElement {
  static override properties: PropertyDeclarations = {
    strings: { attribute: false },
  };

  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: Partial<OmneoStrings>;

  protected client?: OmneoClient;
  protected settings?: OmneoSettings;
  /** The state of the resource this widget shows. */
  protected state: ResourceState<any> = { status: 'loading' };
  /** No provider answered within `PROVIDER_WAIT`. */
  private orphan = false;
  private timer?: ReturnType<typeof setTimeout>;
  private unsubscribe?: () => void;
  private subscribed?: [OmneoClient | undefined, string | undefined];
  private reported?: unknown;
  // A consumer requests an update itself before it calls back.
  private consumers = [
    new ContextConsumer(this, {
      context: omneoContext,
      subscribe: true,
      callback: (client) => {
        this.client = client;
        this.orphan = false;
      },
    }),
    new ContextConsumer(this, {
      context: omneoSettingsContext,
      subscribe: true,
      callback: (settings) => (this.settings = settings),
    }),
  ];
  /**
   * A widget that asked before any provider existed (one defined or inserted later) asks again
   * when a provider announces itself, as `ContextProvider` does when it connects.
   */
  private askAgain = () => {
    if (!this.client) for (const c of this.consumers) c.hostConnected();
  };

  /** The resource the widget shows (it is fetched and watched through the client). */
  protected abstract get resource(): Resource | undefined;

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('context-provider', this.askAgain);
    this.timer = setTimeout(() => {
      if (this.client) return;
      this.orphan = true;
      this.requestUpdate();
    }, PROVIDER_WAIT);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('context-provider', this.askAgain);
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.unsubscribe = this.subscribed = undefined;
    // The provider it had is not its provider any more: put back in the page, it asks again (a
    // provider answers at once), and with none it says so instead of using the old one's client.
    this.client = this.settings = undefined;
  }

  /** The locale: the provider's, else the nearest `lang` (out of shadow roots too), else the browser's. */
  protected get locale(): string {
    let lang: string | null | undefined;
    for (let n: Node | undefined = this; n && !lang; n = n.parentNode ?? (n as ShadowRoot).host) lang = (n as Element).getAttribute?.('lang');
    return this.settings?.locale || lang || navigator.language || 'en';
  }

  /** The currency of money: the provider's, else the balances' (`currency`), else AUD. */
  protected currencyFor(balancesCurrency?: string | null): string {
    return this.settings?.currency || balancesCurrency || 'AUD';
  }

  /** `n` as money in the locale, in the currency of money for the balances this widget shows. */
  protected money(n: number) {
    return formatMoney(this.locale, this.currencyFor((this.state.value as Balances | undefined)?.currency), n);
  }

  /** The words to show, in the locale, with this widget's `strings` on top. */
  protected get words(): OmneoStrings {
    return stringsFor(this.locale, this.strings);
  }

  /** Drops the failed load and asks again. */
  retry() {
    this.unsubscribe?.();
    this.unsubscribe = this.subscribed = undefined;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    const { client, resource } = this;
    const key = client && resource && JSON.stringify(resource);
    if (client && this.subscribed?.[0] === client && this.subscribed[1] === key) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribed = [client, key];
    if (client && resource) {
      this.unsubscribe = client.subscribe(resource, (state) => {
        this.state = state;
        this.requestUpdate();
      });
    } else if (!client) {
      this.state = this.orphan ? { status: 'error', error: new OmneoError('config', this.words.noProvider) } : { status: 'loading' };
    }
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const { status, value, error } = this.state;
    const ready = status === 'ready';
    // Once per value or error: `reported` is compared, then replaced.
    if ((ready || status === 'error') && this.reported !== (this.reported = ready ? value : error))
      this.dispatchEvent(ready ? new OmneoLoadEvent({ data: value }) : new OmneoErrorEvent({ error: error!.toJSON() }));
  }

  /** The error state: what went wrong, and a way to try again when trying again can help. */
  protected renderError(error?: OmneoError) {
    const w = this.words;
    return html`<span part="error" role="alert">${error?.kind === 'config' ? error.message : w.error}
      ${error?.kind === 'config' ? nothing : html`<button type="button" @click=${() => this.retry()}>${w.retry}</button>`}</span>`;
  }
}
