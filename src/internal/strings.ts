/**
 * Every word a shopper sees. English is built in; other locales are registered with
 * `registerStrings` (see `src/locales/`), and any widget's `strings` property overrides them.
 * `{n}`, `{amount}` and the like are filled in by the widget.
 */
export interface OmneoStrings {
  loading: string;
  signedOut: string;
  error: string;
  retry: string;
  noProvider: string;
  points: { one?: string; other: string };
}

export const en: OmneoStrings = {
  loading: 'Loading…',
  signedOut: 'Sign in to see your rewards.',
  error: 'Your rewards could not be loaded.',
  retry: 'Try again',
  noProvider: 'Rewards are unavailable: this page has no <omneo-provider>.',
  points: { one: '{n} point', other: '{n} points' },
};

const registry = new Map<string, Partial<OmneoStrings>>();

/** Adds (or replaces) the words for a language, e.g. `registerStrings('fr', fr)`. */
export function registerStrings(lang: string, strings: Partial<OmneoStrings>) {
  registry.set(lang.toLowerCase(), strings);
}

/** English, then the language's words, then the region's (`fr`, then `fr-ca`). */
export function stringsFor(locale: string): OmneoStrings {
  const tag = locale.toLowerCase();
  return { ...en, ...registry.get(tag.split('-')[0]), ...registry.get(tag) };
}

/** Fills `{name}` placeholders. */
export const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k) => vars[k] ?? m);
