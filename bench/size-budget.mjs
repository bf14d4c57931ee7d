#!/usr/bin/env node
// Size budget of dist/omneo-widgets.js, in bytes gzip -9. Run `npm run build` first (`npm run size`
// chains them).
//
//   node bench/size-budget.mjs        the target of issue 5: exit 1 over 16,000 B (aim 14,000)
//   node bench/size-budget.mjs --ci   what `npm test` (CI) enforces: exit 1 over CI_CEILING
//
// CI_CEILING is a ratchet: the size the bundle has reached, plus a little room. While the bundle is
// over the 16,000 B target, CI cannot hold it to the target (it would always fail), but it stops
// the bundle from growing back. Lower it whenever the bundle shrinks; it becomes 16,000 once the
// target is met. (It was raised once, 18,100 -> 18,150, for the Intl-free whole numbers of
// src/internal/format.ts: 72 B that take 20-60 ms off a balance's first paint.)
//
// The figure budgeted is the larger of `gzip -9 -c dist/omneo-widgets.js | wc -c` (the gzip
// program, file name in the header) and zlib at level 9 (what Node tools and Vite's report use), so
// the budget holds whichever way someone checks it.
import { existsSync, readFileSync } from 'node:fs';
import { BUNDLE } from './lib/build.mjs';
import { fmt, measure } from './lib/bytes.mjs';

const TARGET = 16_000;
const AIM = 14_000;
const CI_CEILING = 17_780;

const ci = process.argv.includes('--ci');
const BUDGET = Number(process.env.OMNEO_SIZE_BUDGET) || (ci ? CI_CEILING : TARGET);

if (!existsSync(BUNDLE)) {
  console.error('size-budget: dist/omneo-widgets.js is missing; run `npm run build` first.');
  process.exit(1);
}
const m = measure(readFileSync(BUNDLE), 'omneo-widgets.js');
const ok = m.gzip <= BUDGET;
console.log(
  `size-budget: dist/omneo-widgets.js ${fmt(m.raw)} B raw, ${fmt(m.cli)} B gzip -9 (zlib -9: ${fmt(m.zlib)}); ` +
    `${ci ? 'CI ceiling' : 'budget'} ${fmt(BUDGET)} B: ${ok ? `PASS, ${fmt(BUDGET - m.gzip)} B to spare` : `FAIL, ${fmt(m.gzip - BUDGET)} B over`}; ` +
    `target ${fmt(TARGET)} B: ${m.gzip <= TARGET ? 'met' : `${fmt(m.gzip - TARGET)} B to cut`}; ` +
    `aim ${fmt(AIM)} B: ${m.gzip <= AIM ? 'met' : `${fmt(m.gzip - AIM)} B to cut`}`,
);
process.exit(ok ? 0 : 1);
