#!/usr/bin/env node
/**
 * End to end: the demo storefront as a shopper meets it. Starts `demo/start.js` with the built
 * drop-in bundle (DEMO_BUNDLE=1: run `npm run build` first), the mock Omneo and the example host
 * backend, and drives Chromium through the journey: signed out, sign in, balances and rewards,
 * redeem, every balance updated, sign out. A screenshot of each step is left in test-results/e2e/.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { check as runCheck, expectEqual, summary, tally } from './lib/checks.mjs';

const shots = new URL('../test-results/e2e/', import.meta.url);
await mkdir(shots, { recursive: true });

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const demo = spawn(process.execPath, ['demo/start.js'], {
  env: { ...process.env, DEMO_BUNDLE: '1', DEMO_OPEN: '0', PORT: String(await freePort()), MOCK_PORT: String(await freePort()) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { url, mock } = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${out}`)), 30_000);
  demo.stdout.on('data', (d) => {
    out += d;
    const url = /Demo storefront: (\S+)/.exec(out)?.[1];
    const mock = /Mock controls: +(\S+)\/__mock/.exec(out)?.[1];
    if (url && mock) {
      clearTimeout(timer);
      resolve({ url, mock });
    }
  });
  demo.on('exit', (code) => reject(new Error(`the demo exited (${code}):\n${out}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const problems = [];
page.on(
  'console',
  (m) => m.type() === 'error' && !/Failed to load resource.*40[14]/.test(m.text()) && problems.push(`console: ${m.text()}`),
);
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

let step = 0;
/** A check of the shared runner (scripts/lib/checks.mjs), then a screenshot of the page as it ends. */
async function check(name, fn) {
  await runCheck(name, fn);
  // The whole page in one viewport: list items off screen are not drawn (content-visibility), and
  // a full-page screenshot would show them blank.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({
    path: new URL(`${String(++step).padStart(2, '0')}-${name.replace(/\W+/g, '-').toLowerCase()}.png`, shots).pathname,
  });
  await page.setViewportSize({ width: 1280, height: 900 });
}
const requests = async () => (await fetch(`${mock}/__mock/requests`)).json();
const count = async (path, method = 'GET') => (await requests()).filter((r) => r.method === method && r.path === path).length;
/** The value parts of every balance of a kind, once none is loading. */
const values = (kind) =>
  page.evaluate(
    (kind) =>
      [...document.querySelectorAll(`omneo-points-balance[kind="${kind}"]`)].map(
        (b) => b.shadowRoot.querySelector('[part~="value"]:not(.skeleton)')?.textContent ?? null,
      ),
    kind,
  );
const waitValues = (kind, text) =>
  page.waitForFunction(
    // `?.`: right after a navigation (sign in, sign out) the elements may not be upgraded yet.
    ([kind, text]) =>
      [...document.querySelectorAll(`omneo-points-balance[kind="${kind}"]`)].every(
        (b) => b.shadowRoot?.querySelector('[part~="value"]:not(.skeleton)')?.textContent === text,
      ),
    [kind, text],
    { timeout: 8000 },
  );

try {
  await fetch(`${mock}/__mock/reset`, { method: 'POST' });
  await page.goto(url);

  await check('signed out: every widget shows its signed-out state and no API is called', async () => {
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('omneo-points-balance, omneo-rewards-list')].every((el) =>
          el.shadowRoot?.querySelector('slot[name="signed-out"]'),
        ),
      null,
      { timeout: 8000 },
    );
    expectEqual(await requests(), [], 'requests to the ID API');
    const button = page.locator('omneo-redeem-button').first().locator('[part~="button"]');
    expectEqual(await button.getAttribute('aria-disabled'), 'true', 'the redeem button disabled');
  });

  await check('sign in: the balances show, from one token and one request per resource', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitValues('points', '1,234 points');
    await waitValues('combined', '$57.34');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('omneo-rewards-list')].every(
          (l) => l.shadowRoot?.querySelectorAll('[part~="item"]').length > 0,
        ),
      null,
      { timeout: 8000 },
    );
    expectEqual(await count('/auth/token', 'POST'), 1, 'tokens minted');
    expectEqual(await count('/profiles/me/balances'), 1, 'balances requests');
    expectEqual(await count('/profiles/me/rewards'), 1, 'rewards requests');
  });

  await check('the rewards list: active rewards, soonest to expire first', async () => {
    const names = await page.evaluate(() =>
      [...document.querySelector('omneo-rewards-list[redeemable]').shadowRoot.querySelectorAll('[part~="name"]')].map((n) =>
        n.textContent.trim(),
      ),
    );
    expectEqual(names.length, 6, 'active rewards');
    if (!/Birthday/.test(names[0]))
      throw new Error(`the first reward is ${names[0]}, not the birthday reward expiring in 3 days`);
  });

  await check(
    'the tier and the points: Gold, 54% of the way to Platinum; the active lots, soonest first, as points',
    async () => {
      await page.waitForFunction(
        () => [...document.querySelectorAll('omneo-tier-progress')].every((t) => t.shadowRoot?.querySelector('[part~="tier"]')),
        null,
        { timeout: 8000 },
      );
      const tiers = await page.evaluate(() =>
        [...document.querySelectorAll('omneo-tier-progress')].map((t) => [
          t.shadowRoot.querySelector('[part~="tier"]').textContent,
          t.shadowRoot.querySelector('[part~="progress"]')?.getAttribute('aria-valuenow'),
        ]),
      );
      expectEqual(
        tiers,
        [
          ['Gold', '54'],
          ['Gold', '54'],
        ],
        'the tier widgets',
      );
      expectEqual(await count('/profiles/me/tiers'), 1, 'tiers requests');
      const lots = await page.evaluate(() =>
        [...document.querySelector('omneo-rewards-list[source="points"]').shadowRoot.querySelectorAll('[part~="value"]')].map(
          (n) => n.textContent.trim(),
        ),
      );
      expectEqual(lots, ['150 points', '400 points', '484 points', '200 points'], 'the point lots');
      expectEqual(await count('/profiles/me/points'), 1, 'points requests');
    },
  );

  await check('redeem $5 with confirm: one POST, and every balance updates', async () => {
    const before = await count('/profiles/me/balances');
    const redeemed = page.evaluate(
      () => new Promise((r) => document.addEventListener('omneo-redeem', (e) => r(e.detail), { once: true })),
    );
    const button = page.locator('omneo-redeem-button').first();
    await button.locator('[part~="button"]').click();
    await button.locator('[part~="confirm"]').click();
    const detail = await redeemed;
    expectEqual(detail.amount, 5, 'omneo-redeem amount');
    await waitValues('combined', '$52.34');
    expectEqual(await count('/profiles/me/redeem', 'POST'), 1, 'redeem POSTs');
    expectEqual(await count('/profiles/me/balances'), before + 1, 'balances requests after the redeem');
    const msg = await button.locator('[part~="message"]').textContent();
    if (!msg.trim()) throw new Error('no success message');
  });

  await check('redeem a reward from the list: one POST; it shows its result here and leaves the other list', async () => {
    const list = page.locator('omneo-rewards-list[redeemable]').first();
    const first = list.locator('[part~="item"]').first();
    const name = (await first.locator('[part~="name"]').textContent()).trim();
    const redeemed = page.evaluate(
      () => new Promise((r) => document.addEventListener('omneo-redeem', (e) => r(e.detail), { once: true })),
    );
    await first.locator('omneo-redeem-button [part~="button"]').click();
    const confirm = first.locator('omneo-redeem-button [part~="confirm"]');
    if (await confirm.count()) await confirm.click();
    await redeemed;
    const names = (i) =>
      page.evaluate(
        (i) =>
          [...document.querySelectorAll('omneo-rewards-list[redeemable]')[i].shadowRoot.querySelectorAll('[part~="name"]')].map(
            (n) => n.textContent.trim(),
          ),
        i,
      );
    await page.waitForFunction(
      (name) =>
        ![...document.querySelectorAll('omneo-rewards-list[redeemable]')[1].shadowRoot.querySelectorAll('[part~="name"]')].some(
          (n) => n.textContent.trim() === name,
        ),
      name,
      { timeout: 8000 },
    );
    expectEqual((await names(0))[0], name, 'the redeemed reward, kept with its result in the list it was redeemed from');
    const message = (await first.locator('omneo-redeem-button [part~="message"]').textContent()).trim();
    if (!/Redeemed/.test(message)) throw new Error(`the result says "${message}"`);
    expectEqual(await count('/profiles/me/redeem', 'POST'), 2, 'redeem POSTs');
  });

  await check('the npm build and a second copy of the bundle load beside it without breaking anything', async () => {
    await page.evaluate(async () => {
      await import('/dist/npm/index.js');
      await import('/dist/omneo-widgets.js?again');
    });
    const points = await values('points');
    expectEqual(
      points.every((v) => v === '1,234 points' || /points/.test(v)),
      true,
      'the balances still show',
    );
  });

  await check("the bundle's public names are the npm build's: its exports and every key of the strings table", async () => {
    // The bundle is minified (vite.config.ts), and renames no property; a public name renamed there
    // would make `strings` overrides and registered locales silently miss.
    const [bundle, npm] = await page.evaluate(async () => {
      const shape = (m) => JSON.stringify({ exports: Object.keys(m).sort(), strings: m.englishStrings });
      return [shape(await import('/dist/omneo-widgets.js?again')), shape(await import('/dist/npm/index.js'))];
    });
    expectEqual(bundle, npm, 'exports and strings of the bundle');
  });

  await check('sign out: back to the signed-out state', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('omneo-points-balance')].every((el) =>
          el.shadowRoot?.querySelector('slot[name="signed-out"]'),
        ),
      null,
      { timeout: 8000 },
    );
  });

  await check(
    'the Shopify page: the demo customer is signed in by their signed id, with one sign-in request and no token-url',
    async () => {
      await fetch(`${mock}/__mock/requests`, { method: 'DELETE' });
      await page.goto(new URL('shopify.html', url).href);
      await page.waitForFunction(
        () =>
          /points/.test(
            document.querySelector('omneo-points-balance')?.shadowRoot?.querySelector('[part~="value"]:not(.skeleton)')
              ?.textContent ?? '',
          ),
        null,
        { timeout: 8000 },
      );
      expectEqual(await count('/shopify/api/v1/auth/token', 'POST'), 1, 'Shopify sign-in requests');
      expectEqual(await count('/auth/token', 'POST'), 0, 'tokens minted by the host backend');
    },
  );

  await check('no console error or uncaught error on the page', async () => {
    if (problems.length) throw new Error(problems.join('\n'));
  });
} finally {
  await browser.close();
  demo.kill('SIGTERM');
}

console.log(`\nScreenshots: ${shots.pathname}\n${summary()}`);
process.exit(tally.failed ? 1 : 0);
