#!/usr/bin/env node
// @ts-check
/**
 * The framework examples, built and run in Chromium (`node scripts/examples-test.mjs`):
 *
 * 1. builds the library (`npm run build`: the bundle, dist/npm and the typings; skip with
 *    `--no-lib-build` when it has just been built),
 * 2. type-checks the React example with `tsc` and the Vue one with `vue-tsc`, against the typings
 *    generated from the manifest (each has a file of `@ts-expect-error` / `@vue-expect-error`
 *    lines that must fail, so typings that stop checking fail here),
 * 3. builds each example with Vite (Angular: with @angular/build), its ID API a namespace of one
 *    mock Omneo,
 * 4. serves each with the examples' token endpoint and opens it in one headless Chromium:
 *    the balance, the rewards list, `omneo-load` in the framework's own state, a redeem click
 *    reaching the framework's `omneo-redeem` handler (and the API), and no console errors.
 *
 *   node scripts/examples-test.mjs [--no-lib-build] [html react vue svelte angular]
 *
 * Prints a line per check and `N passed, N failed`; exits 1 on any failure. A failing page
 * leaves a screenshot in test-results/.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startMock } from '../mock/server.js';
import { serve } from '../examples/shared/backend.mjs';
import { buildAngularExample } from '../examples/angular/build.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const libBuild = !args.includes('--no-lib-build');
const ALL = ['html', 'react', 'vue', 'svelte', 'angular'];
const only = args.filter((a) => !a.startsWith('--'));
const examples = only.length ? ALL.filter((n) => only.includes(n)) : ALL;
const TIMEOUT = 10_000;
const PLACEHOLDER =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#ccc"/></svg>';

/** Whose handlers each example's events reach. */
const FRAMEWORK = { html: "page's", react: 'React', vue: 'Vue', svelte: 'Svelte', angular: 'Angular' };

let passed = 0;
let failed = 0;
/** @param {string} name @param {boolean} ok @param {string} [why] */
function report(name, ok, why) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !why ? '' : `\n    ${why.replace(/\n/g, '\n    ')}`}`);
}

/** Runs a command; resolves to its exit code and output. @param {string} cmd */
function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, { cwd: repo, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 1, out: out.trim() }));
  });
}

const started = Date.now();

if (libBuild) {
  const { code, out } = await run('npm run --silent build');
  report('library: npm run build (bundle, dist/npm, typings)', code === 0, out.split('\n').slice(-15).join('\n'));
  if (code) finish();
}

// Type-checks run beside the builds and the browser; their results are reported last.
const typechecks = [
  ['react', 'npx tsc --noEmit -p examples/react', 'react: tsc --noEmit (App.tsx and the typings checks)'],
  ['vue', 'npx vue-tsc --noEmit -p examples/vue', 'vue: vue-tsc --noEmit (App.vue and the typings checks)'],
]
  .filter(([name]) => examples.includes(name))
  .map(([, cmd, label]) => run(cmd).then(({ code, out }) => [label, code === 0, out]));

const mock = await startMock({ port: 0 });
/** @type {{close: () => Promise<void>}[]} */
const servers = [];
/** @type {{name: string, url: string, ns: string}[]} */
const ready = [];

for (const name of examples) {
  const ns = `examples-${name}`;
  const baseUrl = `${mock.origin}/ns/${ns}/id/api/v1`;
  try {
    let root = repo;
    let path = 'examples/html/';
    if (name === 'angular') {
      // Angular's own application builder (what `ng build` runs), strictTemplates on.
      await buildAngularExample({ baseUrl });
      report(`${name}: @angular/build application build (strictTemplates)`, true);
      root = `${repo}examples/${name}/dist`;
      path = '';
    } else if (name !== 'html') {
      // The example reads its ID API from VITE_OMNEO_BASE_URL, as a developer would set it.
      process.env.VITE_OMNEO_BASE_URL = baseUrl;
      await build({ configFile: `${repo}examples/${name}/vite.config.mjs`, logLevel: 'error' });
      report(`${name}: vite build`, true);
      root = `${repo}examples/${name}/dist`;
      path = '';
    }
    const server = await serve({ root, baseUrl });
    servers.push(server);
    ready.push({ name, url: server.url + path, ns });
  } catch (e) {
    report(
      `${name}: ${name === 'angular' ? '@angular/build application build' : 'vite build'}`,
      false,
      String(/** @type {Error} */ (e)?.stack ?? e),
    );
  }
}
delete process.env.VITE_OMNEO_BASE_URL;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
try {
  for (const example of ready) await checkPage(example);
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
  await mock.close();
}
for (const [label, ok, out] of await Promise.all(typechecks)) report(label, ok, out);
finish();

/** @param {{name: string, url: string, ns: string}} example */
async function checkPage({ name, url, ns }) {
  const context = await browser.newContext({ locale: 'en-AU' });
  // Hermetic: the seed's reward images live on a CDN (cdn.example.com); answer them here, and
  // refuse anything else that would leave the machine.
  await context.route(
    (u) => u.hostname !== '127.0.0.1',
    (route) =>
      route.request().resourceType() === 'image'
        ? route.fulfill({ contentType: 'image/svg+xml', body: PLACEHOLDER })
        : route.abort(),
  );
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  let pageFailed = false;
  /** @param {string} label @param {() => Promise<unknown>} fn */
  const check = async (label, fn) => {
    try {
      await fn();
      report(`${name}: ${label}`, true);
      return true;
    } catch (e) {
      pageFailed = true;
      report(`${name}: ${label}`, false, /** @type {Error} */ (e).message.split('\n')[0]);
      return false;
    }
  };
  const fw = FRAMEWORK[/** @type {keyof FRAMEWORK} */ (name)];
  const log = page.locator('#events li');
  /** Resolves when the framework's event log has `line`. @param {string} line */
  const logged = (line) => log.filter({ hasText: line }).first().waitFor({ timeout: TIMEOUT });

  try {
    await page.goto(url);

    // Nothing else can pass without the elements.
    const defined = await check('the elements are defined', () =>
      until(
        () =>
          page.evaluate(() =>
            ['omneo-provider', 'omneo-points-balance', 'omneo-rewards-list', 'omneo-redeem-button'].filter(
              (t) => !customElements.get(t),
            ),
          ),
        (missing) => missing.length === 0,
        'customElements.define (is the import tree-shaken? see package.json "sideEffects")',
        3000, // module scripts have run by the load event
      ),
    );
    if (!defined) return;

    await check('the balance shows "1,234 points"', () =>
      until(
        () => page.locator('omneo-points-balance [part=value]').textContent({ timeout: 500 }),
        (t) => t?.trim() === '1,234 points',
        'the balance',
      ),
    );

    await check('the rewards list shows 3 rewards (limit="3")', async () => {
      const items = page.locator('omneo-rewards-list [part=item]:not(.loading-row)');
      await until(
        () => items.count(),
        (n) => n === 3,
        'the number of items',
      );
      const names = await page.locator('omneo-rewards-list [part=item]:not(.loading-row) [part=name]').allTextContents();
      if (names.some((n) => !n.trim())) throw new Error(`an item has no name: ${JSON.stringify(names)}`);
    });

    await check(`omneo-load from each widget reached the ${fw} handler and state`, async () => {
      for (const tag of ['omneo-points-balance', 'omneo-rewards-list', 'omneo-redeem-button'])
        await logged(`omneo-load ← <${tag}>`);
      const last = await page.locator('#last-event').textContent();
      if (!last?.startsWith('omneo-')) throw new Error(`"Last event" shows ${JSON.stringify(last)}`);
    });

    const button = page.locator('omneo-redeem-button [part=button]');
    await check(`clicking Redeem $10 fires omneo-redeem into the ${fw} handler`, async () => {
      await until(
        () => button.isEnabled({ timeout: 500 }),
        (enabled) => enabled,
        'the redeem button to be enabled',
      );
      await button.click();
      await logged('omneo-redeem ← <omneo-redeem-button>');
      if (name !== 'html') {
        const text = await page.locator('#redeemed').textContent({ timeout: TIMEOUT });
        if (text?.trim() !== 'Redeemed $10') throw new Error(`the ${fw} state shows ${JSON.stringify(text)}`);
      }
      const requests = await (await fetch(`${mock.origin}/ns/${ns}/__mock/requests`)).json();
      const redeems = requests.filter((/** @type {any} */ r) => r.method === 'POST' && r.path === '/profiles/me/redeem');
      if (redeems.length !== 1 || redeems[0].body?.amount !== 10) {
        throw new Error(
          `expected one POST /profiles/me/redeem {"amount": 10}, the API got ${JSON.stringify(redeems.map((r) => r.body))}`,
        );
      }
    });

    await check('no console errors', async () => {
      if (problems.length) throw new Error(problems.join(' | '));
    });
  } catch (e) {
    pageFailed = true;
    report(`${name}: the page`, false, /** @type {Error} */ (e).message.split('\n')[0]);
  } finally {
    if (pageFailed) {
      mkdirSync(`${repo}test-results`, { recursive: true });
      await page.screenshot({ path: `${repo}test-results/examples-${name}.png`, fullPage: true }).catch(() => {});
    }
    await context.close();
  }
}

/**
 * Polls `get` until `ok` holds, else throws with the last value.
 * @template T @param {() => Promise<T>} get @param {(v: T) => boolean} ok @param {string} what
 */
async function until(get, ok, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await get().catch((e) => e);
    if (!(last instanceof Error) && ok(last)) return last;
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function finish() {
  console.log(`\nexamples took ${((Date.now() - started) / 1000).toFixed(1)} s\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
