#!/usr/bin/env node
// @ts-check
/**
 * The demo storefront: `node demo/start.js` (npm start).
 *
 * 1. Starts the mock Omneo ID API on 127.0.0.1:4010 (or $MOCK_PORT; if the
 *    port is taken, any free one) — unless OMNEO_BASE_URL and OMNEO_API_TOKEN
 *    are both set, in which case the demo talks to that real Omneo instead.
 * 2. Starts a Vite dev server for the repo (port 5173, or the next free one),
 *    with the example host backend (mock/host-backend.js) mounted for
 *    /omneo/token and the demo sign-in, and the page's `base-url` attributes
 *    pointed at the ID API in use.
 * 3. Plays Shopify for demo/shopify.html: as a theme's Liquid would, it renders the signed-in
 *    customer's id and its HMAC-SHA256 keyed with the shop secret into the page's provider
 *    (`?as=guest`: no customer; `?as=wrong-secret`: signed with another secret).
 *
 * Env: MOCK_PORT, PORT (Vite), OMNEO_BASE_URL + OMNEO_API_TOKEN, OMNEO_SHOP_SECRET +
 * OMNEO_SHOPIFY_CUSTOMER_ID (the Shopify page against a real Omneo), DEMO_OPEN=0
 * (don't open a browser; also off when CI is set), DEMO_BUNDLE=1 (the page loads the built
 * drop-in bundle `dist/omneo-widgets.js` instead of the source: run `npm run build` first),
 * DEMO_VITE_CACHE_DIR (where Vite keeps its pre-bundled dependencies; default
 * node_modules/.vite; scripts/start-check.mjs uses a fresh one, as on a fresh clone).
 */
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startMock } from '../mock/server.js';
import { createHostBackend } from '../mock/host-backend.js';
import { DEMO_EMAIL, DEMO_SHOP_SECRET, DEMO_SHOPIFY_CUSTOMER_ID } from '../mock/seed.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const realBaseUrl = process.env.OMNEO_BASE_URL;
const realApiToken = process.env.OMNEO_API_TOKEN;
const useReal = Boolean(realBaseUrl && realApiToken);

/** @type {Awaited<ReturnType<typeof startMock>> | null} */
let mock = null;
/** @type {string} */
let baseUrl;

if (useReal) {
  baseUrl = /** @type {string} */ (realBaseUrl).replace(/\/+$/, '');
} else {
  const port = Number(process.env.MOCK_PORT ?? 4010);
  try {
    mock = await startMock({ port, apiToken: 'mock-secret-admin-token' });
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EADDRINUSE') throw err;
    console.warn(`Port ${port} is taken; starting the mock Omneo on a free port instead.`);
    mock = await startMock({ port: 0, apiToken: 'mock-secret-admin-token' });
  }
  baseUrl = mock.url;
}

const hostBackend = createHostBackend({
  omneoBaseUrl: baseUrl,
  apiToken: useReal ? realApiToken : 'mock-secret-admin-token',
});

const shopSecret = process.env.OMNEO_SHOP_SECRET ?? DEMO_SHOP_SECRET;
const shopifyCustomerId = process.env.OMNEO_SHOPIFY_CUSTOMER_ID ?? DEMO_SHOPIFY_CUSTOMER_ID;

/**
 * What a Shopify theme renders for demo/shopify.html's provider, as the app embed's Liquid does:
 * `{{ customer.id }}` and `{{ customer.id | hmac_sha256: shop.metafields.omneo.id_secret }}`.
 * @param {string} html @param {string | null} view `guest`, `wrong-secret`, else the signed-in customer
 */
function renderShopifyCustomer(html, view) {
  const sign = (/** @type {string} */ secret) => createHmac('sha256', secret).update(shopifyCustomerId).digest('hex');
  const attributes =
    view === 'guest'
      ? 'shopify-customer-id=""'
      : `shopify-customer-id="${shopifyCustomerId}" shopify-signature="${sign(view === 'wrong-secret' ? 'not-the-shop-secret' : shopSecret)}"`;
  return html.replace(/shopify-customer-id=""\s+shopify-signature=""/, attributes);
}

/** @type {import('vite').Plugin} */
const demoPlugin = {
  name: 'omneo-demo-host-backend',
  configureServer(server) {
    // The retailer's own backend: /omneo/token, /demo/sign-in, /demo/sign-out, /demo/session.
    server.middlewares.use(hostBackend);
  },
  transformIndexHtml: {
    order: 'pre',
    handler(html, ctx) {
      if (!ctx.path.startsWith('/demo/')) return html;
      // Point every widget provider at the ID API in use (real Omneo, or the mock's actual port).
      let page = html.replace(/(<omneo-provider\b[^>]*?\sbase-url=")[^"]*(")/g, `$1${baseUrl}$2`);
      if (ctx.path.startsWith('/demo/shopify')) {
        page = renderShopifyCustomer(page, new URL(ctx.originalUrl ?? ctx.path, 'http://demo').searchParams.get('as'));
      }
      return process.env.DEMO_BUNDLE ? page.replace('/src/omneo-widgets.ts', '/dist/omneo-widgets.js') : page;
    },
  },
};

const open = !process.env.CI && process.env.DEMO_OPEN !== '0';
const vite = await createServer({
  root,
  plugins: [demoPlugin],
  cacheDir: process.env.DEMO_VITE_CACHE_DIR,
  // Vite pre-bundles the dependencies of the pages it finds, and by default it looks at every HTML
  // file of the repository: the examples and the test fixtures too, which import the built package
  // (`@omneo/widgets`, dist/npm/), absent on a fresh clone. The demo page alone is what it serves.
  optimizeDeps: { entries: ['demo/index.html'] },
  server: {
    host: 'localhost',
    port: Number(process.env.PORT ?? 5173),
    strictPort: false,
    open: open ? '/demo/' : false,
  },
});
await vite.listen();

const local = vite.resolvedUrls?.local[0] ?? `http://localhost:${vite.config.server.port}/`;
const demoUrl = new URL('demo/', local).href;
const how = useReal
  ? `Omneo at ${baseUrl}; sign in with a shopper's email or profile id in the header`
  : `mock Omneo at ${baseUrl}; sign in as ${DEMO_EMAIL} with the header's "Sign in" button`;
console.log('');
console.log(`  Demo storefront: ${demoUrl}  (${how})`);
console.log(
  `  On Shopify:      ${new URL('shopify.html', demoUrl).href}  (signed in by Shopify customer ${shopifyCustomerId}; ?as=guest, ?as=wrong-secret)`,
);
if (mock) console.log(`  Mock controls:   ${mock.origin}/__mock/{reset,requests,faults,mint,clock,state}`);
console.log('  Press Ctrl+C to stop.');
console.log('');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await vite.close();
  if (mock) await mock.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
