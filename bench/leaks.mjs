// Mounting and removing 1,000 widgets leaves no subscriptions or listeners behind.
//
// One provider (pre-minted token) and an empty container inside it. Counted before, while mounted,
// and after each cycle (after two frames, 200 ms and a forced GC, HeapProfiler.collectGarbage):
//  - event listeners on window, document and the provider element (CDP DOMDebugger.getEventListeners);
//  - the client's subscribers: the provider is handed a client (its public `client` property) that
//    is the bundle's own `createOmneoClient(...)` wrapped to count what `subscribe()` returned and
//    was not yet called (unsubscribed);
//  - context subscriptions: every `context-request` with `subscribe: true` is seen on its way to the
//    provider (a capturing listener on window), and the unsubscribe function the provider hands back
//    is wrapped the same way, so the count is what the widgets subscribed and did not release;
//  - timers set and not yet fired or cleared (setTimeout/clearTimeout wrapped before the bundle runs);
//  - live widget objects after GC (CDP Runtime.queryObjects on each element class's prototype).
// Cycle 1 mounts 1,000 widgets, waits until each has fired omneo-load, removes them all.
// Cycle 2 mounts 1,000 and removes them in the next task, while their data is still on its way.
import { readFileSync } from 'node:fs';
import { freshPage } from './lib/browser.mjs';

const TIMERS = `(() => {
  const pending = (window.__timers = new Set());
  const set = window.setTimeout, clear = window.clearTimeout;
  window.setTimeout = function (fn, ms, ...rest) {
    const id = set.call(this, (...a) => { pending.delete(id); typeof fn === 'function' ? fn(...a) : eval(fn); }, ms, ...rest);
    pending.add(id);
    return id;
  };
  window.clearTimeout = function (id) { pending.delete(id); return clear.call(this, id); };
  window.__loads = new Set();
  document.addEventListener('omneo-load', (e) => __loads.add(e.target), true);

  // Context subscriptions not yet released: one wrapper per unsubscribe function the provider gives.
  const contextSubs = (window.__contextSubs = new Set());
  const wrapperOf = new WeakMap();
  const ours = new WeakSet();
  window.addEventListener('context-request', (e) => {
    if (!e.subscribe || ours.has(e.callback)) return;
    const callback = e.callback;
    const counted = (value, unsubscribe) => {
      if (!unsubscribe) return callback(value, unsubscribe);
      let release = wrapperOf.get(unsubscribe);
      if (!release) {
        release = () => (contextSubs.delete(release), unsubscribe());
        wrapperOf.set(unsubscribe, release);
        contextSubs.add(release);
      }
      return callback(value, release);
    };
    ours.add(counted);
    e.callback = counted;
  }, true);

  // Client subscriptions not yet released: a client whose subscribe() is counted.
  const clientSubs = (window.__clientSubs = new Set());
  window.__countingClient = (client) => new Proxy(client, {
    get(target, key) {
      if (key === 'subscribe') {
        return (resource, listener) => {
          const unsubscribe = target.subscribe(resource, listener);
          const release = () => (clientSubs.delete(release), unsubscribe());
          clientSubs.add(release);
          return release;
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
})();`;

const TAGS = ['omneo-points-balance', 'omneo-rewards-list', 'omneo-redeem-button'];

async function counts(page, cdp) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const listeners = {};
  for (const [name, expr] of [
    ['window', 'window'],
    ['document', 'document'],
    ['provider', "document.querySelector('omneo-provider')"],
  ]) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    listeners[name] = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 })).listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  const live = {};
  for (const tag of TAGS) {
    const { result: proto } = await cdp.send('Runtime.evaluate', { expression: `customElements.get('${tag}')?.prototype` });
    if (!proto.objectId) continue;
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    live[tag] = result.value;
    await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: proto.objectId });
  }
  const inPage = await page.evaluate(() => {
    return {
      subscribers: window.__clientSubs.size,
      contextSubscriptions: window.__contextSubs.size,
      timers: window.__timers.size,
      mounted: document.getElementById('box').childElementCount,
    };
  });
  return { listeners, live, ...inPage };
}

const show = (c) =>
  `listeners window/document/provider ${c.listeners.window}/${c.listeners.document}/${c.listeners.provider}, ` +
  `client subscribers ${c.subscribers}, context subscriptions ${c.contextSubscriptions}, ` +
  `pending timers ${c.timers}, live widgets ${Object.values(c.live).reduce((a, b) => a + b, 0)}`;

export async function runLeaks({ browser, bench }) {
  const ns = 'leaks';
  const baseUrl = await bench.namespace(ns, { latencyMs: 0 });
  const token = await bench.token(ns);
  const bundle = readFileSync(bench.bundleFile, 'utf8');
  const kinds = [
    '<omneo-points-balance></omneo-points-balance>',
    '<omneo-points-balance kind="combined"></omneo-points-balance>',
  ];
  if (bundle.includes('"omneo-rewards-list"')) kinds.push('<omneo-rewards-list limit="3"></omneo-rewards-list>');
  if (bundle.includes('"omneo-redeem-button"')) kinds.push('<omneo-redeem-button amount="1"></omneo-redeem-button>');
  const html = Array.from({ length: 1000 }, (_, i) => kinds[i % kinds.length]).join('');

  const url = bench.page(
    'leaks',
    () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>leaks</title>
<script>${TIMERS}</script><script type="module">
import { createOmneoClient } from '/omneo-widgets.js';
document.querySelector('omneo-provider').client = window.__countingClient(createOmneoClient({ baseUrl: '${baseUrl}', token: '${token}' }));
</script></head><body>
<omneo-provider base-url="${baseUrl}" token="${token}"><div id="box"></div></omneo-provider></body></html>`,
  );

  const p = await freshPage(browser);
  try {
    const cdp = await p.context.newCDPSession(p.page);
    await p.page.goto(url);
    await p.page.waitForFunction(() => document.querySelector('omneo-provider')?.client);
    const before = await counts(p.page, cdp);

    await p.page.evaluate((h) => {
      window.__loads.clear();
      document.getElementById('box').innerHTML = h;
    }, html);
    await p.page.waitForFunction(() => window.__loads.size >= 1000, null, { timeout: 60_000, polling: 100 });
    const mounted = await counts(p.page, cdp);
    // (The harness's own set of loaded widgets must not be what keeps them alive.)
    await p.page.evaluate(() => (window.__loads.clear(), document.getElementById('box').replaceChildren()));
    const after1 = await counts(p.page, cdp);

    await p.page.evaluate((h) => {
      const box = document.getElementById('box');
      box.innerHTML = h;
      return new Promise((r) => setTimeout(() => (box.replaceChildren(), window.__loads.clear(), r()), 0));
    }, html);
    const after2 = await counts(p.page, cdp);

    const same = (a) =>
      a.listeners.window === before.listeners.window &&
      a.listeners.document === before.listeners.document &&
      a.listeners.provider === before.listeners.provider &&
      a.subscribers === before.subscribers &&
      a.contextSubscriptions === before.contextSubscriptions &&
      a.timers === before.timers &&
      Object.values(a.live).every((n) => n === 0);
    // A count that saw nothing while 1,000 widgets were mounted is not counting (the client was not
    // used, or context requests took another way): then the figure is not a pass.
    const counting = mounted.subscribers > 0 && mounted.contextSubscriptions > 0;
    if (!counting) throw new Error('no client or context subscription was counted while the widgets were mounted');
    const pass1 = same(after1);
    const pass2 = same(after2);
    return [
      { id: 'leaks:before', line: `leaks before:               ${show(before)}` },
      { id: 'leaks:mounted', line: `leaks 1,000 mounted, loaded: ${show(mounted)} (${kinds.length} kinds of widget)` },
      {
        id: 'leaks:loaded',
        pass: pass1,
        line: `leaks removed after load:    ${show(after1)} | target = before, 0 live: ${pass1 ? 'PASS' : 'FAIL'}`,
      },
      {
        id: 'leaks:inflight',
        pass: pass2,
        line: `leaks removed while loading: ${show(after2)} | target = before, 0 live: ${pass2 ? 'PASS' : 'FAIL'}`,
      },
    ];
  } finally {
    await p.close();
  }
}
