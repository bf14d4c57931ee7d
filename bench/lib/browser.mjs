// Headless Chromium through playwright-core, with the same flags as the test runner.
import { chromium } from 'playwright-core';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no HTTP cache, no code cache, no preflight cache) and page; closed by `close()`. */
export async function freshPage(browser, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...opts });
  // The seed's images are on cdn.example.com: answer them with a tiny PNG, so pages behave the same
  // offline as online (an image that fails is hidden, which would move the list).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
    route.request().resourceType() === 'image' ? route.fulfill({ contentType: 'image/png', body: PNG }) : route.abort(),
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, errors, close: () => context.close() };
}

/** Median, quartiles and extremes of a list of numbers. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
  };
  return { n: s.length, median: q(0.5), p25: q(0.25), p75: q(0.75), min: s[0], max: s[s.length - 1] };
}

export const ms = (x) => `${x.toFixed(1)} ms`;
export const spread = (st) =>
  `median ${ms(st.median)} (IQR ${st.p25.toFixed(1)}-${st.p75.toFixed(1)}, min-max ${st.min.toFixed(1)}-${st.max.toFixed(1)}, n=${st.n})`;
