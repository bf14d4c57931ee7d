/** The image URL if it is an absolute http(s) URL; never `javascript:`, `data:` or the like. */
export function imageUrl(url?: string | null): string | undefined {
  // A missing URL is not given to URL(): a throw per item slows a long list.
  if (!url) return undefined;
  try {
    return /^https?:$/.test(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Hides an image that fails to load: on the image, or, as it listens in the capture phase, on
 * anything that holds images (the `error` event does not bubble).
 */
export const hideBrokenImage = {
  handleEvent: (e: Event) => {
    if (e.target instanceof HTMLImageElement) e.target.hidden = true;
  },
  capture: true,
};
