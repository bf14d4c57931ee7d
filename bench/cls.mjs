// CLS while loading -> loaded: a balance in a line of text, and a list in a page, with the API
// answering after ~300 ms so the loading state is on screen for a while.
//
// Each page is loaded in a fresh context; a PerformanceObserver('layout-shift', buffered) in <head>
// records every shift; the page is read once every widget has fired `omneo-load`, two frames and
// 500 ms have passed. The figure is the sum of all shift values (stricter than CLS's session
// windows), excluding shifts right after input (there is none). Several loads; the worst is shown.
// The module script is in <head>, as a storefront would include it: the first frame may come before
// the elements are defined, and a shift caused by that counts too (the shift list says when).
import { readFileSync } from 'node:fs';
import { freshPage } from './lib/browser.mjs';

const OBSERVE = `window.__shifts = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) __shifts.push({ at: Math.round(e.startTime), value: e.value,
  nodes: e.sources.map((s) => s.node ? (s.node.nodeType === 3 ? '#text' : s.node.nodeName.toLowerCase() + (s.node.id ? '#' + s.node.id : '')) : '?').join('+') }); })
  .observe({ type: 'layout-shift', buffered: true });
window.__loads = new Set();
document.addEventListener('omneo-load', (e) => { __loads.add(e.target); window.__loadedAt ??= Math.round(performance.now()); }, true);
customElements.whenDefined('omneo-points-balance').then(() => { window.__definedAt ??= Math.round(performance.now()); });
customElements.whenDefined('omneo-rewards-list').then(() => { window.__definedAt ??= Math.round(performance.now()); });
document.addEventListener('DOMContentLoaded', () => { window.__dcl = Math.round(performance.now()); });`;

const head = (title) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script>${OBSERVE}</script><script type="module" src="/omneo-widgets.js"></script>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 2em; } main { max-width: 36em; }</style></head>`;

async function once(browser, url, widgets) {
  const p = await freshPage(browser);
  try {
    await p.page.goto(url);
    await p.page.waitForFunction((n) => window.__loads.size >= n, widgets, { timeout: 20_000 });
    await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
    return await p.page.evaluate(() => ({ shifts: window.__shifts, definedAt: window.__definedAt, loadedAt: window.__loadedAt }));
  } finally {
    await p.close();
  }
}

export async function runCls({ browser, bench, log = () => {}, loads = 3 }) {
  const ns = 'cls';
  const baseUrl = await bench.namespace(ns, { latencyMs: 300 });
  const token = await bench.token(ns);
  const hasList = readFileSync(bench.bundleFile, 'utf8').includes('"omneo-rewards-list"');
  const provider = `<omneo-provider base-url="${baseUrl}" token="${token}">`;

  const cases = [
    {
      id: 'cls:balance',
      label: 'balance in a line of text',
      widgets: 2,
      url: bench.page(
        'cls-balance',
        () => `${head('CLS balance')}<body>${provider}<main>
<h1>Hello again</h1>
<p>Welcome back! You have <omneo-points-balance id="points"></omneo-points-balance> to spend, and rewards worth
<omneo-points-balance id="rewards" kind="rewards"></omneo-points-balance> waiting. This sentence goes on long enough to wrap
onto the next lines, so a change in the width of either balance would move the words after it.</p>
<p>A paragraph below, which moves if the line above changes height.</p></main></omneo-provider></body></html>`,
      ),
    },
    hasList && {
      id: 'cls:list',
      label: 'rewards list in a page',
      widgets: 1,
      url: bench.page(
        'cls-list',
        () => `${head('CLS list')}<body>${provider}<main>
<h1>Your rewards</h1><p>Spend them at checkout.</p>
<omneo-rewards-list id="list" limit="5"></omneo-rewards-list>
<footer><p>Content below the list, which moves if the list changes height.</p></footer></main></omneo-provider></body></html>`,
      ),
    },
  ].filter(Boolean);

  const figures = [];
  for (const c of cases) {
    const results = [];
    for (let i = 0; i < loads; i++) results.push(await once(browser, c.url, c.widgets));
    const sums = results.map((r) => r.shifts.reduce((s, x) => s + x.value, 0));
    const worst = results[sums.indexOf(Math.max(...sums))];
    const pass = Math.max(...sums) === 0;
    log(`cls ${c.id}: ${JSON.stringify(results.map((r) => r.shifts))}`);
    figures.push({
      id: c.id,
      pass,
      line:
        `cls   ${c.label} (API latency 300 ms): layout shift sum per load ${sums.map((s) => s.toFixed(4)).join(', ')}` +
        `${worst.shifts.length ? `; worst load's shifts: ${worst.shifts.map((s) => `${s.value.toFixed(4)} at ${s.at} ms (${s.nodes}, ${s.at < worst.loadedAt ? 'while loading' : 'data shown'})`).join('; ')}; element defined at ${worst.definedAt} ms, data shown at ${worst.loadedAt} ms` : ''} | target 0: ${pass ? 'PASS' : 'FAIL'}`,
    });
  }
  if (!hasList)
    figures.push({
      id: 'cls:list',
      skipped: true,
      line: 'cls   rewards list in a page: not run: <omneo-rewards-list> is not in the bundle yet',
    });
  return figures;
}
