import { css } from 'lit';

// The placeholder does not pulse as the list's loading rows do: an animated placeholder needs a
// compositor layer, and in a fresh page that delays the frame with the number by 15-25 ms
// (measured with `npm run bench`, paint).
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
