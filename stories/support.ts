/**
 * What the stories share: the provider they sit in, the `--omneo-*` properties from controls, and
 * the shadow-DOM look-ups their play functions use to assert what a shopper sees.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { API, TOKEN_URL } from './msw-handlers.ts';

/** The provider's settings that a widget story exposes as controls. */
export interface ProviderArgs {
  locale?: string;
  currency?: string;
}

/** `locale` and `currency` of the story's `<omneo-provider>`, shown under their own heading. */
export const providerArgTypes = {
  locale: {
    control: 'text',
    description: "The provider's `locale` (BCP 47): numbers, money, dates and words.",
    table: { category: 'omneo-provider' },
  },
  currency: {
    control: 'text',
    description: "The provider's `currency` (ISO 4217); default: the balances' `currency`, then AUD.",
    table: { category: 'omneo-provider' },
  },
} as const;

/** `<omneo-provider>` as every story uses it: the demo tenant's ID API, the host's token endpoint. */
export function inProvider(inner: TemplateResult, { locale, currency }: ProviderArgs = {}) {
  return html`<omneo-provider
    base-url=${API}
    token-url=${TOKEN_URL}
    locale=${ifDefined(locale || undefined)}
    currency=${ifDefined(currency || undefined)}
    >${inner}</omneo-provider
  >`;
}

/** The `--omneo-*` args set in the controls, as an inline style (`undefined` when none is). */
export function cssVars(args: object): string | undefined {
  const set = Object.entries(args).filter(([k, v]) => k.startsWith('--omneo-') && v != null && v !== '');
  return set.length ? set.map(([k, v]) => `${k}: ${v}`).join('; ') : undefined;
}

// ---------------------------------------------------------------------------
// For play functions

/** The first `tag` in the story, defined and rendered once. */
export async function widget<T extends HTMLElement = HTMLElement>(canvas: HTMLElement, tag: string, index = 0): Promise<T> {
  await customElements.whenDefined(tag);
  let el: T | undefined;
  await waitFor(() => {
    el = canvas.querySelectorAll<T>(tag)[index];
    expect(el, `<${tag}> in the story`).toBeTruthy();
  });
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el!;
}

/** The element of a shadow part, e.g. `part(balance, 'value')`. */
export const part = (el: Element, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/** Every element of a shadow part. */
export const parts = (el: Element, name: string) => [
  ...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? []),
];

/**
 * The text a shopper sees in an element: through shadow roots and slots (assigned nodes, else the
 * slot's fallback), leaving out what is hidden or for screen readers only; whitespace folded.
 */
export function seen(node: Node): string {
  const walk = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
    if (!(n instanceof Element)) return [...n.childNodes].map(walk).join('');
    if (n instanceof HTMLSlotElement) {
      const assigned = n.assignedNodes({ flatten: true });
      return (assigned.length ? assigned : [...n.childNodes]).map(walk).join('');
    }
    if (n.matches('style, script, template, .sr-only, [aria-hidden="true"]')) return '';
    const style = getComputedStyle(n);
    if (style.display === 'none') return '';
    const inner = [...(n.shadowRoot ?? n).childNodes].map(walk).join('');
    return style.display === 'inline' || style.display === 'contents' ? inner : ` ${inner} `;
  };
  return fold(walk(node));
}

/** Whitespace folded to single spaces (Intl's narrow no-break spaces included), ends trimmed. */
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Waits until the element shows `expected` (the whole text, or a pattern). */
export async function shows(el: Element, expected: string | RegExp, timeout = 5000) {
  await waitFor(
    () => (typeof expected === 'string' ? expect(seen(el)).toBe(fold(expected)) : expect(seen(el)).toMatch(expected)),
    { timeout },
  );
}

/** Waits until the shadow part exists (and returns it). */
export async function partShown(el: Element, name: string, timeout = 5000) {
  let found: HTMLElement | null = null;
  await waitFor(
    () => {
      found = part(el, name);
      expect(found, `[part="${name}"] of <${el.localName}>`).toBeTruthy();
    },
    { timeout },
  );
  return found! as HTMLElement;
}

/** Money as the widgets format it. */
export const money = (n: number, locale = 'en-AU', currency = 'AUD') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n);
