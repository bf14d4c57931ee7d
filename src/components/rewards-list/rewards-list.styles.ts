import { css } from 'lit';

// Items have no content-visibility: auto: an item would be laid out at a placeholder height first,
// then at its own, moving what is below it (a layout shift); 1,000 items lay out in time without it.
// The "Expiring soon" mark's border does not make its line taller than one without it (margin).
// The loading rows pulse, unless the shopper prefers reduced motion.
// The balances' error is the same under every redeem button, and its retry is for all of them: it
// shows under the first button only (each was read out as an alert, too).
// In this shadow tree every `ul` is the list, every `li` an item or a loading row, and every
// `.skeleton` is in a loading row (a span's are its lines; the other is its image).
export const styles = css`
  :host {
    display: block;
    --_space: var(--omneo-space, 0.75em);
    --_image: var(--omneo-image-size, 3.5em);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
    background: var(--omneo-color-surface, transparent);
    border: 1px solid var(--omneo-color-border, color-mix(in srgb, currentColor 20%, transparent));
    border-radius: var(--omneo-radius, 0.5em);
  }
  li,
  [part='empty'] {
    padding: var(--_space);
  }
  li + li {
    margin-top: var(--_space);
  }
  img,
  .image {
    flex: none;
    width: var(--_image);
    height: var(--_image);
    object-fit: cover;
    border-radius: var(--omneo-radius, 0.5em);
  }
  .body {
    flex: 1 12em;
    min-width: 0;
    min-height: var(--_image);
    display: flex;
    flex-flow: column;
    gap: 0.2em;
  }
  [part='name'] {
    font-weight: 600;
  }
  [part='value'] {
    font-weight: var(--omneo-value-weight, 600);
    font-variant-numeric: tabular-nums;
    color: var(--omneo-color-value, inherit);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    font-size: 0.875em;
  }
  [part='expiring'] {
    padding: 0 0.5em;
    border: 1px solid;
    margin: -1px 0;
    border-radius: 1em;
    color: var(--omneo-color-warning, inherit);
  }
  span .skeleton {
    width: 60%;
  }
  span .short {
    width: 35%;
  }
  li:has(omneo-redeem-button) ~ li omneo-redeem-button::part(error) {
    display: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: omneo-pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes omneo-pulse {
    to {
      opacity: 0.24;
    }
  }
`;
