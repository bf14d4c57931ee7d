import { css } from 'lit';

/**
 * What every widget shares. The widgets inherit the page's font and colours; the `--omneo-*`
 * properties override them. Shapes are drawn with `currentColor` so they suit light and dark pages.
 * A `.skeleton`'s text, if any, is drawn in the colour of its background: unseen.
 */
export const shared = css`
  :host {
    color: var(--omneo-color-text, inherit);
    font-family: var(--omneo-font, inherit);
  }
  :host([hidden]) {
    display: none !important;
  }
  [part='error'] {
    color: var(--omneo-color-danger, inherit);
  }
  button {
    font: inherit;
    color: var(--omneo-color-on-primary, inherit);
    background: var(--omneo-color-primary, transparent);
    border: 1px solid var(--omneo-color-primary, currentColor);
    border-radius: var(--omneo-radius, 0.375em);
    padding: calc(var(--omneo-space, 0.5em) / 2) var(--omneo-space, 0.75em);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--omneo-color-focus, currentColor);
    outline-offset: 2px;
  }
  button[aria-disabled='true'],
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .skeleton {
    opacity: 0.12;
    background: currentColor;
    border-radius: var(--omneo-radius, 0.25em);
    user-select: none;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
