import { css } from 'lit';

export const styles = css`
  :host {
    display: inline;
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
