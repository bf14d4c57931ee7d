import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    vertical-align: top;
  }
  [aria-busy='true'] {
    cursor: progress;
  }
  .ask {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--omneo-space, 0.5em);
  }
  [part='cancel'] {
    color: inherit;
    background: transparent;
    border-color: currentColor;
  }
  [part='message'] {
    display: block;
    font-size: 0.875em;
  }
  [part='message'] > :not(:empty) {
    display: block;
    margin-top: calc(var(--omneo-space, 0.5em) / 2);
  }
  [aria-live='assertive'] {
    color: var(--omneo-color-danger, inherit);
  }
  code {
    font: inherit;
    font-weight: 600;
    letter-spacing: 0.05em;
    user-select: all;
  }
`;
