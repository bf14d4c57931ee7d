#!/usr/bin/env node
// `npm run bench`: builds, then prints one line per figure and exits 1 when a target is missed.
//
//   node bench/run.mjs                  everything (runs `npm run build` first)
//   node bench/run.mjs --no-build       use dist/ as it is
//   node bench/run.mjs --only size,paint   some of: size, requests, paint, session, longtask, cls, leaks
//   node bench/run.mjs --runs 21        first-paint loads per side (default 15, at least 9)
//
// How each figure is measured: BENCHMARKS.md, and the comment at the top of each bench/*.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { OUT, ROOT, bundle, elements } from './lib/build.mjs';
import { launch } from './lib/browser.mjs';
import { startBench } from './lib/server.mjs';
import { sizeFigures } from './size.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const only = opt('--only', 'size,requests,paint,session,longtask,cls,leaks').split(',');
const runs = Math.max(9, Number(opt('--runs', 15)));
const verbose = args.includes('--verbose');
const log = (s) => verbose && console.error(`  .. ${s}`);

const figures = [];
const print = (f) => {
  figures.push(f);
  console.log(f.line);
};

async function main() {
  if (!args.includes('--no-build')) {
    console.error('bench: npm run build');
    const r = spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (r.status !== 0) {
      console.log(`build FAILED (npm run build exited ${r.status}): no figures`);
      process.exit(1);
    }
  }

  if (only.includes('size')) for (const f of await sizeFigures()) print(f);

  const browserBenches = only.filter((x) => x !== 'size');
  if (!browserBenches.length) return;

  // The baseline for first paint: bare Lit, bundled like the real build.
  mkdirSync(OUT, { recursive: true });
  const baselineFile = join(OUT, 'baseline.js');
  writeFileSync(baselineFile, (await bundle('bench/baseline/bare-balance.js')).code);

  // OMNEO_BENCH_BUNDLE: measure another build of the bundle (e.g. one made with other terser options).
  const bundleFile = process.env.OMNEO_BENCH_BUNDLE ? join(ROOT, process.env.OMNEO_BENCH_BUNDLE) : undefined;
  const bench = await startBench({ baselineFile, bundleFile });
  const browser = await launch();
  print({
    id: 'machine',
    line: `machine ${machine()}, Chromium ${browser.version()}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at start`,
  });
  const ctx = { browser, bench, runs, log, present: elements() };
  try {
    const steps = {
      requests: () => import('./requests.mjs').then((m) => m.runRequests(ctx)),
      paint: () => import('./paint.mjs').then((m) => m.runPaint(ctx)),
      session: () => import('./session.mjs').then((m) => m.runSession(ctx)),
      longtask: () => import('./longtask.mjs').then((m) => m.runLongTasks(ctx)),
      cls: () => import('./cls.mjs').then((m) => m.runCls(ctx)),
      leaks: () => import('./leaks.mjs').then((m) => m.runLeaks(ctx)),
    };
    for (const name of browserBenches) {
      if (!steps[name]) throw new Error(`unknown bench "${name}"`);
      try {
        for (const f of await steps[name]()) print(f);
      } catch (e) {
        print({ id: `${name}:error`, pass: false, line: `${name} ERROR: ${String(e?.message ?? e).split('\n')[0]}` });
        if (verbose) console.error(e);
      }
    }
  } finally {
    print({
      id: 'machine:end',
      line: `machine load average ${loadavg()[0].toFixed(1)} at end (1-minute; above ${cpus().length} the timings are stretched)`,
    });
    await browser.close();
    await bench.close();
  }
}

function machine() {
  let model = cpus()[0]?.model ?? '?';
  try {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {}
  return `${cpus().length} x ${model.trim()}`;
}

await main().catch((e) => {
  console.log(`bench ERROR: ${e?.stack ?? e}`);
  process.exitCode = 1;
});

const failed = figures.filter((f) => f.pass === false);
const passed = figures.filter((f) => f.pass === true);
const skipped = figures.filter((f) => f.skipped);
console.log(
  `targets: ${passed.length} pass, ${failed.length} fail${skipped.length ? `, ${skipped.length} not run` : ''}` +
    (failed.length ? ` | missed: ${failed.map((f) => f.id).join(', ')}` : ''),
);
if (failed.length) process.exitCode = 1;
