#!/usr/bin/env node
// Where the bytes of the drop-in bundle go. Run `npm run build` first (`npm run bench` does).
//
//   node bench/size.mjs          the bundle against its budget, then what each part costs
//   node bench/size.mjs --why    the same split by package and by module, longest first
//   node bench/size.mjs --why --entry src/components/provider/provider.ts   the same for any entry
//   node bench/size.mjs --alone  also builds each dependency and each element alone (slow)
//   node bench/size.mjs --json   the figures as JSON
//
// Method: dist/omneo-widgets.js is the real build, and its source map says which source module
// each minified byte came from (bench/lib/attribute.mjs). A part (lit, ky, the client, an element,
// a capability) is a set of modules, and gets three figures:
//   - min: its minified bytes in the bundle, exactly;
//   - gzip: its share of the bundle's gzip -9 size, the bundle's gzip bytes split in proportion to
//     what each part's bytes gzip to alone (so the parts add up to the bundle);
//   - without: what the bundle's gzip size loses when those bytes are cut out of it (the bundle
//     gzipped with and without them): close to what dropping the part would save. Parts share gzip
//     context (the same names and idioms repeat across modules), so these do not add up exactly.
// Parts: lit (lit-html, lit-element, @lit/reactive-element), @lit/context, ky, the client (src/api),
// shared element code (src/internal, src/styles, events, context), each element
// (src/components/<name>/), and glue (bytes no module claims: the wrapper, the export list).
// Capabilities that cut across elements are counted by the modules that carry them; a capability
// with no module of its own in the bundle says so.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BUNDLE, bundle, elements, entryFile, importsOfSrc, reexports } from './lib/build.mjs';
import { AIM, BUDGET, fmt, measure, zlibGzip } from './lib/bytes.mjs';
import { attribute, costs, packageOf } from './lib/attribute.mjs';

const DEPS = ['lit', '@lit/context', 'ky'];

/** The parts of the bundle: each module belongs to exactly one. */
function partOf(module) {
  if (module === '(unmapped)') return 'glue';
  const element = /^src\/components\/([^/]+)\//.exec(module)?.[1];
  if (element) return `<omneo-${element}>`;
  if (module.startsWith('src/api/')) return 'client (src/api)';
  if (module.startsWith('src/')) return 'shared (src/internal, styles)';
  const pkg = packageOf(module);
  if (['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg)) return 'lit';
  return pkg;
}

/** Capabilities of the open issues, by the modules that carry them (a module may carry several). */
const CAPABILITIES = [
  { name: 'tier progress', match: (m) => /^src\/(components\/tier-progress\/|api\/tiers\.ts$)/.test(m) },
  { name: 'Shopify sign-in', match: (m) => m.startsWith('src/') && /shopify/i.test(m) },
  { name: 'session', match: (m) => m.startsWith('src/') && /session/i.test(m) },
];

/** `groups`: name -> list of [from, to) byte ranges of the bundle. Returns the figures of each. */
function split(code, groups) {
  const total = zlibGzip(Buffer.from(code));
  const alone = (ranges) => zlibGzip(Buffer.from(ranges.map(([f, t]) => code.slice(f, t)).join('')));
  const without = (ranges) => {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    for (const [f, t] of sorted) {
      out += code.slice(at, f);
      at = t;
    }
    return total - zlibGzip(Buffer.from(out + code.slice(at)));
  };
  return [...groups].map(([name, ranges]) => ({
    name,
    min: ranges.reduce((n, [f, t]) => n + Buffer.byteLength(code.slice(f, t)), 0),
    alone: alone([...ranges].sort((a, b) => a[0] - b[0])),
    without: ranges.length ? without(ranges) : 0,
  }));
}

/** The figures, as data. Each `line` is what gets printed. */
export async function sizeFigures({ alone = false } = {}) {
  const figures = [];
  const push = (f) => (figures.push(f), f);

  if (!existsSync(BUNDLE)) throw new Error('dist/omneo-widgets.js is missing: run `npm run build` first.');
  const code = readFileSync(BUNDLE, 'utf8');
  const map = JSON.parse(readFileSync(`${BUNDLE}.map`, 'utf8'));
  const total = measure(Buffer.from(code), 'omneo-widgets.js');
  push({
    id: 'bundle',
    ...total,
    target: BUDGET,
    pass: total.gzip <= BUDGET,
    line:
      `size  dist/omneo-widgets.js: ${fmt(total.raw)} B min, ${fmt(total.cli)} B gzip -9 (zlib -9: ${fmt(total.zlib)}) | ` +
      `budget <= ${fmt(BUDGET)}: ${total.gzip <= BUDGET ? 'PASS' : 'FAIL'} | aim ${fmt(AIM)}: ${total.gzip <= AIM ? 'met' : `${fmt(total.gzip - AIM)} B above`}`,
  });

  const modules = attribute(code, map);
  const parts = new Map();
  for (const [module, { ranges }] of modules) {
    const p = partOf(module);
    parts.set(p, [...(parts.get(p) ?? []), ...ranges]);
  }
  const partFigures = split(code, parts).sort((a, b) => b.min - a.min);
  const sumAlone = partFigures.reduce((n, p) => n + p.alone, 0);
  const share = (p) => Math.round((total.gzip * p.alone) / sumAlone);
  const row = (p) =>
    `${fmt(p.min).padStart(6)} B min (${((100 * p.min) / total.raw).toFixed(1).padStart(4)} %), ` +
    `~${fmt(share(p)).padStart(5)} B gzip, without it ${fmt(p.without).padStart(5)} B less`;
  const width = Math.max(...partFigures.map((p) => p.name.length));
  for (const p of partFigures) {
    push({
      id: `part:${p.name}`,
      min: p.min,
      gzip: share(p),
      without: p.without,
      line: `size  part ${p.name.padEnd(width)}  ${row(p)}`,
    });
  }

  for (const c of CAPABILITIES) {
    const carriers = [...modules.keys()].filter(c.match);
    if (!carriers.length) {
      push({ id: `capability:${c.name}`, line: `size  capability ${c.name}: no module of its own in the bundle` });
      continue;
    }
    const [f] = split(code, new Map([[c.name, carriers.flatMap((m) => modules.get(m).ranges)]]));
    push({
      id: `capability:${c.name}`,
      min: f.min,
      gzip: share(f),
      without: f.without,
      line: `size  capability ${c.name}  ${row(f)} (${carriers.join(', ')})`,
    });
  }

  if (alone) figures.push(...(await aloneFigures()));
  return figures;
}

/** Each dependency, as src/ uses it, and each element, built alone with the real build's options. */
async function aloneFigures() {
  const figures = [];
  const depOf = (spec) => DEPS.find((d) => spec === d || spec.startsWith(`${d}/`));
  const imports = importsOfSrc(DEPS);
  const byDep = {};
  for (const [spec, names] of Object.entries(imports)) (byDep[depOf(spec)] ??= {})[spec] = names;
  for (const dep of DEPS.filter((d) => byDep[d])) {
    const b = await bundle(entryFile(`dep-${dep.replace(/\W/g, '_')}.js`, reexports(byDep[dep])));
    const m = measure(b.code, 'x.js');
    figures.push({
      id: `alone:${dep}`,
      ...m,
      line: `size  alone: ${dep} as src/ uses it: ${fmt(m.raw)} B min, ${fmt(m.cli)} B gzip -9`,
    });
  }
  for (const el of elements()) {
    const b = await bundle(`src/components/${el}/${el}.ts`);
    const m = measure(b.code, 'x.js');
    figures.push({
      id: `alone:${el}`,
      ...m,
      line: `size  alone: <omneo-${el}> with what it imports: ${fmt(m.raw)} B min, ${fmt(m.cli)} B gzip -9`,
    });
  }
  return figures;
}

/** The breakdown of one bundle by package and by module. */
export function why(code, map, { top = 25 } = {}) {
  const lines = [];
  const total = measure(code, 'x.js');
  lines.push(`bundle: ${fmt(total.raw)} B min, ${fmt(total.cli)} B gzip -9 (zlib ${fmt(total.zlib)})`);
  lines.push('');
  lines.push('gzip "alone": that code gzipped by itself. gzip "without": what the bundle would lose without it.');
  const table = (title, rows) => {
    lines.push('');
    lines.push(title);
    lines.push(`  ${'min bytes'.padStart(9)} ${'%'.padStart(5)} ${'gz alone'.padStart(8)} ${'gz w/o'.padStart(8)}  name`);
    for (const r of rows) {
      lines.push(
        `  ${fmt(r.bytes).padStart(9)} ${((100 * r.bytes) / total.raw).toFixed(1).padStart(5)} ${fmt(r.gzipAlone).padStart(8)} ${fmt(r.gzipMarginal).padStart(8)}  ${r.name}`,
      );
    }
  };
  table(
    'by package:',
    costs(code, map, (n) => (n === '(unmapped)' ? n : packageOf(n))),
  );
  const modules = costs(code, map);
  table(`by module (top ${Math.min(top, modules.length)} of ${modules.length}):`, modules.slice(0, top));
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
    console.log(why(code, map, { top }));
    return;
  }
  const figures = await sizeFigures({ alone: args.includes('--alone') });
  if (args.includes('--json')) console.log(JSON.stringify(figures, null, 2));
  else for (const f of figures) console.log(f.line);
  if (figures.some((f) => f.pass === false)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
