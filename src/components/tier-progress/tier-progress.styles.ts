import { css } from 'lit';

/*
 * A card like a list item: the tier (image and name) on top, then the bar and the lines under it.
 * The header is as tall as the image whether or not the tier has one, and the loading state draws
 * the same boxes (header, bar, one line), so nothing below moves when the tier arrives.
 */
export const styles = css`
  :host {
    display: block;
    --_space: var(--omneo-space, 0.75em);
    --_image: var(--omneo-image-size, 3em);
  }

  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    background: var(--omneo-color-surface, transparent);
    border: 1px solid var(--omneo-color-border, color-mix(in srgb, currentColor 20%, transparent));
    border-radius: var(--omneo-radius, 0.5em);
  }

  .header {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: var(--_image);
  }

  [part='image'],
  .image {
    flex: none;
    width: var(--_image);
    height: var(--_image);
    object-fit: cover;
    border-radius: var(--omneo-radius, 0.5em);
  }

  .names {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1;
  }

  .caption {
    font-size: 0.875em;
  }

  [part='tier'] {
    font-size: 1.25em;
    font-weight: var(--omneo-value-weight, 600);
    color: var(--omneo-color-value, inherit);
    overflow-wrap: anywhere;
  }

  /* The track is the text colour, faint; the fill is the primary colour, else the text colour. */
  [part='progress'],
  .bar {
    height: 0.625em;
    border-radius: 1em;
    overflow: hidden;
    background: color-mix(in srgb, currentColor 15%, transparent);
  }

  .fill {
    height: 100%;
    border-radius: inherit;
    background: var(--omneo-color-primary, currentColor);
  }

  p {
    margin: 0;
  }

  .amount {
    font-weight: var(--omneo-value-weight, 600);
    font-variant-numeric: tabular-nums;
    color: var(--omneo-color-value, inherit);
  }

  [part='next'] {
    font-weight: 600;
  }

  [part='maintain'] {
    font-size: 0.875em;
  }

  .name.skeleton {
    display: block;
    width: 45%;
    font-size: 1.25em;
  }

  .caption.skeleton {
    display: block;
    width: 25%;
    margin-bottom: 0.1em;
  }

  .line.skeleton {
    display: block;
    width: 60%;
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
