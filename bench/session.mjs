// A session of one shopper across 10 pages: each page a fresh navigation in the same tab, with
// `<omneo-provider shopper="…" token-url="…">` as a store's server renders it, against the mock on
// another origin with 100 ms of latency on every API answer.
//
// Counted: token requests over the 10 pages (the bench server counts calls to its token endpoint;
// target 1) and ID API requests per page view (the mock's log). Timed: the balance's first paint
// on pages 2 to 10 (navigation start -> a number in part="value" -> next frame done, as in
// paint.mjs), against the bare Lit element's first paint of the same text in the same tab, pages
// interleaved; target: ratio of medians at most 1.0. "Skeleton frame": whether a loading skeleton
// was ever in a widget's shadow root, seen by a MutationObserver installed before any module runs;
// target: none on pages 2 to 10.
import { freshPage, spread, stats } from './lib/browser.mjs';

const INSTRUMENT = `(() => {
  const t = (window.__paint = { skeleton: false });
  const check = (root) => {
    if (root.querySelector('.skeleton, .loading-row')) t.skeleton = true;
    if (t.dom !== undefined) return;
    const el = root.querySelector('[part~="value"]:not(.skeleton)');
    if (!el || !/\\d/.test(el.textContent)) return;
    t.dom = performance.now();
    t.text = el.textContent.trim();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { t.painted = performance.now(); console.debug('bench-painted'); };
      ch.port2.postMessage(0);
    });
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(() => check(root)).observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    return root;
  };
})();`;

const page = (script, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>session</title>
<script>${INSTRUMENT}</script>
<script type="module" src="${script}"></script>
</head><body>
${body}
</body></html>`;

const PAGES = 10;

async function view(p, url) {
  const painted = p.waitForEvent('console', { predicate: (m) => m.text() === 'bench-painted', timeout: 15_000 });
  await Promise.all([p.goto(url), painted]);
  return p.evaluate(() => window.__paint);
}

export async function runSession({ browser, bench, runs = 15, log = () => {} }) {
  const ns = 'session';
  const baseUrl = await bench.namespace(ns, { latencyMs: 100 });
  const widgetUrl = bench.page('session-widget', (q) =>
    page(
      '/omneo-widgets.js',
      `<omneo-provider base-url="${baseUrl}" token-url="/token/${ns}" shopper="ava.thompson@example.com"><p>You have <omneo-points-balance></omneo-points-balance> to spend. <span>Page ${q.get('n')}</span></p></omneo-provider>`,
    ),
  );

  // The widgets' own requests to the ID API (the bench's token endpoint mints at the mock's
  // /auth/token with the secret key: that is the host backend's request, counted as a token request).
  const apiRequests = async () => (await bench.requests(ns)).filter((r) => r.path !== '/auth/token');

  // One tab, 10 page views of the same shopper.
  const tab = await freshPage(browser);
  const views = [];
  try {
    for (let n = 1; n <= PAGES; n++) {
      const before = (await apiRequests()).length;
      const r = await view(tab.page, `${widgetUrl}?n=${n}`);
      // The background refresh of the kept answer: wait for it before counting this page's requests.
      await new Promise((resolve) => setTimeout(resolve, 400));
      views.push({ ...r, requests: (await apiRequests()).length - before });
      log(`session page ${n}: ${r.text}, ${r.painted.toFixed(1)} ms, skeleton ${r.skeleton}`);
    }
  } finally {
    await tab.close();
  }
  const tokenRequests = bench.tokenCalls(ns);

  // The baseline: the bare Lit element's first paint, also in one tab, same number of loads.
  const points = Number(views[0].text.replace(/\D/g, ''));
  const baselineUrl = bench.page('session-baseline', () =>
    page('/baseline.js', `<p>You have <bare-balance value="${points}"></bare-balance> to spend.</p>`),
  );
  const later = { widget: [], baseline: [] };
  const tab2 = await freshPage(browser);
  try {
    for (let i = 0; i < Math.max(PAGES - 1, Math.min(runs, 15)); i++)
      later.baseline.push((await view(tab2.page, baselineUrl)).painted);
  } finally {
    await tab2.close();
  }
  // More widget pages 2+ of the same session, for as many samples as the baseline has.
  const tab3 = await freshPage(browser);
  try {
    await view(tab3.page, `${widgetUrl}?n=1`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (let i = 0; i < later.baseline.length; i++) later.widget.push((await view(tab3.page, `${widgetUrl}?n=${i + 2}`)).painted);
  } finally {
    await tab3.close();
  }

  const rest = views.slice(1);
  const skeletons = rest.filter((v) => v.skeleton).length;
  const perPage = rest.map((v) => v.requests);
  const w = stats(later.widget);
  const b = stats(later.baseline);
  const ratio = w.median / b.median;
  return [
    {
      id: 'session:tokens',
      pass: tokenRequests === 1,
      line: `session 10 page views of one declared shopper: ${tokenRequests} token request(s) | target 1: ${tokenRequests === 1 ? 'PASS' : 'FAIL'}`,
    },
    {
      id: 'session:requests',
      line: `session API requests per page view: page 1 ${views[0].requests}, pages 2-10 ${perPage.join(', ')} (the background refresh of each resource)`,
    },
    {
      id: 'session:skeleton',
      pass: skeletons === 0,
      line: `session pages 2-10 with a skeleton frame: ${skeletons} of ${rest.length} | target 0: ${skeletons === 0 ? 'PASS' : 'FAIL'} (page 1: ${views[0].skeleton ? 'skeleton, as expected' : 'no skeleton'})`,
    },
    { id: 'session:paint:widget', stats: w, line: `session balance first paint, pages 2+ (API 100 ms away): ${spread(w)}` },
    { id: 'session:paint:baseline', stats: b, line: `session bare Lit element, same text, static value: ${spread(b)}` },
    {
      id: 'session:paint:ratio',
      ratio,
      pass: ratio <= 1.0,
      line: `session first-paint ratio pages 2+/bare Lit (medians): ${ratio.toFixed(2)}x | target <= 1.00x: ${ratio <= 1.0 ? 'PASS' : 'FAIL'}`,
    },
  ];
}
