#!/usr/bin/env node
// Bytes of the drop-in bundle, of each element imported alone, and of each dependency alone and
// together, all minified exactly like the real build (bench/lib/build.mjs). Run `npm run build` first
// (`npm run bench` does).
//
//   node bench/size.mjs          one line per figure
//   node bench/size.mjs --why    where the bytes of dist/omneo-widgets.js go: by package, by module,
//                                the longest strings; what an engineer reads to cut bytes
//   node bench/size.mjs --why --entry src/components/provider/provider.ts   the same for any entry
//   node bench/size.mjs --json   the figures as JSON
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BUNDLE, bundle, elements, entryFile, importsOfSrc, reexports } from './lib/build.mjs';
import { measure, fmt } from './lib/bytes.mjs';
import { attribute, costs, packageOf } from './lib/attribute.mjs';

export const BUDGET = 16_000;
export const AIM = 14_000;
const DEPS = ['lit', '@lit/context', 'ky'];

const depOf = (spec) => DEPS.find((d) => spec === d || spec.startsWith(`${d}/`));

/** The figures, as data. Each `line` is what gets printed. */
export async function sizeFigures() {
  const figures = [];
  const push = (f) => (figures.push(f), f);

  if (!existsSync(BUNDLE)) throw new Error('dist/omneo-widgets.js is missing: run `npm run build` first.');
  const code = readFileSync(BUNDLE);
  const total = measure(code, 'omneo-widgets.js');
  push({
    id: 'bundle',
    ...total,
    target: BUDGET,
    pass: total.gzip <= BUDGET,
    line: `size  dist/omneo-widgets.js: ${fmt(total.raw)} B raw, ${fmt(total.cli)} B gzip -9 (zlib -9: ${fmt(total.zlib)}) | target <= ${fmt(BUDGET)}: ${total.gzip <= BUDGET ? 'PASS' : 'FAIL'} | aim ${fmt(AIM)}: ${total.gzip <= AIM ? 'met' : `${fmt(total.gzip - AIM)} B over`}`,
  });

  // Dependencies: what src/ imports from each, alone; then all three together.
  const imports = importsOfSrc(DEPS);
  const byDep = {};
  for (const [spec, names] of Object.entries(imports)) (byDep[depOf(spec)] ??= {})[spec] = names;
  const depFigures = {};
  for (const dep of DEPS) {
    if (!byDep[dep]) continue;
    const b = await bundle(entryFile(`dep-${dep.replace(/\W/g, '_')}.js`, reexports(byDep[dep])));
    const m = measure(b.code, 'x.js');
    const names = Object.entries(byDep[dep]).map(([s, n]) => `${s}: ${n.join(', ')}`).join('; ');
    depFigures[dep] = push({ id: `dep:${dep}`, ...m, line: `size  dep ${dep} alone (as src uses it: ${names}): ${fmt(m.raw)} B raw, ${fmt(m.cli)} B gzip -9` });
  }
  const together = await bundle(entryFile('deps-together.js', reexports(imports)));
  const t = measure(together.code, 'x.js');
  push({ id: 'deps', ...t, line: `size  deps together (${DEPS.filter((d) => byDep[d]).join(' + ')}): ${fmt(t.raw)} B raw, ${fmt(t.cli)} B gzip -9` });
  push({
    id: 'own',
    raw: total.raw - t.raw,
    gzip: total.cli - t.cli,
    line: `size  elements' own share of the bundle (bundle - deps together): ${fmt(total.raw - t.raw)} B raw, ${fmt(total.cli - t.cli)} B gzip -9`,
  });

  // Each element imported alone, deps included; and how much of it is src/ (from the source map).
  for (const el of elements()) {
    let b;
    try {
      b = await bundle(`src/components/${el}/${el}.ts`);
    } catch (e) {
      push({ id: `el:${el}`, error: String(e.message ?? e), line: `size  <omneo-${el}> alone: build failed: ${String(e.message ?? e).split('\n')[0]}` });
      continue;
    }
    const m = measure(b.code, 'x.js');
    const own = costs(b.code, b.map, (name) => (name.startsWith('src/') ? 'src' : 'other')).find((c) => c.name === 'src');
    push({
      id: `el:${el}`,
      ...m,
      ownRaw: own?.bytes ?? 0,
      ownGzip: own?.gzipMarginal ?? 0,
      line: `size  <omneo-${el}> alone (src/components/${el}/${el}.ts + deps): ${fmt(m.raw)} B raw, ${fmt(m.cli)} B gzip -9; of which src/: ${fmt(own?.bytes ?? 0)} B raw, ~${fmt(own?.gzipMarginal ?? 0)} B gzip (marginal)`,
    });
  }
  return figures;
}

/** The breakdown of one bundle: by package, by module, and its longest string literals. */
export async function why(code, map, { top = 25 } = {}) {
  const lines = [];
  const total = measure(code, 'x.js');
  lines.push(`bundle: ${fmt(total.raw)} B raw, ${fmt(total.cli)} B gzip -9 (zlib ${fmt(total.zlib)})`);
  lines.push('');
  lines.push('gzip "alone": that code gzipped by itself. gzip "marginal": what the bundle would lose without it');
  lines.push('(the marginals add up to less than the total: code shares gzip context with its neighbours).');
  const table = (title, rows) => {
    lines.push('');
    lines.push(title);
    lines.push(`  ${'min bytes'.padStart(9)} ${'%'.padStart(5)} ${'gz alone'.padStart(8)} ${'gz marg.'.padStart(8)}  name`);
    for (const r of rows) {
      lines.push(`  ${fmt(r.bytes).padStart(9)} ${((100 * r.bytes) / total.raw).toFixed(1).padStart(5)} ${fmt(r.gzipAlone).padStart(8)} ${fmt(r.gzipMarginal).padStart(8)}  ${r.name}`);
    }
  };
  table('by package:', costs(code, map, (n) => (n === '(unmapped)' ? n : packageOf(n))));
  const modules = costs(code, map);
  table(`by module (top ${Math.min(top, modules.length)} of ${modules.length}):`, modules.slice(0, top));

  // Longest string and template literals, with the module they sit in: messages are the easiest cut.
  const owners = attribute(code, map);
  const ranges = [...owners].flatMap(([name, e]) => e.ranges.map(([f, t]) => [f, t, name]));
  const whose = (at) => ranges.find(([f, t]) => at >= f && at < t)?.[2] ?? '?';
  // (acorn comes with terser; without it, this part is left out.)
  const tokenizer = await import('acorn').then((m) => m.tokenizer, () => null);
  if (!tokenizer) return lines.join('\n');
  const strings = [];
  for (const tok of tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module' })) {
    const kind = tok.type.label;
    if ((kind === 'string' || kind === 'template') && tok.end - tok.start >= 24) strings.push({ at: tok.start, text: code.slice(tok.start, tok.end) });
  }
  strings.sort((a, b) => b.text.length - a.text.length);
  lines.push('');
  lines.push(`longest strings and template chunks (>= 24 chars; ${strings.length} in all, ${fmt(strings.reduce((s, x) => s + x.text.length, 0))} B):`);
  for (const s of strings.slice(0, 20)) {
    const flat = s.text.replace(/\n/g, "\\n");
    const shown = flat.length > 90 ? `${flat.slice(0, 87)}...` : flat;
    lines.push(`  ${String(s.text.length).padStart(5)}  ${whose(s.at).padEnd(44)} ${shown}`);
  }
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--why')) {
    const i = args.indexOf('--entry');
    let code, map;
    if (i >= 0) {
      ({ code, map } = await bundle(args[i + 1]));
    } else {
      if (!existsSync(BUNDLE)) throw new Error('dist/omneo-widgets.js is missing: run `npm run build` first.');
      code = readFileSync(BUNDLE, 'utf8');
      map = JSON.parse(readFileSync(`${BUNDLE}.map`, 'utf8'));
    }
    const top = Number(args[args.indexOf('--top') + 1]) || 25;
    console.log(await why(code, map, { top }));
    return;
  }
  const figures = await sizeFigures();
  if (args.includes('--json')) console.log(JSON.stringify(figures, null, 2));
  else for (const f of figures) console.log(f.line);
  if (figures.some((f) => f.pass === false || f.error)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
