#!/usr/bin/env node
/**
 * `npm test`: every check, in order, each in its own process. Suites print `N passed, N failed`;
 * the other steps count as one check each. The last line is the total, which CI reads.
 *
 *   npm test                  everything
 *   npm test -- unit e2e      only the named steps
 */
import { spawn } from 'node:child_process';

const steps = [
  // The library and its tests, then the stories and the Storybook config (stories/tsconfig.json).
  { name: 'typecheck', cmd: 'npx tsc --noEmit -p . && npx tsc -p stories' },
  // ESLint (eslint.config.js) and Prettier (.prettierrc.json): `npm run format` fixes what it can.
  { name: 'lint', cmd: 'npm run --silent lint' },
  { name: 'build', cmd: 'npm run --silent build' },
  // dist/omneo-widgets.js at most 25,600 B gzip -9 (bench/lib/bytes.mjs; issue 13 asks 24,000, BENCHMARKS.md says why
  // that conflicts with ky 1.14); bench/size.mjs says where the bytes go.
  { name: 'size', cmd: 'node bench/size-budget.mjs --ci' },
  // The Shopify theme app extension: Shopify's linter, then its blocks rendered and used in Chromium.
  { name: 'theme-check', cmd: 'node scripts/shopify-theme-check.mjs', suite: true },
  { name: 'shopify', cmd: 'node scripts/shopify-test.mjs', suite: true },
  { name: 'manifest', cmd: 'node scripts/check-manifest.mjs' },
  { name: 'ssr', cmd: 'node scripts/ssr-check.mjs' },
  { name: 'package', cmd: 'node scripts/package-check.mjs', suite: true },
  // The typings in fresh-app-shaped React, Vue and Svelte projects (test/types/).
  { name: 'types', cmd: 'node scripts/types-test.mjs', suite: true },
  { name: 'unit', cmd: 'npx web-test-runner --config web-test-runner.config.mjs', suite: true },
  // The element tests of four elements again, against the built bundle instead of the source.
  { name: 'bundle', cmd: 'npx web-test-runner --config web-test-runner.bundle.config.mjs', suite: true },
  { name: 'examples', cmd: 'node scripts/examples-test.mjs --no-lib-build', suite: true },
  { name: 'e2e', cmd: 'node scripts/e2e.mjs', suite: true },
  // A fresh clone's `npm start`: no dist/, no Vite cache; starts without an error and shows a balance.
  { name: 'start', cmd: 'node scripts/start-check.mjs', suite: true },
  { name: 'storybook', cmd: 'npm run --silent build-storybook && node scripts/storybook-smoke.mjs', suite: true },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary = [];

for (const step of steps.filter((s) => !only.length || only.includes(s.name))) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}: ${step.cmd}`);
  const { code, out } = await run(step.cmd);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = [...out.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)].at(-1);
  if (step.suite && counts) {
    const [p, f] = [Number(counts[1]), Number(counts[2]) + (code && !Number(counts[2]) ? 1 : 0)];
    passed += p;
    failed += f;
    summary.push(`${f ? '✗' : '✓'} ${step.name}: ${p} passed, ${f} failed (${seconds} s)`);
  } else {
    if (code) failed++;
    else passed++;
    summary.push(`${code ? '✗' : '✓'} ${step.name} (${seconds} s)${code ? ` exited ${code}` : ''}`);
  }
}

console.log(`\n${summary.join('\n')}\n\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d) => {
        out += d;
        (s === child.stdout ? process.stdout : process.stderr).write(d);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}
