#!/usr/bin/env node
// @ts-check
/**
 * Run the mock Omneo ID API as a server.
 *
 *   node mock/server.js [--port 4010] [--host 127.0.0.1] [--latency 0] [--ttl 900]
 *
 * prints the ID API base URL (http://127.0.0.1:4010/id/api/v1). Or, from code:
 *
 *   const mock = await startMock({ port: 0 });   // port 0: any free port
 *   mock.url   // "http://127.0.0.1:54321/id/api/v1"
 *   mock.shopifyUrl   // "http://127.0.0.1:54321/shopify/api/v1" (Omneo's Shopify sign-in)
 *   await mock.close();
 */
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createOmneoMock, ID_API_PREFIX, SHOPIFY_API_PREFIX } from './omneo-mock.js';

/**
 * @typedef {import('./omneo-mock.js').MockOptions & {port?: number, host?: string}} StartOptions
 */

/**
 * Start the mock on `host:port` (default 127.0.0.1:4010; port 0 = ephemeral).
 * @param {StartOptions} [options]
 * @returns {Promise<{url: string, shopifyUrl: string, origin: string, port: number, server: import('node:http').Server,
 *   mock: ReturnType<typeof createOmneoMock>, close: () => Promise<void>}>}
 */
export async function startMock({ port = 4010, host = '127.0.0.1', ...options } = {}) {
  const mock = createOmneoMock(options);
  const server = createServer((req, res) => mock.handle(req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${hostPart}:${address.port}`;
  return {
    url: `${origin}${ID_API_PREFIX}`,
    shopifyUrl: `${origin}${SHOPIFY_API_PREFIX}`,
    origin,
    port: address.port,
    server,
    mock,
    close: () =>
      new Promise((resolve) => {
        mock.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`Unknown argument: ${argv[i]}`);
    out[m[1]] = m[2] ?? argv[++i];
  }
  return out;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = parseArgs(process.argv.slice(2));
  if ('help' in args) {
    console.log('Usage: node mock/server.js [--port 4010] [--host 127.0.0.1] [--latency ms] [--ttl seconds]');
    process.exit(0);
  }
  const num = (/** @type {string | undefined} */ v) => (v == null ? undefined : Number(v));
  const mock = await startMock({
    port: num(args.port ?? process.env.MOCK_PORT) ?? 4010,
    host: args.host ?? '127.0.0.1',
    latencyMs: num(args.latency),
    tokenTtlSeconds: num(args.ttl),
  });
  console.log(`Mock Omneo ID API: ${mock.url}`);
  console.log(`  Shopify sign-in:  ${mock.shopifyUrl}/auth/token (shop secret: DEMO_SHOP_SECRET in mock/seed.js)`);
  console.log(`  control endpoints: ${mock.origin}/__mock/{reset,requests,faults,mint,clock,state}`);
  const stop = () => mock.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
