#!/usr/bin/env node
// The price of source-code cuts, measured, without touching src/: copies src/ to bench/.out/cuts/,
// applies one cut at a time there (plain text patches), builds the drop-in bundle from the copy with
// vite.config.ts, and prints the change in bytes and gzip -9. Then all of them together.
//
//   node bench/size-cuts.mjs            every cut
//   node bench/size-cuts.mjs ky         only the cuts whose name contains "ky"
//
// The patches are written against the source as it was when they were measured (see BENCHMARKS.md);
// one that no longer applies says so. Other ky versions are fetched once with `npm pack` into
// bench/.out/ky-<version>/.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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

function kyDir(version) {
  const dir = join(OUT, `ky-${version}`);
  if (!existsSync(join(dir, 'distribution/index.js'))) {
    const tmp = join(OUT, `ky-pack-${version}`);
    mkdirSync(tmp, { recursive: true });
    execFileSync('npm', ['pack', `ky@${version}`, '--silent', '--pack-destination', tmp], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', dir, '--strip-components=1']);
    rmSync(tmp, { recursive: true, force: true });
  }
  return join(dir, 'distribution/index.js');
}
const ky = (version) => ({ resolve: { alias: [{ find: /^ky$/, replacement: kyDir(version) } ] } });

// ky before 1.13 has no `throwHttpErrors: (status) => boolean`; token.ts then reads a 401 from the
// HTTPError instead (a 401 is not retried, so nothing else changes).
const tokenWithoutStatusFilter = () => {
  patch('src/api/token.ts', /\s*throwHttpErrors: \(status\) => status !== 401,/, '');
  patch('src/api/token.ts', /(const status = \(e as \{ response\?: Response \}\)\.response\?\.status;)/, '$1\n      if (status === 401) return null;');
};

const PRIVATE = 'entries tokens held pending subscribed unsubscribe stepping settingsProvider clientProvider reported orphan renderLoading renderItems renderError onPageRequest onPageProvider listenGlobally listening loadPage fromUrl focusButton currencyFrom kept budget drawn asking sending copied onClick onKey settle renewable onShopperChange'.split(' ');

const cuts = [
  ['ky 1.7.5 (token.ts: a 401 read from the HTTPError)', tokenWithoutStatusFilter, () => ky('1.7.5')],
  ['ky 1.2.4 (token.ts: a 401 read from the HTTPError)', tokenWithoutStatusFilter, () => ky('1.2.4')],
  [
    'rewards-list: no guard/repeat directives (chunk.map(item))',
    () => {
      const f = 'src/components/rewards-list/rewards-list.ts';
      patch(f, "import { guard } from 'lit/directives/guard.js';\n", '');
      patch(f, "import { repeat } from 'lit/directives/repeat.js';\n", '');
      patch(f, /guard\(\(this\.drawn\[c\] = deps\), \(\) => repeat\(chunk, \(i\) => i\.id, item\)\)/, '((this.drawn[c] = deps), chunk.map(item))');
    },
  ],
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
      patch('src/api/client.ts', "timeout ? 'Omneo took too long to answer.' : 'Omneo could not be reached.'", "''");
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
  [
    `terser mangle.properties for ${PRIVATE.length} private member names (or a _ prefix and a regex)`,
    () => {},
    () => ({ build: { terserOptions: { mangle: { properties: { regex: new RegExp(`^(${PRIVATE.join('|')})$`) } } } } }),
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
    if (!name.startsWith('ky 1.7.5') && !name.startsWith('events.ts')) applied.push([apply, overrides]);
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
  console.log(`${'all of the above but ky 1.7.5 and events.ts'.padEnd(84)} ${d(m.raw, base.raw).padStart(7)} B raw ${d(m.cli, base.cli).padStart(6)} B gzip -> ${fmt(m.cli)}`);
  restore();
}
