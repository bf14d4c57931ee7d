// @ts-check
/**
 * The examples' stand-in for a retailer's backend, shared by every example:
 *
 * - `tokenEndpoint({baseUrl})`: `POST /omneo/token`, the endpoint `<omneo-provider token-url>`
 *   calls. It is mock/host-backend.js (the documented example backend: it mints the shopper token
 *   with `POST {id-api}/auth/token` and the secret Admin token) with the seed shopper always
 *   signed in, so the examples need no sign-in page.
 * - `omneoExampleBackend()`: that endpoint as a Vite plugin, for `vite` and `vite preview`.
 * - `serve({root, baseUrl})`: a small static server for a built example, with that endpoint,
 *   that also points the page's `<omneo-provider base-url>` at `baseUrl` (the HTML example
 *   has no build step to take it from the environment).
 */
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createHostBackend } from '../../mock/host-backend.js';
import { DEMO_EMAIL } from '../../mock/seed.js';

/** Where `npm run mock` serves the mock Omneo ID API. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4010/id/api/v1';

/** The mock's secret Admin token; a real backend reads its own from the environment. */
const API_TOKEN = process.env.OMNEO_API_TOKEN ?? 'mock-secret-admin-token';

/** @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} Middleware */

/**
 * `POST /omneo/token`, minting for the seed shopper; every other request goes to `next`.
 * @param {{baseUrl?: string, shopper?: string}} [options]
 * @returns {Middleware}
 */
export function tokenEndpoint({ baseUrl = DEFAULT_BASE_URL, shopper = DEMO_EMAIL } = {}) {
  const host = createHostBackend({ omneoBaseUrl: baseUrl, apiToken: API_TOKEN });
  return (req, res, next) => {
    if ((req.url ?? '').split('?')[0] !== '/omneo/token') return next();
    // The host backend reads who is signed in from its session cookie: here, always the shopper.
    req.headers.cookie = `demo_session=${encodeURIComponent(shopper)}`;
    host(req, res, next);
  };
}

/**
 * The token endpoint in Vite's dev and preview servers. The ID API is `VITE_OMNEO_BASE_URL`
 * (from the environment or a `.env` file), else the mock of `npm run mock`.
 * @returns {import('vite').Plugin}
 */
export function omneoExampleBackend() {
  let baseUrl = DEFAULT_BASE_URL;
  return {
    name: 'omneo-example-backend',
    configResolved(config) {
      baseUrl = config.env.VITE_OMNEO_BASE_URL || DEFAULT_BASE_URL;
    },
    configureServer(server) {
      server.middlewares.use(tokenEndpoint({ baseUrl }));
    },
    configurePreviewServer(server) {
      server.middlewares.use(tokenEndpoint({ baseUrl }));
    },
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the files under `root` on 127.0.0.1 (`index.html` for a directory), plus `POST /omneo/token`.
 * @param {{root: string, baseUrl?: string, port?: number}} options
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function serve({ root, baseUrl = DEFAULT_BASE_URL, port = 0 }) {
  const base = resolve(root);
  const token = tokenEndpoint({ baseUrl });
  const server = createServer((req, res) => {
    token(req, res, async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'Method not allowed');
      let path;
      try {
        path = normalize(join(base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
      } catch {
        return end(res, 400, 'Bad request');
      }
      if (path !== base && !path.startsWith(base + sep)) return end(res, 403, 'Forbidden');
      let stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) {
        path = join(path, 'index.html');
        stat = statSync(path, { throwIfNoEntry: false });
      }
      if (!stat?.isFile()) return end(res, 404, 'Not found');
      const type = TYPES[/** @type {keyof TYPES} */ (extname(path))] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) {
        // Point the page's providers at the ID API in use, as demo/start.js does for the demo.
        const html = (await readFile(path, 'utf8')).replace(/(<omneo-provider\b[^>]*?\sbase-url=")[^"]*(")/g, `$1${baseUrl}$2`);
        return end(res, 200, html, type);
      }
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': 'no-cache' });
      if (req.method === 'HEAD') return res.end();
      createReadStream(path).pipe(res);
    });
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => ok(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} body */
function end(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
  res.end(body);
}
