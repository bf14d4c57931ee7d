/**
 * - `auth`: the API refused the shopper token (401) even after a fresh one, or Omneo refused a
 *   Shopify customer's signature (any 4xx from its Shopify sign-in).
 * - `signed-out`: nobody is signed in (the token endpoint answered 401 or 204). A state, not a failure.
 * - `network`: no answer: offline, dropped connection, timeout.
 * - `http`: the API answered with an error status (404, 422, 5xx…).
 * - `invalid-response`: the API answered 2xx with a body that is not what the API page describes.
 * - `config`: the page is not set up right: no provider, no tenant or base URL.
 * - `invalid-request`: the widget refused to send a request that is not valid (a redeem of no amount);
 *   nothing went over the wire.
 * - `token`: no shopper token could be had: the token endpoint, the `tokenProvider` or Omneo's
 *   Shopify sign-in failed or answered something else (`status` when it answered). The ID API was
 *   not called with one: a redeem that fails so was not sent.
 */
export type OmneoErrorKind =
  'auth' | 'signed-out' | 'network' | 'http' | 'invalid-response' | 'config' | 'invalid-request' | 'token';

/** The one error type the client throws and the widgets report. */
export class OmneoError extends Error {
  override name = 'OmneoError';
  readonly kind: OmneoErrorKind;
  /** The HTTP status, when there was an answer. */
  readonly status?: number;
  /** Laravel's per-field validation messages, e.g. `{amount: ['The amount exceeds…']}`. */
  readonly errors?: Record<string, string[]>;

  constructor(
    kind: OmneoErrorKind,
    message: string,
    { status, errors, cause }: { status?: number; errors?: Record<string, string[]>; cause?: unknown } = {},
  ) {
    super(message, { cause });
    this.kind = kind;
    this.status = status;
    this.errors = errors;
  }

  /** The plain `{status?, message, errors?, kind}` carried by `omneo-error` and `omneo-redeem-error`. */
  toJSON() {
    return { status: this.status, message: this.message, errors: this.errors, kind: this.kind };
  }
}

/** The message of an error answer that carried none of its own: the status alone. */
export function statusOnlyMessage(status: number): string {
  return `Omneo answered ${status}.`;
}

/** What the API itself said of an error answer (Laravel's `message`), not one made from its status. */
export function apiMessageOf(error: OmneoError): string | undefined {
  const ownWords = error.kind === 'http' && error.status !== undefined && error.message !== statusOnlyMessage(error.status);
  return ownWords ? error.message : undefined;
}

/**
 * Whether `error` is an `OmneoError`, of this copy of the library or of another one on the page:
 * the drop-in bundle and the npm build share providers (src/context.ts), so a widget of one may
 * hear the other's client's errors, which `instanceof` does not recognise. Known by name, as an
 * `AbortError` is.
 */
export function isOmneoError(error: unknown): error is OmneoError {
  return error instanceof Error && error.name === 'OmneoError';
}

/** `error` itself when it is an `OmneoError`; anything else thrown is an answer that was not understood. */
export function asOmneoError(error: unknown): OmneoError {
  return isOmneoError(error) ? error : new OmneoError('invalid-response', String(error), { cause: error });
}

export const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';
