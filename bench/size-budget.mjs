#!/usr/bin/env node
// CI size budget: exits 1 when dist/omneo-widgets.js is over 16,000 bytes gzip -9.
// It checks the file as built; run `npm run build` first (`npm run size` should chain them).
// The figure budgeted is the larger of `gzip -9 -c dist/omneo-widgets.js | wc -c` (the gzip program,
// file name in the header) and zlib at level 9 (what Node tools and Vite's report use), so the
// budget holds whichever way someone checks it.
import { existsSync, readFileSync } from 'node:fs';
import { BUNDLE } from './lib/build.mjs';
import { fmt, measure } from './lib/bytes.mjs';

const BUDGET = Number(process.env.OMNEO_SIZE_BUDGET) || 16_000;
const AIM = 14_000;

if (!existsSync(BUNDLE)) {
  console.error('size-budget: dist/omneo-widgets.js is missing; run `npm run build` first.');
  process.exit(1);
}
const m = measure(readFileSync(BUNDLE), 'omneo-widgets.js');
const ok = m.gzip <= BUDGET;
console.log(
  `size-budget: dist/omneo-widgets.js ${fmt(m.raw)} B raw, ${fmt(m.cli)} B gzip -9 (zlib -9: ${fmt(m.zlib)}); ` +
    `budget ${fmt(BUDGET)} B: ${ok ? `PASS, ${fmt(BUDGET - m.gzip)} B to spare` : `FAIL, ${fmt(m.gzip - BUDGET)} B over`}; ` +
    `aim ${fmt(AIM)} B: ${m.gzip <= AIM ? 'met' : `${fmt(m.gzip - AIM)} B to cut`}`,
);
process.exit(ok ? 0 : 1);
