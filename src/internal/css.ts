import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The library's style sheets are static literals with no `${}` in them, so Lit's `css` tag (which
 * checks what is put into `${}`, about 130 bytes gzipped with its messages) is not needed:
 * the literal's text becomes the sheet as it is. Never call it with text from outside.
 */
export const css = (s: TemplateStringsArray): CSSResult => unsafeCSS(s[0]);
