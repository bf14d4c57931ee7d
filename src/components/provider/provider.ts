import { LitElement, css, html, type PropertyValues } from 'lit';
import { ContextEvent, ContextProvider, type Context } from '@lit/context';
import { define } from '../../internal/define.js';
import { createOmneoClient, type OmneoClient, type ResourceState } from '../../api/client.js';
import { asOmneoError, type OmneoError } from '../../api/errors.js';
import type { TokenProvider } from '../../api/types.js';
import { omneoContext, omneoSettingsContext, type OmneoSettings } from '../../context.js';

/** The properties that are the client's options. */
const OPTIONS = [
  'tenant',
  'baseUrl',
  'tokenUrl',
  'token',
  'tokenProvider',
  'shopifyCustomerId',
  'shopifySignature',
  'shopper',
] as const;

/**
 * Gives the Omneo widgets inside it one shared API client: one shopper token, one request per
 * resource, and one cache that a redeem refreshes everywhere at once.
 *
 * @summary The API client for the Omneo widgets inside it (or, with `global`, on the whole page).
 * @tag omneo-provider
 * @slot - The widgets, anywhere in the page's markup.
 */
export class OmneoProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    tenant: {},
    baseUrl: { attribute: 'base-url' },
    tokenUrl: { attribute: 'token-url' },
    token: {},
    tokenProvider: { attribute: false },
    shopifyCustomerId: { attribute: 'shopify-customer-id' },
    shopifySignature: { attribute: 'shopify-signature' },
    shopper: {},
    locale: {},
    currency: {},
    global: { type: Boolean },
    client: { attribute: false },
  };

  /** The Omneo tenant: the ID API base becomes `https://api.{tenant}.getomneo.com/id/api/v1`. */
  tenant?: string;
  /** The ID API base URL in full; wins over `tenant`. */
  baseUrl?: string;
  /** The host site's own endpoint that mints the shopper token (`POST`, same-origin credentials). */
  tokenUrl?: string;
  /**
   * A shopper token already in the page (server-rendered). It serves first; with `token-url` or
   * `tokenProvider` too, they renew it when it falls due or the API refuses it.
   */
  token?: string;
  /** For frameworks: a function that resolves to a token, `{token, exp}`, or `null` when signed out. */
  tokenProvider?: TokenProvider;
  /**
   * A Shopify store's signed-in customer, from the theme's Liquid (`{{ customer.id }}`); empty for
   * a guest, who is signed out with nothing requested. Without `token`, `token-url` or
   * `tokenProvider`, the token comes from Omneo's Shopify endpoint. Declares the shopper too.
   */
  shopifyCustomerId?: string;
  /** `{{ customer.id | hmac_sha256: shop.metafields.omneo.id_secret }}`, with `shopify-customer-id`. */
  shopifySignature?: string;
  /**
   * The signed-in shopper's id as the store's server knows it; empty when nobody is signed in.
   * With it, the token and the last answers are kept in `sessionStorage` for this shopper's next page.
   */
  shopper?: string;
  /** BCP 47 tag for numbers, money, dates and words; default: the nearest `lang`, then the browser's. */
  locale?: string;
  /**
   * ISO 4217 code; default: the `currency` of the balances, then `AUD`. Set it for a store outside
   * Australia: money is shown in `AUD` until the balances arrive, and for good when they carry no
   * currency (older API versions) or cannot be read.
   */
  currency?: string;
  /** Also serve every widget on the page that has no nearer provider. */
  global = false;
  /** An `OmneoClient` to use instead of building one (tests, frameworks). */
  client?: OmneoClient;

  /** The client's provider and the settings'. */
  readonly #providers = [
    new ContextProvider(this, { context: omneoContext }),
    new ContextProvider(this, { context: omneoSettingsContext }),
  ] as const;

  /** The client the widgets use: `client` if given, else one built from the attributes. */
  get currentClient(): OmneoClient | undefined {
    return this.#providers[0].value;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#listenGlobally(this.global);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#listenGlobally(false);
  }

  /** Fetches everything again, e.g. after the shopper signs in or out without a page load. */
  refresh() {
    // The token too: the shopper it was for may have signed out, and another in.
    this.currentClient?.invalidate({ token: true });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // The first update builds one whatever is set: with no option at all, its error says what is missing.
    if (!this.hasUpdated || [...OPTIONS, 'client' as const].some((k) => changed.has(k))) {
      // A new client, never a changed one: its cache and token belong to one shopper and one tenant.
      this.#providers[0].setValue(this.client ?? this.#build());
    }
    if (changed.has('locale') || changed.has('currency')) {
      this.#providers[1].setValue({ locale: this.locale, currency: this.currency } satisfies OmneoSettings);
    }
    if (changed.has('global') && this.isConnected) this.#listenGlobally(this.global);
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #build(): OmneoClient {
    try {
      return createOmneoClient(Object.fromEntries(OPTIONS.map((k) => [k, this[k]])));
    } catch (e) {
      return failing(asOmneoError(e));
    }
  }

  #listening = false;

  #listenGlobally(on: boolean) {
    if (on === this.#listening) return;
    this.#listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('context-request', this.#onPageRequest);
    document[method]('context-provider', this.#onPageProvider);
    // Announce this provider again, so widgets that asked before it served the page ask again.
    if (on) for (const p of this.#providers) p.hostConnected();
  }

  /** A request that reached the document found no nearer provider: answer it. */
  #onPageRequest = (event: Event) => {
    const e = event as ContextEvent<Context<unknown, unknown>>;
    if (e.context !== omneoContext && e.context !== omneoSettingsContext) return;
    e.stopPropagation();
    this.dispatchEvent(new ContextEvent(e.context, e.contextTarget ?? (e.composedPath()[0] as Element), e.callback, e.subscribe));
  };

  /** Another provider appeared: the widgets it is nearer to move to it. */
  #onPageProvider = (event: Event) => {
    // @lit/context declares the event's type in HTMLElementEventMap.
    const e = event as HTMLElementEventMap['context-provider'];
    for (const p of this.#providers) p.onProviderRequest(e);
  };
}

/** A client for a provider that cannot build one: every widget shows what is missing. */
function failing(error: OmneoError): OmneoClient {
  const state: ResourceState<never> = { status: 'error', error };
  return {
    get: () => Promise.reject(error),
    subscribe: (_, listener) => (listener(state), () => {}),
    redeem: () => Promise.reject(error),
    invalidate: () => {},
  };
}

define('omneo-provider', OmneoProvider);

declare global {
  interface HTMLElementTagNameMap {
    'omneo-provider': OmneoProvider;
  }
}
