import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { startMock } from './mock/server.js';
import { summaryReporter } from './test/summary-reporter.mjs';

// The mock Omneo runs on its own origin, as the real API does: every call from the tests is cross-origin.
const mock = await startMock({ port: 0 });

/** Chromium from Debian (`CHROME_PATH` overrides); no test tool downloads a browser of its own. */
export const chromium = chromeLauncher({
  launchOptions: {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  },
});

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  browsers: [chromium],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  testFramework: { config: { timeout: 8000 } },
  testRunnerHtml: (framework) => `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
    <script>window.OMNEO_MOCK = ${JSON.stringify(mock.url)};</script>
    <script type="module" src="${framework}"></script></body></html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
