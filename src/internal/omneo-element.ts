import { LitElement, html, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { OmneoClient, Resource } from '../api/client.js';
import { OmneoError } from '../api/errors.js';
import { omneoContext, omneoSettingsContext, type OmneoSettings } from '../context.js';
import { formatMoney } from './format.js';
import { ResourceController, type ResourceControllerOptions } from './resource-controller.js';
import { stringsFor, type OmneoStrings } from './strings.js';

/** How long a widget waits for a provider before it says there is none. */
export const PROVIDER_WAIT = 1000;

/** The resource of the widgets that show the balances. */
export const BALANCES = { type: 'balances' } as const satisfies Resource;

/**
 * The base of every widget: finds the provider's client and settings, and gives its subclasses
 * the locale, the words and the states every widget draws alike (signed out, error).
 */
export abstract class OmneoElement extends LitElement {
  static override properties: PropertyDeclarations = {
    strings: { attribute: false },
  };

  /** Replaces any of the words the widget shows, e.g. `{signedOut: 'Log in for points'}`. */
  strings?: Partial<OmneoStrings>;

  #client?: OmneoClient;
  #settings?: OmneoSettings;
  /** No provider answered within `PROVIDER_WAIT`: the error that says so, made once so it is reported once. */
  #noProvider?: OmneoError;
  #orphanTimer?: ReturnType<typeof setTimeout>;

  // A consumer requests an update of the host itself when its value changes.
  #consumers = [
    new ContextConsumer(this, {
      context: omneoContext,
      subscribe: true,
      callback: (client) => {
        this.#client = client;
        this.#noProvider = undefined;
      },
    }),
    new ContextConsumer(this, {
      context: omneoSettingsContext,
      subscribe: true,
      callback: (settings) => {
        this.#settings = settings;
      },
    }),
  ];

  /**
   * A widget that asked before any provider existed (one defined or inserted later) asks again
   * when a provider announces itself, as `ContextProvider` does when it connects.
   */
  #askAgain = () => {
    if (this.#client) return;
    for (const consumer of this.#consumers) consumer.hostConnected();
  };

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('context-provider', this.#askAgain);
    this.#orphanTimer = setTimeout(() => {
      if (this.#client) return;
      this.#noProvider = new OmneoError('config', this.words.noProvider);
      this.requestUpdate();
    }, PROVIDER_WAIT);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('context-provider', this.#askAgain);
    clearTimeout(this.#orphanTimer);
    // The provider it had is not its provider any more: put back in the page, it asks again (a
    // provider answers at once), and with none it says so instead of using the old one's client.
    this.#client = this.#settings = undefined;
  }

  /** The provider's client, once a provider has answered. */
  protected get client(): OmneoClient | undefined {
    return this.#client;
  }

  /** The client in use; the error that there is no provider; or nothing while one may still come. */
  #clientOrMissing(): OmneoClient | OmneoError | undefined {
    return this.#client ?? this.#noProvider;
  }

  /** A controller that follows `resource` through the provider's client (see `ResourceController`). */
  protected follow<R extends Resource>(
    resource: () => R | undefined,
    options: Pick<ResourceControllerOptions<R>, 'loadData'> = {},
  ): ResourceController<R> {
    return new ResourceController(this, {
      ...options,
      resource,
      client: () => this.#clientOrMissing(),
      silent: () => this.#insideAnotherWidget(),
    });
  }

  /**
   * Whether this widget is part of another one (a list's redeem buttons): its `omneo-load` and
   * `omneo-error` would reach the page as that widget's, even a capturing listener's, so it fires none.
   */
  #insideAnotherWidget(): boolean {
    const root = this.getRootNode();
    return root instanceof ShadowRoot && root.host instanceof OmneoElement;
  }

  /** The locale: the provider's, else the nearest `lang` (out of shadow roots too), else the browser's. */
  protected get locale(): string {
    return this.#settings?.locale || nearestLang(this) || navigator.language || 'en';
  }

  /** The currency of money: the provider's, else the balances' (`currency`), else AUD. */
  protected currencyFor(balancesCurrency?: string | null): string {
    return this.#settings?.currency || balancesCurrency || 'AUD';
  }

  /** `n` as money in the locale, in the currency of money for `balancesCurrency`. */
  protected money(n: number, balancesCurrency?: string | null): string {
    return formatMoney(this.locale, this.currencyFor(balancesCurrency), n);
  }

  /** The words to show, in the locale, with this widget's `strings` on top. */
  protected get words(): OmneoStrings {
    return stringsFor(this.locale, this.strings);
  }

  /** The signed-out state: the `signed-out` slot, with default words. */
  protected renderSignedOut() {
    return html`<slot name="signed-out">${this.words.signedOut}</slot>`;
  }

  /** The error state: what went wrong, and a way to try again when trying again can help. */
  protected renderError(error: OmneoError, retry: () => void) {
    if (error.kind === 'config') {
      return html`<span part="error" role="alert">${error.message}</span>`;
    }
    // On one line: a widget may be inline in a sentence, where the template's newlines would show
    // as spaces around the message.
    const button = html`<button type="button" @click=${retry}>${this.words.retry}</button>`;
    return html`<span part="error" role="alert">${this.words.error} ${button}</span>`;
  }
}

/** The `lang` of the nearest element that has one, looking out of shadow roots too. */
function nearestLang(from: Node): string | undefined {
  for (let node: Node | null = from; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return lang;
  }
  return undefined;
}
