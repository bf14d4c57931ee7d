/** Numbers, money, dates and plurals through Intl, with formatters cached per locale. */
const cache = new Map<string, unknown>();

function intl<T>(Ctor: new (locale: string, opts: object) => T, locale: string, opts: object): T {
  const key = Ctor.name + locale + JSON.stringify(opts);
  // The key names the constructor, so what is cached under it is a T.
  let f = cache.get(key) as T | undefined;
  if (!f) {
    try {
      f = new Ctor(locale, opts);
    } catch {
      // A bad locale or currency from the page must not break the widget: fall back to English / AUD.
      f = new Ctor('en', { ...opts, ...('currency' in opts && { currency: 'AUD' }) });
    }
    cache.set(key, f);
  }
  return f;
}

/**
 * English locales whose whole numbers Intl writes as `1,234,567` (CLDR: `#,##0`). The first
 * `Intl.NumberFormat` of a page loads its number data (20 to 60 ms); whole numbers in these locales
 * are written without it, so a balance in points shows that much sooner. Any other locale or
 * number goes to Intl.
 */
const COMMAS = /^en(-(us|au|nz|gb|ca|ie))?$/i;

export const formatNumber = (locale: string, n: number): string =>
  Number.isSafeInteger(n) && COMMAS.test(locale)
    ? String(n).replace(/\B(?=(\d{3})+$)/g, ',')
    : intl(Intl.NumberFormat, locale, {}).format(n);

export const formatMoney = (locale: string, currency: string, n: number) =>
  intl(Intl.NumberFormat, locale, { style: 'currency', currency }).format(n) as string;

export const formatDate = (locale: string, ms: number) =>
  intl(Intl.DateTimeFormat, locale, { dateStyle: 'medium' }).format(ms) as string;

/** Picks the plural form for `n` and puts the formatted number in place of `{n}`. */
export function plural(locale: string, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) {
  const form = forms[intl(Intl.PluralRules, locale, {}).select(n) as Intl.LDMLPluralRule] ?? forms.other;
  return form.replace('{n}', formatNumber(locale, n));
}

/** Runs `f` soon in a task of its own; unlike a timer or a frame, not held back in a hidden tab. */
export function soon(f: () => void) {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    f();
  };
  port2.postMessage(0);
}
