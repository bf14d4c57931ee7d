#!/usr/bin/env node
// What build options would save: builds src/omneo-widgets.ts with the repository's vite.config.ts and
// one change at a time (then some together), and prints bytes and gzip -9 against the config as it is.
// Nothing is written to dist/. The "post:" rows change the minified output after the build, to price
// a change before anyone writes the plugin or the source edit that would make it.
//
//   node bench/size-experiments.mjs                 every variant
//   node bench/size-experiments.mjs passes3 ecma    only those (names as printed)
//   node bench/size-experiments.mjs --entry src/components/provider/provider.ts
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT, bundle } from './lib/build.mjs';
import { fmt, measure } from './lib/bytes.mjs';

const args = process.argv.slice(2);
const entryAt = args.indexOf('--entry');
const entry = entryAt >= 0 ? args[entryAt + 1] : 'src/omneo-widgets.ts';
const wanted = args.filter((a, i) => !a.startsWith('--') && (entryAt < 0 || i !== entryAt + 1));

const terser = (t) => ({ build: { terserOptions: t } });

// Every variant builds the same copy of src/, taken now: the source may change while this runs.
const SNAP = join(OUT, 'snapshot');
rmSync(SNAP, { recursive: true, force: true });
mkdirSync(SNAP, { recursive: true });
cpSync(join(ROOT, 'src'), join(SNAP, 'src'), { recursive: true });
const build = (overrides) => bundle(join(SNAP, entry), { root: SNAP, ...overrides });

/** Collapses the whitespace of CSS in css`` literals (outside quotes): the saving of minified CSS. */
function minifyCssLiterals() {
  const squeeze = (css) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'bench-css-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: code.replace(/css`([^`$]*)`/g, (_, body) => `css\`${squeeze(body)}\``), map: null };
    },
  };
}

/** Collapses whitespace runs holding a newline in html`` literals to one space (what a template minifier does). */
function collapseHtmlLiterals() {
  return {
    name: 'bench-html-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('html`')) return null;
      return {
        code: code.replace(/html`((?:[^`\\]|\\.)*)`/g, (m) =>
          m.replace(/(\$\{(?:[^{}]|\{[^{}]*\})*\})|\s*\n\s*/g, (s, expr) => expr ?? (/^\s*\n\s*$/.test(s) ? ' ' : s)).replace(/>\s+</g, '> <'),
        ),
        map: null,
      };
    },
  };
}

const variants = [
  ['as-is', 'vite.config.ts as it is', {}],
  ['passes3', 'compress.passes: 3', terser({ compress: { passes: 3 } })],
  ['ecma', 'ecma: 2020 (terser may emit ES2020 shorthands)', terser({ ecma: 2020 })],
  ['nosafari', 'safari10: false (Vite turns it on; Lit needs far newer Safari anyway)', terser({ safari10: false })],
  ['toplevel', 'compress.toplevel + mangle.toplevel (Vite forces toplevel: false)', terser({ compress: { toplevel: true }, mangle: { toplevel: true } })],
  ['wrap', 'format.wrap_func_args: false', terser({ format: { wrap_func_args: false } })],
  ['arrows', 'compress.unsafe_arrows + unsafe_methods', terser({ compress: { unsafe_arrows: true, unsafe_methods: true } })],
  ['getters', 'compress.pure_getters: true', terser({ compress: { pure_getters: true } })],
  ['fargs', 'compress.keep_fargs: false', terser({ compress: { keep_fargs: false } })],
  ['unsafe', 'compress.unsafe: true', terser({ compress: { unsafe: true } })],
  ['comparisons', 'compress.unsafe_comps + unsafe_math', terser({ compress: { unsafe_comps: true, unsafe_math: true } })],
  ['esbuild', "minify: 'esbuild' instead of terser (Vite keeps whitespace in lib mode's ES output)", { build: { minify: 'esbuild' } }],
  ['esnext', "target: 'esnext' instead of 'es2022'", { build: { target: 'esnext' } }],
  ['gencode', "rollupOptions.output.generatedCode: 'es2015'", { build: { rollupOptions: { output: { generatedCode: 'es2015' } } } }],
  ['propreads', 'rollupOptions.treeshake.propertyReadSideEffects: false', { build: { rollupOptions: { treeshake: { propertyReadSideEffects: false } } } }],
  [
    'safe-set',
    'passes 3 + ecma 2020 + safari10 off + toplevel + wrap_func_args off',
    terser({ ecma: 2020, safari10: false, compress: { passes: 3, toplevel: true }, mangle: { toplevel: true }, format: { wrap_func_args: false } }),
  ],
  [
    'unsafe-set',
    'safe-set + unsafe_arrows/methods + pure_getters + keep_fargs off',
    terser({
      ecma: 2020,
      safari10: false,
      compress: { passes: 3, toplevel: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true, keep_fargs: false },
      mangle: { toplevel: true },
      format: { wrap_func_args: false },
    }),
  ],
  ['css', 'plugin: CSS in css`` literals minified', { plugins: [minifyCssLiterals()] }],
  ['html', 'plugin: newline+indent in html`` literals collapsed to one space', { plugins: [collapseHtmlLiterals()] }],
];

const post = [
  ['post:annotations', 'output without the /* @__PURE__ */ comments Vite keeps in lib mode', (c) => c.replace(/\/\* @__PURE__ \*\/ ?/g, '')],
];

const pick = (name) => !wanted.length || wanted.includes(name) || name === 'as-is';
let base;
console.log(`entry ${entry}; gzip -9 is the gzip program's figure (file name in the header), delta vs as-is`);
for (const [name, label, overrides] of variants) {
  if (!pick(name)) continue;
  let code;
  try {
    ({ code } = await build(overrides));
  } catch (e) {
    console.log(`${name.padEnd(12)} build failed: ${String(e.message ?? e).split('\n')[0]}`);
    continue;
  }
  const m = measure(code, 'omneo-widgets.js');
  base ??= { ...m, code };
  const d = (a, b) => (a - b > 0 ? `+${fmt(a - b)}` : fmt(a - b));
  console.log(`${name.padEnd(12)} ${fmt(m.raw).padStart(7)} B raw (${d(m.raw, base.raw).padStart(6)}), ${fmt(m.cli).padStart(6)} B gzip -9 (${d(m.cli, base.cli).padStart(5)})  ${label}`);
}
for (const [name, label, fn] of post) {
  if (!pick(name) || !base) continue;
  const m = measure(fn(base.code), 'omneo-widgets.js');
  console.log(`${name.padEnd(12)} ${fmt(m.raw).padStart(7)} B raw (${fmt(m.raw - base.raw).padStart(6)}), ${fmt(m.cli).padStart(6)} B gzip -9 (${fmt(m.cli - base.cli).padStart(5)})  ${label}`);
}
