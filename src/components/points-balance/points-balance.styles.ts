import { css } from 'lit';

export const styles = css`
  :host {
    display: inline;
  }

  /*
   * The label and the value sit on the text's baseline, one space apart. A flex box draws no
   * whitespace between them, so a balance with no label starts right where it is put in a sentence.
   */
  [part='base'] {
    display: inline-flex;
    align-items: baseline;
    gap: 0.25em;
  }

  [part='value'] {
    font-weight: var(--omneo-value-weight, 600);
    font-variant-numeric: tabular-nums;
    color: var(--omneo-color-value, inherit);
  }

  .skeleton {
    display: inline-block;
    line-height: 1.1;
  }
`;
