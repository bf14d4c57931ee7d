#!/usr/bin/env node
// The price of source-code cuts, measured, without touching src/: copies src/ to bench/.out/cuts/,
// applies one cut at a time there (plain text patches), builds the drop-in bundle from the copy with
// vite.config.ts, and prints the change in bytes and gzip -9. Then all of them together.
//
//   node bench/size-cuts.mjs            every cut
//   node bench/size-cuts.mjs validate   only the cuts whose name contains "validate"
//
// The patches are written against the source as it was when they were measured (see BENCHMARKS.md);
// one that no longer applies says so. (Cuts that were made are no longer listed here.)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT, bundle } from './lib/build.mjs';
import { fmt, measure } from './lib/bytes.mjs';

const only = process.argv[2];
const COPY = join(OUT, 'cuts');
rmSync(COPY, { recursive: true, force: true });
mkdirSync(COPY, { recursive: true });
cpSync(join(ROOT, 'src'), join(COPY, 'src'), { recursive: true });

const pristine = new Map();
function patch(file, from, to) {
  const p = join(COPY, file);
  const s = readFileSync(p, 'utf8');
  if (!pristine.has(p)) pristine.set(p, s);
  const next = typeof from === 'string' ? s.split(from).join(to) : s.replace(from, to);
  if (next === s) throw new Error(`no longer applies (${file})`);
  writeFileSync(p, next);
}
const restore = () => {
  for (const [p, s] of pristine) writeFileSync(p, s);
  pristine.clear();
};

const cuts = [
  [
    'validate.ts: one message, no field paths',
    () => {
      const f = 'src/api/validate.ts';
      patch(f, /const fail = \(what: string\): never => \{\n\s*throw new OmneoError\('invalid-response', `[^`]*`\);\n\};/, "const fail = (_?: string): never => {\n  throw new OmneoError('invalid-response', 'Omneo sent an unexpected answer.');\n};");
      patch(f, /fail\(`[^`]*`\)/g, 'fail()');
      patch(f, /`\$\{where\}[^`]*`/g, 'where');
    },
  ],
  [
    'src/api: error messages emptied (what their English costs)',
    () => {
      for (const f of ['src/api/client.ts', 'src/api/token.ts']) patch(f, /(new OmneoError\(\s*[^,()]+,\s*)('[^']*'|`[^`]*`|"[^"]*")/g, "$1''");
      patch('src/api/client.ts', "'TimeoutError' ? 'Omneo took too long to answer.' : 'Omneo could not be reached.'", "'TimeoutError' ? '' : ''");
    },
  ],
  [
    'redeem-button: no copy-code button (not in the contract)',
    () => {
      const f = 'src/components/redeem-button/redeem-button.ts';
      patch(f, /\n  private async copy\(\) \{[\s\S]*?\n  \}\n/, '\n');
      patch(f, /\$\{r\?\.code \? html`<button part="copy"[^`]*`[^}]*\}/, '');
      patch(f, /\s*copied: \{ state: true(, attribute: false)? \},/, '');
    },
  ],
  [
    'events.ts: one factory instead of five CustomEvent subclasses',
    () => {
      patch('src/events.ts', /export class (\w+)[^{]*\{\n\s*constructor\(detail[^)]*\) \{\n\s*super\(('[\w-]+'), init\(detail(, true)?\)\);\n\s*\}\n\}/g, (_, name, type, c) => `export const ${name} = ev(${type}${c ? ', true' : ''}) as any;`);
      patch('src/events.ts', /const init = [^\n]*\n/, 'const ev = (type: string, cancelable = false) => function (detail: unknown) { return new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }); };\n');
    },
  ],
];

const build = async (overrides = {}) => measure((await bundle(join(COPY, 'src/omneo-widgets.ts'), { root: COPY, ...overrides })).code, 'omneo-widgets.js');
const base = await build();
console.log(`copy of src/ as it is: ${fmt(base.raw)} B raw, ${fmt(base.cli)} B gzip -9`);
const d = (a, b) => `${a - b > 0 ? '+' : ''}${fmt(a - b)}`;
const applied = [];
for (const [name, apply, overrides] of cuts) {
  if (only && !name.includes(only)) continue;
  try {
    apply();
    const m = await build(overrides?.());
    console.log(`${name.padEnd(84)} ${d(m.raw, base.raw).padStart(7)} B raw ${d(m.cli, base.cli).padStart(6)} B gzip -> ${fmt(m.cli)}`);
    if (!name.startsWith('events.ts')) applied.push([apply, overrides]);
  } catch (e) {
    console.log(`${name.padEnd(84)} ${String(e.message).split('\n')[0]}`);
  } finally {
    restore();
  }
}
if (!only && applied.length > 1) {
  let overrides = {};
  for (const [apply, o] of applied) {
    apply();
    const more = o?.() ?? {};
    overrides = { ...overrides, ...more, build: { ...overrides.build, ...more.build }, resolve: more.resolve ?? overrides.resolve };
  }
  const m = await build(overrides);
  console.log(`${'all of the above but events.ts'.padEnd(84)} ${d(m.raw, base.raw).padStart(7)} B raw ${d(m.cli, base.cli).padStart(6)} B gzip -> ${fmt(m.cli)}`);
  restore();
}
