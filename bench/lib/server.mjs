// The bench's two origins, as on a real storefront:
//  - the "storefront" (this server): the pages, dist/omneo-widgets.js, the baseline bundle, and the
//    host backend's token endpoint `POST /token/<ns>` (it mints with the mock's admin secret and
//    counts how often it is called);
//  - the mock Omneo ID API (mock/server.js) on its own port, so every API call is cross-origin
//    (CORS preflights included) as it is against api.{tenant}.getomneo.com.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.mjs';

const ADMIN = 'mock-secret-admin-token';

export async function startBench({ baselineFile, bundleFile = join(ROOT, 'dist/omneo-widgets.js') }) {
  const { startMock } = await import(join(ROOT, 'mock/server.js'));
  const mock = await startMock({ port: 0 });
  const pages = new Map();
  const tokenCalls = new Map();
  const files = {
    '/omneo-widgets.js': () => readFileSync(bundleFile),
    '/baseline.js': () => readFileSync(baselineFile),
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };
    try {
      if (files[url.pathname]) return send(200, 'text/javascript', files[url.pathname]());
      if (url.pathname.startsWith('/page/') && pages.has(url.pathname.slice(6))) {
        return send(200, 'text/html; charset=utf-8', pages.get(url.pathname.slice(6))(url.searchParams));
      }
      const m = /^\/token\/([\w-]+)$/.exec(url.pathname);
      if (m && req.method === 'POST') {
        tokenCalls.set(m[1], (tokenCalls.get(m[1]) ?? 0) + 1);
        const r = await fetch(`${mock.origin}/ns/${m[1]}/id/api/v1/auth/token`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ id: 'ava.thompson@example.com' }),
        });
        return send(r.status, 'application/json', await r.text());
      }
      if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
      send(404, 'text/plain', 'not found');
    } catch (e) {
      send(500, 'text/plain', String(e?.stack ?? e));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const control = async (ns, path, body) => {
    const r = await fetch(
      `${mock.origin}/ns/${ns}/__mock/${path}`,
      body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    );
    if (!r.ok) throw new Error(`mock ${path}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? null : r.json();
  };

  return {
    origin,
    bundleFile,
    mock,
    /** Registers a page at `${origin}/page/<name>`; `html(searchParams)` renders it. */
    page(name, html) {
      pages.set(name, html);
      return `${origin}/page/${name}`;
    },
    /** A fresh mock namespace: `{rewards?, latencyMs?}`; returns its ID API base URL. */
    async namespace(ns, opts = {}) {
      const r = await control(ns, 'reset', opts);
      return r.baseUrl;
    },
    /** A shopper token for the namespace's demo shopper, minted without any request from the page. */
    async token(ns) {
      return (await control(ns, 'mint', {})).data.token;
    },
    /** The mock's log of ID API requests for the namespace. */
    requests: (ns) => control(ns, 'requests'),
    tokenCalls: (ns) => tokenCalls.get(ns) ?? 0,
    async close() {
      await mock.close();
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}
