#!/usr/bin/env node
// Size budget of dist/omneo-widgets.js, in bytes gzip -9 (issue 13): at most 24,000 B with every
// capability in, aim 21,000 B. Run `npm run build` first (`npm run size` chains them).
//
//   node bench/size-budget.mjs        prints the figure; exit 1 over the budget
//   node bench/size-budget.mjs --ci   the same (what `npm test` runs); OMNEO_SIZE_BUDGET overrides
//
// The figure budgeted is the larger of `gzip -9 -c dist/omneo-widgets.js | wc -c` (the gzip
// program, file name in the header) and zlib at level 9 (what Node tools and Vite's report use), so
// the budget holds whichever way someone checks it. `node bench/size.mjs` says where the bytes go.
import { existsSync, readFileSync } from 'node:fs';
import { BUNDLE } from './lib/build.mjs';
import { AIM, BUDGET, fmt, measure } from './lib/bytes.mjs';

const budget = Number(process.env.OMNEO_SIZE_BUDGET) || BUDGET;

if (!existsSync(BUNDLE)) {
  console.error('size-budget: dist/omneo-widgets.js is missing; run `npm run build` first.');
  process.exit(1);
}
const m = measure(readFileSync(BUNDLE), 'omneo-widgets.js');
const ok = m.gzip <= budget;
console.log(
  `size-budget: dist/omneo-widgets.js ${fmt(m.raw)} B raw, ${fmt(m.cli)} B gzip -9 (zlib -9: ${fmt(m.zlib)}); ` +
    `budget ${fmt(budget)} B: ${ok ? `PASS, ${fmt(budget - m.gzip)} B to spare` : `FAIL, ${fmt(m.gzip - budget)} B over`}; ` +
    `aim ${fmt(AIM)} B: ${m.gzip <= AIM ? 'met' : `${fmt(m.gzip - AIM)} B above`}`,
);
process.exit(ok ? 0 : 1);
