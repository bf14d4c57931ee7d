#!/usr/bin/env node
// @ts-check
/**
 * Smoke run of the built Storybook: every story, in headless Chromium, offline.
 *
 *   npx storybook build --quiet && node scripts/storybook-smoke.mjs [options]
 *
 * It serves `storybook-static/` on an ephemeral port, reads `index.json`, shows each story in
 * `iframe.html` (a page per lane, which shows its stories one after another as Storybook's UI does;
 * see `run`), and waits for Storybook's own verdict: the preview's channel
 * says `storyFinished` once the story has rendered and its play function has run (or
 * `playFunctionThrewException`, `storyThrewException`, `storyErrored`, `storyMissing`).
 *
 * A story fails on:
 *   - a console error or an uncaught page error (msw reports a request to Omneo that no handler
 *     answers as a console error, so those count too). Chromium also logs each 4xx/5xx answer as
 *     a console error: one that a msw handler gave (the response came from the service worker) is
 *     allowed in stories tagged `expect-http-error` or `expect-error`, e.g. the token endpoint's
 *     401 when signed out; any other is a failure;
 *   - a play function that throws, a render that throws, or Storybook's error screen;
 *   - an element showing a `[part~="error"]` when the story does not declare it with
 *     `tags: ['expect-error']`, or showing none when it does;
 *   - no verdict within the timeout;
 *   - a picture that differs from its reference (below).
 * Stories tagged `!test` (Storybook's way of leaving a story out of test runs) are skipped.
 *
 * The visual check: once a story has passed the checks above, its root (`#storybook-root`) is
 * captured (1024×768 viewport, device scale 1, animations finished or cancelled, no caret, the
 * page's clock started at 2026-06-15T02:00:00Z, noon in Melbourne, so "expires in 3 days" stays
 * put) and compared with `test/visual/<story id>.png` by pixelmatch (threshold 0.1, anti-aliased
 * pixels ignored). More than 16 differing pixels, another size, or no reference fails the story;
 * the capture and a diff image are then written to `test/visual/.diff/` (git-ignored). `--update` (or
 * VISUAL_UPDATE=1; `npm run visual:update`) writes the reference of every story that fails the
 * comparison, and on a full run deletes references of stories that no longer exist.
 * The text renders in the fonts of Debian's fonts-dejavu-core, fonts-dejavu-extra and
 * fonts-liberation (`.ci/run` installs them), so the pictures hold on a clean machine.
 *
 * Options: --dir <storybook-static>  --filter <text in id or title; several, comma-separated>
 *          --concurrency <pages at once> (default: CPU cores, at most 4)
 *          --timeout <ms per story> (default 30000)  --verbose (print every console message)
 *          --update (write references, see above)  --no-visual (skip the pictures)
 * Chromium: $CHROMIUM_PATH, else /usr/bin/chromium.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import pixelmatch from 'pixelmatch';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    filter: { type: 'string' },
    concurrency: { type: 'string' },
    timeout: { type: 'string', default: '30000' },
    verbose: { type: 'boolean', default: false },
    update: { type: 'boolean', default: false },
    'no-visual': { type: 'boolean', default: false },
  },
});
const root = resolve(opts.dir ?? 'storybook-static');
// A page per CPU core, at most 4: each page parses Storybook's whole preview bundle.
const concurrency = Math.max(1, Number(opts.concurrency) || Math.min(4, availableParallelism()));
const timeout = Math.max(1000, Number(opts.timeout) || 30_000);
const EXPECT_ERROR = 'expect-error';
const EXPECT_HTTP_ERROR = 'expect-http-error';

// The visual check
const VISUAL = !opts['no-visual'];
const UPDATE = opts.update || ['1', 'true'].includes(process.env.VISUAL_UPDATE ?? '');
const REFERENCES = resolve('test/visual');
const DIFFS = join(REFERENCES, '.diff');
/** The page's clock at the start of every story: the seeds' dates are relative to it. */
const FIXED_NOW = Date.parse('2026-06-15T02:00:00Z');
/** Differing pixels a picture may have (pixelmatch's count, anti-aliased pixels not counted). */
const MAX_DIFF_PIXELS = 16;
/** pixelmatch's colour threshold (0 to 1): smaller is stricter. */
const DIFF_THRESHOLD = 0.1;

// ---------------------------------------------------------------------------
// The stories

/** @typedef {{id: string, title: string, name: string, type: string, tags?: string[]}} Entry */

/** @type {{entries: Record<string, Entry>}} */
let index;
try {
  index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
} catch (e) {
  console.error(`No Storybook build in ${root} (${/** @type {Error} */ (e).message}). Run \`npx storybook build\` first.`);
  process.exit(2);
}
const filters = (opts.filter ?? '')
  .split(',')
  .map((f) => f.trim().toLowerCase())
  .filter(Boolean);
const stories = Object.values(index.entries).filter(
  (e) =>
    e.type === 'story' &&
    !(e.tags ?? []).includes('!test') &&
    (!filters.length || filters.some((f) => e.id.includes(f) || `${e.title} ${e.name}`.toLowerCase().includes(f))),
);
if (!stories.length) {
  console.error(`No stories to run${opts.filter ? ` matching "${opts.filter}"` : ''}.`);
  process.exit(2);
}

// ---------------------------------------------------------------------------
// A tiny static server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    // Browsers ask for /favicon.ico on their own; Storybook ships an SVG one.
    if (path === '/favicon.ico') path = '/favicon.svg';
    const file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
    res.writeHead(200, {
      'Content-Type': TYPES[/** @type {keyof TYPES} */ (extname(file))] ?? 'application/octet-stream',
      'Content-Length': info.size,
      // Vite's assets have hashed names: each page after the first reads them from the cache.
      'Cache-Control': path.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

// ---------------------------------------------------------------------------
// In the page, before Storybook starts: listen to the preview's channel from the moment it exists.

function watchStorybook() {
  /** @type {any} */
  const w = window;
  // A page shows one story after another (see `run`): each starts with a fresh verdict.
  w.__smokeReset = () => (w.__smoke = { done: false, status: null, problems: [] });
  w.__smokeReset();
  const problem = (/** @type {string} */ what, /** @type {any} */ e) => {
    const text =
      e && typeof e === 'object'
        ? [e.name && e.name !== 'Error' ? e.name : '', e.message ?? e.description ?? e.title ?? ''].filter(Boolean).join(': ')
        : String(e ?? '');
    // Testing Library appends the whole DOM to its messages: keep the first lines.
    const short = text
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 4)
      .join(' | ');
    w.__smoke.problems.push(`${what}${short ? `: ${short.length > 400 ? `${short.slice(0, 400)}…` : short}` : ''}`);
  };
  /** @type {Record<string, (arg: any) => void>} */
  const on = {
    storyFinished: (e) => {
      w.__smoke.status = e?.status ?? null;
      w.__smoke.done = true;
    },
    playFunctionThrewException: (e) => problem('play function failed', e),
    unhandledErrorsWhilePlaying: (errors) =>
      (errors ?? []).forEach((/** @type {any} */ e) => problem('unhandled error while playing', e)),
    storyThrewException: (e) => problem('story threw', e),
    storyErrored: (e) => problem('story errored', e),
    storyMissing: (e) => {
      problem('story missing', e);
      w.__smoke.done = true;
    },
    configError: (e) => {
      problem('Storybook configuration error', e);
      w.__smoke.done = true;
    },
  };
  // The preview's channel only sends these (its own listeners never hear them): watch what it emits.
  const watch = (/** @type {any} */ channel) => {
    if (!channel || typeof channel.emit !== 'function' || channel.__smokeWatched) return;
    channel.__smokeWatched = true;
    const emit = channel.emit;
    channel.emit = function (/** @type {string} */ type, /** @type {any[]} */ ...args) {
      try {
        on[type]?.(args[0]);
      } catch {}
      return emit.call(this, type, ...args);
    };
  };
  let channel = w.__STORYBOOK_ADDONS_CHANNEL__;
  watch(channel);
  Object.defineProperty(w, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (next) => {
      channel = next;
      watch(next);
    },
  });
}

/** In the page, once the story is done: what it shows that the smoke run checks. */
function inspect() {
  /** @type {{host: string, text: string}[]} */
  const errors = [];
  const visit = (/** @type {Document | ShadowRoot | Element} */ root) => {
    for (const el of root.querySelectorAll('[part~="error"]')) {
      if (el.getClientRects().length === 0) continue; // not rendered
      const host =
        el.getRootNode() instanceof ShadowRoot ? /** @type {ShadowRoot} */ (el.getRootNode()).host.localName : el.localName;
      errors.push({ host, text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() });
    }
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  const errorScreen = document.body.classList.contains('sb-show-errordisplay')
    ? (document.querySelector('#error-message')?.textContent ?? 'Storybook shows its error screen').trim()
    : null;
  return { errors, errorScreen };
}

/**
 * In the page, before anything runs: `Date` starts at `start` and ticks on from there, so the
 * seeds' relative dates ("expires in 3 days") and the shopper token's times are the same on every
 * run. Only `Date` changes: timers, `performance.now()` and animation frames stay real.
 * @param {number} start epoch ms
 */
function startClockAt(start) {
  const RealDate = Date;
  let offset = 0;
  const now = () => RealDate.now() + offset;
  /** @param {number} at */
  const setClock = (at) => (offset = at - RealDate.now());
  setClock(start);
  // The next story on the same page starts at the same time again.
  /** @type {any} */ (globalThis).__smokeClockAt = setClock;
  globalThis.Date = new Proxy(RealDate, {
    // `new Date()` is now; `new Date(x)` is x, as ever.
    construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
    // `Date()` called as a function gives the current time as a string.
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
  });
}

/**
 * In the page, after the story's checks: every widget done loading (nothing `aria-busy`; not in a
 * story of the loading state), fonts loaded, every image loaded and decoded (lazy ones too, so the
 * picture does not depend on what was scrolled into view), two frames painted.
 */
async function settle(loadingStory) {
  const busy = (/** @type {Document | ShadowRoot} */ root) =>
    [...root.querySelectorAll('*')].some(
      (el) => el.getAttribute('aria-busy') === 'true' || (el.shadowRoot && busy(el.shadowRoot)),
    );
  for (let waited = 0; !loadingStory && busy(document) && waited < 10_000; waited += 50) {
    await new Promise((done) => setTimeout(done, 50));
  }
  await document.fonts.ready;
  /** @type {HTMLImageElement[]} */
  const images = [];
  const visit = (/** @type {Document | ShadowRoot} */ root) => {
    images.push(...root.querySelectorAll('img'));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  for (const img of images) if (img.loading === 'lazy') img.loading = 'eager';
  const decoded = Promise.all(images.map((img) => img.decode().catch(() => {})));
  await Promise.race([decoded, new Promise((done) => setTimeout(done, 10_000))]);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

/**
 * Captures the story's root and compares it with its reference (see the top of this file).
 * @param {import('playwright-core').Page} page
 * @param {Entry} story
 * @returns {Promise<string | null>} why the picture fails; null when it matches (or was written)
 */
async function comparePicture(page, story) {
  const t0 = Date.now();
  try {
    return await capturePicture(page, story);
  } finally {
    pictureMs += Date.now() - t0;
  }
}

/** Time spent on pictures, summed over the lanes (they run side by side). */
let pictureMs = 0;

/** @param {import('playwright-core').Page} page @param {Entry} story */
async function capturePicture(page, story) {
  // A story of a loading state stays busy (the skeleton, a redeem on its way): that is its picture.
  await page.evaluate(settle, /loading|redeeming/i.test(story.id));
  const shot = await page.locator('#storybook-root').screenshot({ animations: 'disabled', caret: 'hide', scale: 'css', timeout });
  const reference = join(REFERENCES, `${story.id}.png`);
  const expected = await readFile(reference).then(
    (bytes) => PNG.sync.read(bytes),
    () => null,
  );
  const actual = PNG.sync.read(shot);
  let why = null;
  /** @type {PNG | null} */
  let diff = null;
  if (!expected) {
    why = `no reference picture test/visual/${story.id}.png (run \`npm run visual:update\` to create it)`;
  } else if (expected.width !== actual.width || expected.height !== actual.height) {
    why = `the picture is ${actual.width}×${actual.height} px, its reference ${expected.width}×${expected.height} px`;
  } else {
    diff = new PNG({ width: actual.width, height: actual.height });
    const count = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: DIFF_THRESHOLD });
    if (count > MAX_DIFF_PIXELS) why = `${count} pixels differ from test/visual/${story.id}.png (at most ${MAX_DIFF_PIXELS} may)`;
  }
  if (!why) return null;
  if (UPDATE) {
    await writeFile(reference, shot);
    console.log(`    wrote test/visual/${story.id}.png (${why})`);
    return null;
  }
  await mkdir(DIFFS, { recursive: true });
  await writeFile(join(DIFFS, `${story.id}.actual.png`), shot);
  if (diff) await writeFile(join(DIFFS, `${story.id}.diff.png`), PNG.sync.write(diff));
  return `${why}; see test/visual/.diff/${story.id}.actual.png${diff ? ' and .diff.png' : ''}`;
}

// ---------------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
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

let stopping = false;
async function shutdown(code = 1) {
  stopping = true;
  await browser.close().catch(() => {});
  server.close();
  server.closeAllConnections?.();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(130));
process.on('SIGTERM', () => void shutdown(143));

/** `Failed to load resource: the server responded with a status of 401 (Unauthorized)` */
const HTTP_STATUS_LOGGED = /^Failed to load resource: the server responded with a status of (\d+)/;

/**
 * A lane runs its stories one after another in one page, as Storybook's own UI does: the first
 * story loads `iframe.html`, each next one is shown by the preview itself
 * (`__STORYBOOK_PREVIEW__.onSetCurrentStory`), so the preview's bundle and msw's worker start once
 * per lane, not once per story. Before each story the page's clock is set back, sessionStorage and
 * localStorage are cleared (the widgets keep a session there) and Storybook's `beforeEach` resets
 * the mock's data. A story that fails on a page that showed another story first is run again on a
 * new page, and only that verdict counts: what is checked is the story, not what the last one left.
 * @typedef {{context: import('playwright-core').BrowserContext, page?: import('playwright-core').Page, seen?: Seen}} Lane
 * @typedef {{consoleErrors: {text: string, url?: string}[], mocked: Set<string>, pageErrors: string[]}} Seen
 */

/**
 * @param {Entry} story
 * @param {Lane} lane
 * @returns {Promise<string[]>} why it failed; empty when it passed
 */
async function run(story, lane) {
  const reused = !!lane.page;
  const problems = await runIn(story, lane);
  if (problems.length || stopping) {
    await lane.page?.close().catch(() => {});
    lane.page = undefined;
    if (reused && !stopping) {
      console.log(`    (failed after another story on the same page; run again on a new page)`);
      return run(story, lane);
    }
  }
  return problems;
}

/**
 * Shows `story` in the lane's page (a new one when it has none) and checks it.
 * @param {Entry} story
 * @param {Lane} lane
 */
async function runIn(story, lane) {
  /** @type {string[]} */
  const problems = [];
  const tags = story.tags ?? [];
  const expectsError = tags.includes(EXPECT_ERROR);
  const expectsHttpError = expectsError || tags.includes(EXPECT_HTTP_ERROR);
  /** What the page reports while this story is shown. */
  const seen = (lane.seen = { consoleErrors: [], mocked: new Set(), pageErrors: [] });
  try {
    if (lane.page) {
      await lane.page.evaluate(([id, now]) => {
        /** @type {any} */
        const w = window;
        w.__smokeReset();
        w.__smokeClockAt(now);
        sessionStorage.clear();
        localStorage.clear();
        return w.__STORYBOOK_PREVIEW__.onSetCurrentStory({ storyId: id, viewMode: 'story' });
      }, /** @type {const} */ ([story.id, FIXED_NOW]));
    } else {
      const page = (lane.page = await lane.context.newPage());
      page.on('console', (msg) => {
        if (opts.verbose) console.log(`    [${msg.type()}] ${msg.text()}`);
        if (msg.type() === 'error') lane.seen?.consoleErrors.push({ text: msg.text(), url: msg.location()?.url });
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && r.fromServiceWorker()) lane.seen?.mocked.add(r.url());
      });
      page.on('pageerror', (e) => lane.seen?.pageErrors.push(`page error: ${e.message.split('\n')[0]}`));
      await page.addInitScript(watchStorybook);
      await page.addInitScript(startClockAt, FIXED_NOW);
      await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load', timeout });
    }
    const page = lane.page;
    try {
      await page.waitForFunction(() => /** @type {any} */ (window).__smoke?.done, undefined, { timeout, polling: 50 });
    } catch {
      problems.push(`no verdict from Storybook within ${timeout} ms`);
    }
    const smoke = await page.evaluate(() => /** @type {any} */ (window).__smoke);
    problems.push(...seen.pageErrors);
    problems.push(...(smoke?.problems ?? []));
    if (smoke?.status === 'error' && !smoke.problems.length) problems.push('Storybook reported the story as failed');
    const shown = await page.evaluate(inspect);
    if (shown.errorScreen) problems.push(`Storybook error screen: ${shown.errorScreen.slice(0, 300)}`);
    if (!expectsError) {
      for (const e of shown.errors)
        problems.push(
          `unexpected [part="error"] in <${e.host}>: "${e.text}" (tag the story '${EXPECT_ERROR}' if it is meant to)`,
        );
    } else if (!shown.errors.length) {
      problems.push(`tagged '${EXPECT_ERROR}' but no [part="error"] is shown`);
    }
    // Chromium logs every 4xx/5xx answer as a console error, mocked ones too. A story may meet
    // those on purpose (signed out is a 401 from the token endpoint), and says so with a tag.
    for (const { text, url } of seen.consoleErrors) {
      const status = HTTP_STATUS_LOGGED.exec(text)?.[1];
      if (status && url && seen.mocked.has(url)) {
        if (!expectsHttpError)
          problems.push(`the mock answered ${status} to ${url} (tag the story '${EXPECT_HTTP_ERROR}' if it is meant to)`);
      } else {
        problems.push(`console error: ${text.split('\n')[0]}${url && !text.includes(url) ? ` (${url})` : ''}`);
      }
    }
    // The picture, once the story has shown what it should.
    if (VISUAL && !problems.length) {
      const why = await comparePicture(page, story);
      if (why) problems.push(why);
    }
    // Page errors that came while the picture was taken.
    problems.push(...seen.pageErrors);
  } catch (e) {
    if (!stopping) problems.push(`smoke run failed: ${/** @type {Error} */ (e).message.split('\n')[0]}`);
  }
  return [...new Set(problems)];
}

const started = Date.now();
console.log(
  `Storybook smoke run: ${stories.length} stories from ${root}, ${concurrency} at a time${
    VISUAL ? `, pictures compared with test/visual/${UPDATE ? ' (updating them)' : ''}` : ''
  }`,
);
if (VISUAL) {
  await mkdir(REFERENCES, { recursive: true });
  // Diffs of an earlier run would only mislead.
  await Promise.all(
    stories.map((s) => Promise.all(['actual', 'diff'].map((k) => rm(join(DIFFS, `${s.id}.${k}.png`), { force: true })))),
  );
}
let passed = 0;
/** @type {string[]} */
const failed = [];
const queue = [...stories];
await Promise.all(
  Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    // One context and one page per lane (see `run`): the service worker stays registered and the
    // preview stays loaded from one story to the next.
    /** @type {Lane} */
    const lane = {
      context: await browser.newContext({
        viewport: { width: 1024, height: 768 },
        deviceScaleFactor: 1,
        colorScheme: 'light',
        locale: 'en-AU',
        timezoneId: 'Australia/Melbourne',
      }),
    };
    for (let story = queue.shift(); story && !stopping; story = queue.shift()) {
      const t0 = Date.now();
      const problems = await run(story, lane);
      const label = `${story.title} › ${story.name}`;
      const ms = `${Date.now() - t0} ms`;
      if (problems.length) {
        failed.push(`${label} (${story.id})`);
        console.log(`✗ ${label}  [${story.id}] ${ms}`);
        for (const p of problems) console.log(`    - ${p}`);
      } else {
        passed++;
        console.log(`✓ ${label}  ${ms}`);
      }
    }
    await lane.context.close().catch(() => {});
  }),
);

// References of stories that no longer exist (renamed or removed), on a full run only.
if (VISUAL && !filters.length && !stopping) {
  const ids = new Set(stories.map((s) => s.id));
  const stale = (await readdir(REFERENCES)).filter((f) => f.endsWith('.png') && !ids.has(f.slice(0, -4)));
  for (const f of stale) {
    if (UPDATE) await rm(join(REFERENCES, f));
    console.log(
      `${UPDATE ? 'deleted' : 'note: no story for'} test/visual/${f}${UPDATE ? ' (no story has its id)' : ' (`npm run visual:update` deletes it)'}`,
    );
  }
}

const pictures = VISUAL ? `, of which ${(pictureMs / 1000).toFixed(1)} s in all lanes on pictures` : '';
console.log(`\n${passed} passed, ${failed.length} failed (${((Date.now() - started) / 1000).toFixed(1)} s${pictures})`);
if (failed.length) console.log(`Failed:\n${failed.map((f) => `  ${f}`).join('\n')}`);
await shutdown(failed.length ? 1 : 0);
