#!/usr/bin/env node
/**
 * A newcomer's first run: `npm start` on a fresh clone, before anything is built, must start
 * without an error and show the demo storefront working.
 *
 * Copies the tracked files of the repository (no dist/, no build output) to a temporary folder,
 * with node_modules linked and a fresh Vite cache (so Vite scans and pre-bundles the dependencies
 * as on a first run), starts `node demo/start.js` there, waits for its ready line, opens the demo
 * in Chromium, signs in as the demo shopper and waits for the points balance. It fails on any
 * output on stderr, any error or warning Vite prints, any console error or page error, or no
 * balance. Prints `N passed, N failed`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const clone = mkdtempSync(join(tmpdir(), 'omneo-start-'));

let passed = 0;
let failed = 0;
function report(name, problems) {
  if (problems.length) failed++;
  else passed++;
  console.log(`${problems.length ? '✗' : '✓'} ${name}${problems.map((p) => `\n    ${p.replace(/\n/g, '\n    ')}`).join('')}`);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// The fresh clone: what git tracks (with this checkout's uncommitted edits), nothing built.
const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\0')
  .filter((f) => f && f !== 'node_modules');
for (const f of files) {
  mkdirSync(dirname(join(clone, f)), { recursive: true });
  try {
    cpSync(join(ROOT, f), join(clone, f));
  } catch {} // deleted in the work tree but not yet in the index
}
symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');

const started = Date.now();
const demo = spawn(process.execPath, ['demo/start.js'], {
  cwd: clone,
  env: {
    ...process.env,
    DEMO_OPEN: '0',
    DEMO_BUNDLE: '',
    PORT: String(await freePort()),
    MOCK_PORT: String(await freePort()),
    DEMO_VITE_CACHE_DIR: join(clone, '.vite-cache'),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let stdout = '';
let stderr = '';
demo.stdout.on('data', (d) => (stdout += d));
demo.stderr.on('data', (d) => (stderr += d));

let browser;
try {
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line after 30 s:\n${stdout}${stderr}`)), 30_000);
    demo.stdout.on('data', () => {
      const url = /Demo storefront: (\S+)/.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    demo.on('exit', (code) => reject(new Error(`the demo exited (${code}):\n${stdout}${stderr}`)));
  });
  report(`npm start prints its ready line (${((Date.now() - started) / 1000).toFixed(1)} s)`, []);

  browser = await chromium.launch({
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
  const page = await browser.newPage();
  const pageProblems = [];
  // Before sign-in the host backend's token endpoint answers 401 (nobody is signed in), as designed;
  // Chromium logs every 4xx answer as a console error.
  const expected = /Failed to load resource: the server responded with a status of 401/;
  page.on('console', (m) => m.type() === 'error' && !expected.test(m.text()) && pageProblems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => pageProblems.push(`page error: ${e.message}`));
  // The seed's images live on cdn.example.com: answer them locally, offline as online.
  await page.route(/^https?:\/\/cdn\.example\.com\//, (route) => route.fulfill({ status: 204 }));

  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const balance = await page
    .waitForFunction(
      () =>
        document.querySelector('omneo-points-balance')?.shadowRoot?.querySelector('[part~="value"]:not(.skeleton)')?.textContent,
      null,
      { timeout: 20_000 },
    )
    .then((h) => h.jsonValue())
    .catch((e) => `none (${e.message.split('\n')[0]})`);
  report(
    `the demo page loads, and after sign-in shows a balance: ${balance} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    /^[\d,]+ points$/.test(balance) ? [] : [`expected "N points", got ${balance}`],
  );
  report('the page logs no error', pageProblems);
} catch (e) {
  report('npm start', [String(e.message ?? e)]);
} finally {
  await browser?.close();
  demo.kill('SIGTERM');
  await new Promise((r) => (demo.exitCode === null ? demo.on('exit', r) : r()));
  // Vite prints a failed dependency scan, a failed import or a warning as "(!)", "error" or "✘".
  const viteProblems = [stderr.trim(), ...stdout.split('\n').filter((l) => /error|\(!\)|✘|failed/i.test(l))].filter(Boolean);
  report('npm start prints no error or warning', viteProblems);
  rmSync(clone, { recursive: true, force: true });
}

if (process.env.VERBOSE) console.log(stdout);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
