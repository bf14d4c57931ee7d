/**
 * A session across pages: what a provider keeps in `sessionStorage` for the shopper the page
 * declares (`shopper`, or `shopify-customer-id`), so that the next page of the same shopper needs
 * no token request and shows the last answers at once. See SECURITY.md, "A session across pages".
 *
 * - One entry per API base and shopper, under `omneo-widgets:<base>|<shopper>`.
 * - Opening the session of a shopper drops every other entry of this library; declaring nobody
 *   drops them all. Nothing is kept without a declared shopper.
 * - A storage that throws (disabled, full, a private window) is not used: what is kept then lives
 *   in memory, for this page only.
 */
import type { Held } from './token.js';
import { isObj } from './validate.js';

/** The token kept for the next page: the one in use, until its `renewAt`. */
export type KeptToken = Held;

interface Kept {
  /** The Omneo profile of the session's first token (its `pid`), when it says. */
  pid?: string;
  token?: KeptToken;
  /** The last answer of each resource, by its cache key. */
  answers: Record<string, unknown>;
}

const PREFIX = 'omneo-widgets:';

/**
 * The key of the session opened last; `undefined` once every session is dropped. Only it is
 * written: a client replaced on the page (a sign-out, another shopper) may still get answers,
 * which must not bring back a session that ended.
 */
let openKey: string | undefined;

/** `sessionStorage`, or `undefined` where reading it throws (some privacy settings do). */
function sessionStorageOrNothing(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Removes every entry of this library from `sessionStorage`, except the one under `keep`. */
export function dropKeptSessions(keep?: string) {
  openKey = keep;
  const storage = sessionStorageOrNothing();
  if (!storage) return;
  try {
    for (const key of Object.keys(storage)) if (key.startsWith(PREFIX) && key !== keep) storage.removeItem(key);
  } catch {
    // A storage that throws keeps nothing of ours to drop.
  }
}

function isKept(value: unknown): value is Kept {
  return isObj(value) && isObj(value.answers);
}

function isKeptToken(value: unknown): value is KeptToken {
  return isObj(value) && typeof value.token === 'string' && value.token !== '' && Number.isFinite(value.renewAt);
}

export class KeptSession {
  readonly #key: string;
  #kept: Kept = { answers: {} };
  /** The storage in use; `undefined` once it has thrown (then only memory). */
  #storage?: Storage;

  /** Opens the session of `shopper` on the API at `baseUrl`, dropping any other shopper's first. */
  constructor(baseUrl: string, shopper: string) {
    this.#key = `${PREFIX}${baseUrl}|${shopper}`;
    dropKeptSessions(this.#key);
    this.#storage = sessionStorageOrNothing();
    try {
      const stored: unknown = JSON.parse(this.#storage?.getItem(this.#key) ?? 'null');
      if (isKept(stored)) {
        this.#kept = { pid: stored.pid, answers: stored.answers, token: isKeptToken(stored.token) ? stored.token : undefined };
      }
    } catch {
      this.#storage = undefined;
    }
  }

  get token(): KeptToken | undefined {
    return this.#kept.token;
  }

  /**
   * Keeps `token` for the next page. A token for another profile than the session's first (another
   * shopper signed in to the store, in another tab) ends the session: nothing of it, or of theirs,
   * is kept under the shopper the page declared, and that shopper's next page starts afresh.
   */
  set token(token: KeptToken | undefined) {
    const { pid } = this.#kept;
    if (pid !== undefined && token?.pid !== undefined && token.pid !== pid) {
      this.#kept = { answers: {} };
      dropKeptSessions();
      return;
    }
    this.#kept.pid ??= token?.pid;
    this.#kept.token = token;
    this.#save();
  }

  answer(key: string): unknown {
    return this.#kept.answers[key];
  }

  keepAnswer(key: string, value: unknown) {
    this.#kept.answers[key] = value;
    this.#save();
  }

  /** Forgets everything kept for this shopper but whose session it is: they signed out. */
  clear() {
    this.#kept = { pid: this.#kept.pid, answers: {} };
    this.#save();
  }

  /** Forgets the answers but not the token: they are another shopper's than the token's. */
  clearAnswers() {
    this.#kept.answers = {};
    this.#save();
  }

  #save() {
    if (!this.#storage || openKey !== this.#key) return;
    try {
      this.#storage.setItem(this.#key, JSON.stringify(this.#kept));
    } catch {
      // Full or disabled: from now on, memory only. What may be left is dropped if it can be.
      try {
        this.#storage.removeItem(this.#key);
      } catch {
        // Nothing more to do: a storage that throws on every call holds nothing we could read back.
      }
      this.#storage = undefined;
    }
  }
}
