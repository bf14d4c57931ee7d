#!/usr/bin/env node
// @ts-check
/**
 * Runs one example against the mock Omneo, built as it ships:
 *
 *   npm run build                        # the library first: dist/ and types/
 *   node examples/serve.mjs react        # or html, vue, svelte, angular; --port 8080 to choose the port
 *
 * Starts the mock Omneo ID API (127.0.0.1:4010, or any free port if that one is taken), builds the
 * example with Vite (not the HTML one: it has no build), and serves it with the examples' token
 * endpoint. For a dev server with hot reload instead: `npm run mock` and `npx vite examples/react`.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startMock } from '../mock/server.js';
import { serve } from './shared/backend.mjs';
import { buildAngularExample } from './angular/build.mjs';

const NAMES = ['html', 'react', 'vue', 'svelte', 'angular'];
const [name] = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
if (!NAMES.includes(name)) {
  console.error(`Usage: node examples/serve.mjs <${NAMES.join('|')}> [--port N]`);
  process.exit(2);
}

const repo = fileURLToPath(new URL('..', import.meta.url));
let mock;
try {
  mock = await startMock({ port: 4010 });
} catch (e) {
  if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EADDRINUSE') throw e;
  mock = await startMock({ port: 0 });
}

let root = repo;
let path = 'examples/html/';
if (name === 'angular') {
  await buildAngularExample({ baseUrl: mock.url });
  root = `${repo}examples/angular/dist`;
  path = '';
} else if (name !== 'html') {
  process.env.VITE_OMNEO_BASE_URL = mock.url;
  await build({ configFile: `${repo}examples/${name}/vite.config.mjs`, logLevel: 'warn' });
  root = `${repo}examples/${name}/dist`;
  path = '';
}
const server = await serve({ root, baseUrl: mock.url, port });

console.log(`\n  The ${name} example: ${server.url}${path}\n  Mock Omneo:  ${mock.url}\n  Ctrl+C to stop.\n`);

const stop = async () => {
  await server.close();
  await mock.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
