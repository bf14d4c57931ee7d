// Requests: a page with 20 widgets under one provider (token from the host's token endpoint) makes
// 1 token request and 1 request per resource; a redeem adds the POST and one refetch per resource.
//
// Counted from the mock's request log (`GET /__mock/requests`: every ID API request, no preflights)
// and the bench server's count of calls to its token endpoint. "One request per resource" = no two
// GETs with the same path and query. After a redeem (a click on a <omneo-redeem-button amount="1">,
// or `client.redeem({amount: 1})` while that element does not exist yet), the new requests must be
// exactly one POST and each GET of the first load once more, and no new token request.
import { freshPage } from './lib/browser.mjs';
import { readFileSync } from 'node:fs';

const RECORD = `window.__events = [];
for (const t of ['omneo-load', 'omneo-error', 'omneo-redeem', 'omneo-redeem-error'])
  document.addEventListener(t, (e) => __events.push({ type: t, id: e.target.id }), true);`;

const key = (r) =>
  `${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(Object.entries(r.query).sort()).toString()}` : ''}`;
const count = (log) => log.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map());

async function quiet(bench, ns, ms = 600, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = (await bench.requests(ns)).length;
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= ms) return;
    if (Date.now() > end) throw new Error('requests never settled');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runRequests({ bench, browser }) {
  const ns = 'requests';
  const baseUrl = await bench.namespace(ns, { latencyMs: 20 });
  const bundle = readFileSync(bench.bundleFile, 'utf8');
  const has = (tag) => bundle.includes(`"${tag}"`);
  const lists = has('omneo-rewards-list');
  const buttons = has('omneo-redeem-button');
  const state = await (await fetch(`${bench.mock.origin}/ns/${ns}/__mock/state`)).json();
  const benefit = state.benefits.find((b) => b.is_redeemable && b.redemptions_remaining > 0 && !b.is_expired);

  // 20 widgets; lists and buttons stand in as balances while those elements do not exist.
  const balance = (kind, extra = '') => `<omneo-points-balance kind="${kind}"${extra}></omneo-points-balance>`;
  const widgets = [
    balance('points'),
    balance('points'),
    balance('points', ' hide-when-zero'),
    balance('points-dollars'),
    balance('points-dollars'),
    balance('rewards'),
    balance('rewards'),
    balance('combined'),
    balance('combined'),
    balance('points'),
    ...(lists
      ? [
          '<omneo-rewards-list limit="3"></omneo-rewards-list>',
          '<omneo-rewards-list limit="5"></omneo-rewards-list>',
          '<omneo-rewards-list limit="10" include-expired></omneo-rewards-list>',
          '<omneo-rewards-list source="benefits" limit="5"></omneo-rewards-list>',
          '<omneo-rewards-list source="benefits"></omneo-rewards-list>',
          '<omneo-rewards-list limit="2" redeemable></omneo-rewards-list>',
        ]
      : Array.from({ length: 6 }, () => balance('combined'))),
    ...(buttons
      ? [
          '<omneo-redeem-button amount="1">Redeem $1</omneo-redeem-button>',
          '<omneo-redeem-button amount="1">Redeem $1</omneo-redeem-button>',
          '<omneo-redeem-button amount="5" confirm>Redeem $5</omneo-redeem-button>',
          `<omneo-redeem-button benefit-id="${benefit?.id}">Redeem</omneo-redeem-button>`,
        ]
      : Array.from({ length: 4 }, () => balance('rewards'))),
  ].map((w, i) => w.replace(/^<([\w-]+)/, `<$1 id="w${i}"`));

  const url = bench.page(
    'requests',
    () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>requests</title>
<script>${RECORD}</script><script type="module" src="/omneo-widgets.js"></script></head><body>
<omneo-provider base-url="${baseUrl}" token-url="/token/${ns}">
${widgets.map((w) => `<p>${w}</p>`).join('\n')}
</omneo-provider></body></html>`,
  );

  const p = await freshPage(browser);
  try {
    await p.page.goto(url);
    // Every widget that shows data has fired omneo-load (buttons fire it too: they read the balances).
    await p.page.waitForFunction(
      (n) => new Set(window.__events.filter((e) => e.type === 'omneo-load').map((e) => e.id)).size >= n,
      widgets.length,
      { timeout: 20_000 },
    );
    await quiet(bench, ns);
    const first = (await bench.requests(ns)).filter((r) => r.path !== '/auth/token');
    const tokens = bench.tokenCalls(ns);
    const gets = count(first.filter((r) => r.method === 'GET'));
    const dupes = [...gets].filter(([, n]) => n > 1);
    const loadOk = tokens === 1 && !dupes.length && first.every((r) => r.method === 'GET');
    const figures = [
      {
        id: 'requests:load',
        pass: loadOk,
        line:
          `requests page of 20 widgets (${10 + (lists ? 0 : 6) + (buttons ? 0 : 4)} balances${lists ? ', 6 lists' : ''}${buttons ? ', 4 buttons' : ''}): ` +
          `${tokens} token request, ${first.length} API requests for ${gets.size} resources (${[...gets.keys()].map((k) => decodeURIComponent(k.replace('GET /profiles/me/', ''))).join(', ')})` +
          `${dupes.length ? `; DUPLICATES: ${dupes.map(([k, n]) => `${k} x${n}`).join(', ')}` : ''} | target 1 token + 1 per resource: ${loadOk ? 'PASS' : 'FAIL'}`,
      },
    ];
    if (!lists || !buttons)
      figures.push({
        id: 'requests:note',
        line: `requests   not run yet: ${[!lists && '<omneo-rewards-list>', !buttons && '<omneo-redeem-button>'].filter(Boolean).join(', ')} (not in the bundle/omneo-widgets.js); balances stand in`,
      });

    // A redeem.
    const before = (await bench.requests(ns)).length;
    let how;
    if (buttons) {
      how = 'click on <omneo-redeem-button amount="1">';
      await p.page.evaluate(() => document.getElementById('w16').shadowRoot.querySelector('[part=button]').click());
    } else {
      how = 'client.redeem({amount: 1}) (no <omneo-redeem-button> yet)';
      await p.page.evaluate(() => document.querySelector('omneo-provider').currentClient.redeem({ amount: 1 }));
    }
    if (buttons)
      await p.page.waitForFunction(
        () => window.__events.some((e) => e.type === 'omneo-redeem' || e.type === 'omneo-redeem-error'),
        null,
        { timeout: 10_000 },
      );
    await quiet(bench, ns);
    const after = (await bench.requests(ns)).slice(before);
    const posts = after.filter((r) => r.method === 'POST');
    const again = count(after.filter((r) => r.method === 'GET'));
    const missing = [...gets.keys()].filter((k) => !again.has(k));
    const extra = [...again].filter(([k, n]) => n > 1 || !gets.has(k));
    const redeemed = (await p.page.evaluate(() => window.__events.filter((e) => e.type === 'omneo-redeem-error').length)) === 0;
    const redeemOk = redeemed && posts.length === 1 && !missing.length && !extra.length && bench.tokenCalls(ns) === 1;
    figures.push({
      id: 'requests:redeem',
      pass: redeemOk,
      line:
        `requests a redeem (${how}): ${posts.length} POST (${posts.map((r) => r.path).join(', ')}) + ${after.length - posts.length} GETs for ${gets.size} resources shown` +
        `${missing.length ? `; NOT REFETCHED: ${missing.join(', ')}` : ''}${extra.length ? `; EXTRA: ${extra.map(([k, n]) => `${k} x${n}`).join(', ')}` : ''}` +
        `${bench.tokenCalls(ns) !== 1 ? `; token requests now ${bench.tokenCalls(ns)}` : ''}${redeemed ? '' : '; the redeem FAILED'} | target 1 POST + 1 refetch per resource: ${redeemOk ? 'PASS' : 'FAIL'}`,
    });
    const errors = p.errors.filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED')); // the seed's images live on the internet
    if (errors.length) figures.push({ id: 'requests:errors', line: `requests   page errors: ${errors.slice(0, 3).join(' | ')}` });
    return figures;
  } finally {
    await p.close();
  }
}
