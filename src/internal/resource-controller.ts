import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OmneoClient, Resource, ResourceState, ResourceValue } from '../api/client.js';
import type { OmneoError } from '../api/errors.js';
import { OmneoErrorEvent, OmneoLoadEvent } from '../events.js';

/** Where a widget's client comes from: a client, the error that there is none, or nothing yet. */
export type ClientSource = () => OmneoClient | OmneoError | undefined;

export interface ResourceControllerOptions<R extends Resource> {
  /**
   * The resource to follow; read before every update, so it may depend on the host's properties.
   * `undefined`: follow nothing for now.
   */
  resource: () => R | undefined;
  client: ClientSource;
  /**
   * What `omneo-load` carries for a value (default: the value itself). `false`: the controller
   * fires no events, for a resource the widget only reads on the side (the list's currency).
   */
  loadData?: ((value: ResourceValue<R>) => unknown) | false;
  /** While it returns true, the controller fires no events (a widget inside another widget). */
  silent?: () => boolean;
}

/** One function per state a shopper can see; `complete` also serves a value being refreshed. */
export interface ResourceRenderers<V, T> {
  pending: () => T;
  complete: (value: V) => T;
  signedOut: () => T;
  error: (error: OmneoError) => T;
}

/**
 * Follows one resource of the provider's client for a widget, the way `@lit/task`'s `Task` runs
 * one: the host renders `controller.render({pending, complete, signedOut, error})`, and updates
 * whenever the resource changes (a refresh, a redeem, another shopper). Fires `omneo-load` once
 * per value and `omneo-error` once per error, from the host.
 */
export class ResourceController<R extends Resource> implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #options: ResourceControllerOptions<R>;
  #state: ResourceState<ResourceValue<R>> = { status: 'loading' };
  /** The client and resource followed now, and how to stop. */
  #following?: { client: OmneoClient; key: string; stop: () => void };
  /** The last value or error an event was fired for. */
  #reported?: unknown;

  constructor(host: ReactiveControllerHost & EventTarget, options: ResourceControllerOptions<R>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * The state of the resource. Between a new client's arrival (another shopper, another tenant) and
   * the update that follows it, `loading`: nothing of the last client's is read for the new one.
   */
  get state(): ResourceState<ResourceValue<R>> {
    const following = this.#following;
    if (following && following.client !== this.#options.client()) return { status: 'loading' };
    return this.#state;
  }

  /** The value, kept while it is being refreshed; `undefined` until the first one. */
  get value(): ResourceValue<R> | undefined {
    return this.state.value;
  }

  /** Asks again after an error (the client fetches what failed for a new subscriber). */
  retry() {
    this.#unfollow();
    this.#host.requestUpdate();
  }

  render<T>(renderers: ResourceRenderers<ResourceValue<R>, T>): T {
    const { status, value, error } = this.state;
    if (status === 'signed-out') return renderers.signedOut();
    if (value !== undefined) return renderers.complete(value);
    if (status === 'error' && error) return renderers.error(error);
    return renderers.pending();
  }

  hostUpdate() {
    this.#follow();
  }

  hostUpdated() {
    const { loadData, silent } = this.#options;
    if (loadData === false || silent?.()) return;
    const { status, value, error } = this.#state;
    const news = status === 'ready' ? value : status === 'error' ? error : undefined;
    if (news === undefined || news === this.#reported) return;
    this.#reported = news;
    if (status === 'ready') {
      const data = loadData ? loadData(value as ResourceValue<R>) : value;
      this.#host.dispatchEvent(new OmneoLoadEvent({ data }));
    } else {
      this.#host.dispatchEvent(new OmneoErrorEvent({ error: error!.toJSON() }));
    }
  }

  hostDisconnected() {
    this.#unfollow();
  }

  /** Subscribes to the resource of the client in use, once per client and resource. */
  #follow() {
    const client = this.#options.client();
    if (!client || !('subscribe' in client)) {
      this.#unfollow();
      this.#state = client ? { status: 'error', error: client } : { status: 'loading' };
      return;
    }
    const resource = this.#options.resource();
    if (!resource) {
      this.#unfollow();
      this.#state = { status: 'loading' };
      return;
    }
    const key = JSON.stringify(resource);
    if (this.#following?.client === client && this.#following.key === key) return;
    this.#unfollow();
    // The client calls back at once with the current state, then on every change.
    const stop = client.subscribe(resource, (state) => {
      this.#state = state;
      this.#host.requestUpdate();
    });
    this.#following = { client, key, stop };
  }

  #unfollow() {
    this.#following?.stop();
    this.#following = undefined;
  }
}
