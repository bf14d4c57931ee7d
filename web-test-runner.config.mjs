import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { startMock } from './mock/server.js';
import { createHostBackend } from './mock/host-backend.js';
import { summaryReporter } from './test/summary-reporter.mjs';

// The mock Omneo runs on its own origin, as the real API does: every call from the tests is cross-origin.
const mock = await startMock({ port: 0 });

/** Chromium from Debian (`CHROME_PATH` overrides); no test tool downloads a browser of its own. */
export const chromium = chromeLauncher({
  launchOptions: {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      // Test files run in parallel tabs: a tab in the background must not have its timers slowed.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  },
});

/**
 * A stand-in for the retailer's token endpoint, same-origin with the test page:
 * `POST /omneo/token/<namespace>` mints a token for the demo shopper of that mock namespace with
 * the secret key, as a host backend does; `?status=401` (or 204) answers "nobody is signed in";
 * `?delayMs=n` answers n ms late (a slow host backend).
 */
async function tokenEndpoint(ctx, next) {
  const m = /^\/omneo\/token\/([\w-]+)$/.exec(ctx.path);
  if (!m || ctx.method !== 'POST') return next();
  const delay = Number(ctx.query.delayMs ?? 0);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  const status = Number(ctx.query.status ?? 0);
  if (status) {
    ctx.status = status;
    if (status !== 204) ctx.body = { message: 'Not signed in.' };
    return;
  }
  const res = await fetch(`${mock.origin}/ns/${m[1]}/id/api/v1/auth/token`, {
    method: 'POST',
    headers: { Authorization: 'Bearer mock-secret-admin-token', 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ id: ctx.query.id ?? 'ava.thompson@example.com' }),
  });
  ctx.status = res.status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await res.json();
}

/** The example host backend (mock/host-backend.js), as a retailer would run it, under `/host/`. */
const host = createHostBackend({ omneoBaseUrl: `${mock.origin}/ns/host/id/api/v1` });
async function hostBackend(ctx, next) {
  if (!ctx.path.startsWith('/host/')) return next();
  ctx.req.url = ctx.req.url.slice('/host'.length);
  ctx.respond = false;
  await new Promise((resolve) => {
    ctx.res.on('finish', resolve);
    host(ctx.req, ctx.res, () => {
      ctx.res.statusCode = 404;
      ctx.res.end();
    });
  });
}

export default {
  middleware: [tokenEndpoint, hostBackend],
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One test file at a time: a page in a background tab gets no animation frames, and fixtures wait for one.
  concurrency: 1,
  browsers: [chromium],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  testFramework: { config: { timeout: 8000 } },
  // OMNEO_SEED and OMNEO_ROUNDS replay the rounds of test/malformed.test.ts from a seed.
  testRunnerHtml: (framework) => `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
    <script>window.OMNEO_MOCK = ${JSON.stringify(mock.url)};
      window.OMNEO_SEED = ${JSON.stringify(process.env.OMNEO_SEED ?? '')};
      window.OMNEO_ROUNDS = ${JSON.stringify(process.env.OMNEO_ROUNDS ?? '')};</script>
    <script type="module" src="${framework}"></script></body></html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
