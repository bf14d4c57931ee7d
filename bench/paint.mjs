// First paint of a balance: <omneo-points-balance> against an API that answers at once, versus a
// bare Lit element that renders the same text from a static value, interleaved in one run.
//
// "First paint of the balance" = the time from navigation start (performance.timeOrigin) until
//   (1) an element with part="value" that is not the loading skeleton holds the number, in the
//       element's shadow root (a MutationObserver on every shadow root, installed by the same
//       classic script in <head> of both pages, before any module runs), and then
//   (2) the next animation frame has run and the browser has yielded once after it
//       (requestAnimationFrame, then a MessageChannel task): the frame holding the number is done.
// Both pages use the same instrumentation, the same markup around the element, a bundle built the
// same way (Vite lib mode, terser, vite.config.ts) and a fresh browser context per load (no HTTP,
// code or CORS-preflight cache). The widget gets its token from a `token` attribute (pre-minted),
// and the mock answers with no added latency, on its own origin (cross-origin, as in production).
import { freshPage, spread, stats } from './lib/browser.mjs';

export const PAINT_METHOD =
  'navigation start -> number in a part="value" (non-skeleton) element of the shadow root (MutationObserver) -> next rAF -> one MessageChannel task; ' +
  'fresh browser context per load, widget and baseline interleaved (ABBA), both bundles built by Vite+terser';

const INSTRUMENT = `(() => {
  const t = (window.__paint = {});
  const check = (root) => {
    if (t.dom !== undefined) return;
    const el = root.querySelector('[part~="value"]:not(.skeleton)');
    if (!el || !/\\d/.test(el.textContent)) return;
    t.dom = performance.now();
    t.text = el.textContent.trim();
    requestAnimationFrame(() => {
      t.raf = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { t.painted = performance.now(); performance.mark('bench-painted'); console.debug('bench-painted'); };
      ch.port2.postMessage(0);
    });
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(() => check(root)).observe(root, { childList: true, subtree: true, characterData: true });
    return root;
  };
})();`;

const page = (script, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>first paint</title>
<script>${INSTRUMENT}</script>
<script type="module" src="${script}"></script>
</head><body>
${body}
</body></html>`;

/** Main-thread CPU time (trace thread time of every task) from the start of the trace to the paint. */
function cpuUntilPaint(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents ?? [];
  const mark = events.find((e) => e.name === 'bench-painted');
  if (!mark) return undefined;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark.pid);
  let cpu = 0;
  for (const e of events) {
    if (e.name === 'RunTask' && e.ph === 'X' && e.pid === mark.pid && (!main || e.tid === main.tid) && e.ts <= mark.ts)
      cpu += (e.tdur ?? e.dur) / 1000;
  }
  return cpu;
}

async function once(browser, url, { trace = false } = {}) {
  const p = await freshPage(browser);
  try {
    if (trace)
      await browser.startTracing(p.page, {
        categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing'],
      });
    // The page says when it is done through the console: polling it (waitForFunction) would parse
    // Playwright's injected script in the page while it loads, and that costs the slower page more.
    const painted = p.page.waitForEvent('console', { predicate: (m) => m.text() === 'bench-painted', timeout: 15_000 });
    await Promise.all([p.page.goto(url), painted]);
    if (trace) return { ...(await p.page.evaluate(() => window.__paint)), cpu: cpuUntilPaint(await browser.stopTracing()) };
    return await p.page.evaluate(() => {
      const res = (name) => performance.getEntriesByType('resource').find((e) => e.name.includes(name));
      const script = res('.js');
      const api = res('/balances');
      return {
        ...window.__paint,
        scriptEnd: script?.responseEnd,
        apiStart: api?.startTime,
        apiEnd: api?.responseEnd,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      };
    });
  } finally {
    await p.close();
  }
}

export async function runPaint({ browser, bench, runs = 15, warmup = 2, log = () => {} }) {
  const ns = 'paint';
  const baseUrl = await bench.namespace(ns, { latencyMs: 0 });
  const token = await bench.token(ns);
  const balances = await (
    await fetch(`${baseUrl}/profiles/me/balances`, { headers: { Authorization: `Bearer ${token}` } })
  ).json();
  const points = balances.data.point_balance;
  const expected = `${new Intl.NumberFormat('en').format(points)} points`;

  const widgetUrl = bench.page('paint-widget', () =>
    page(
      '/omneo-widgets.js',
      `<omneo-provider base-url="${baseUrl}" token="${token}"><p>You have <omneo-points-balance></omneo-points-balance> to spend.</p></omneo-provider>`,
    ),
  );
  const baselineUrl = bench.page('paint-baseline', () =>
    page('/baseline.js', `<p>You have <bare-balance value="${points}"></bare-balance> to spend.</p>`),
  );

  const results = { widget: [], baseline: [] };
  for (let i = 0; i < warmup + runs; i++) {
    // ABBA order: drift in the machine's load hits both sides alike.
    const order = i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
    for (const which of order) {
      const r = await once(browser, which === 'widget' ? widgetUrl : baselineUrl);
      if (r.text !== expected) throw new Error(`first paint (${which}): expected "${expected}", found "${r.text}"`);
      if (i >= warmup) results[which].push(r);
    }
    log(`paint run ${i + 1}/${warmup + runs}`);
  }

  // The same loads again, traced: the renderer main thread's CPU time until the paint. Less exposed
  // to other processes on the machine than wall time, it says how much of the gap is the page's work.
  const cpu = { widget: [], baseline: [] };
  for (let i = 0; i < Math.min(7, runs); i++) {
    for (const which of i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline']) {
      const r = await once(browser, which === 'widget' ? widgetUrl : baselineUrl, { trace: true });
      if (r.cpu !== undefined) cpu[which].push(r.cpu);
    }
    log(`paint traced run ${i + 1}`);
  }

  const w = stats(results.widget.map((r) => r.painted));
  const b = stats(results.baseline.map((r) => r.painted));
  const ratio = w.median / b.median;
  // Ratio of each interleaved pair too: its spread says how much the median ratio can be trusted.
  const pairs = stats(results.widget.map((r, i) => r.painted / results.baseline[i].painted));
  const med = (xs) => stats(xs.filter((x) => x !== undefined)).median;
  const phases = (rs) =>
    `script loaded ${med(rs.map((r) => r.scriptEnd)).toFixed(1)}, ` +
    (rs[0].apiStart !== undefined
      ? `balances request ${med(rs.map((r) => r.apiStart)).toFixed(1)}-${med(rs.map((r) => r.apiEnd)).toFixed(1)}, `
      : '') +
    `number in DOM ${med(rs.map((r) => r.dom)).toFixed(1)}, frame done ${med(rs.map((r) => r.painted)).toFixed(1)} (FCP ${med(rs.map((r) => r.fcp)).toFixed(1)})`;
  return [
    { id: 'paint:widget', stats: w, line: `paint <omneo-points-balance> first paint of "${expected}": ${spread(w)}` },
    { id: 'paint:baseline', stats: b, line: `paint bare Lit element, same text, static value: ${spread(b)}` },
    {
      id: 'paint:ratio',
      ratio,
      pass: ratio <= 1.2,
      line: `paint ratio widget/baseline (medians): ${ratio.toFixed(2)}x | target <= 1.20x: ${ratio <= 1.2 ? 'PASS' : 'FAIL'} | per-pair ratios: median ${pairs.median.toFixed(2)}x, IQR ${pairs.p25.toFixed(2)}-${pairs.p75.toFixed(2)}x`,
    },
    cpu.widget.length && cpu.baseline.length
      ? (() => {
          const cw = stats(cpu.widget);
          const cb = stats(cpu.baseline);
          return {
            id: 'paint:cpu',
            line: `paint   main-thread CPU time until that paint (traced loads): widget median ${cw.median.toFixed(1)} ms (min-max ${cw.min.toFixed(1)}-${cw.max.toFixed(1)}), baseline ${cb.median.toFixed(1)} ms (${cb.min.toFixed(1)}-${cb.max.toFixed(1)}), ratio ${(cw.median / cb.median).toFixed(2)}x, n=${cw.n}`,
          };
        })()
      : { id: 'paint:cpu', line: 'paint   main-thread CPU time: no trace' },
    { id: 'paint:phases:widget', line: `paint   widget phases (medians, ms from navigation start): ${phases(results.widget)}` },
    {
      id: 'paint:phases:baseline',
      line: `paint   baseline phases (medians, ms from navigation start): ${phases(results.baseline)}`,
    },
    { id: 'paint:method', line: `paint   method: ${PAINT_METHOD}` },
  ];
}
