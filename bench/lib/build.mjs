// Bundles an entry exactly as the drop-in bundle is built: Vite lib mode with the repository's
// vite.config.ts (same target, terser options, resolve conditions), only the entry differs.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = join(ROOT, 'bench/.out');
export const BUNDLE = join(ROOT, 'dist/omneo-widgets.js');

/**
 * Builds `entry` (a path relative to the repository, or absolute) in memory. `overrides` is Vite
 * config merged over vite.config.ts (to measure a build with other options).
 * @returns {Promise<{code: string, map: any, modules: Record<string, {renderedLength: number, originalLength: number}>}>}
 */
export async function bundle(entry, overrides = {}) {
  const { build, mergeConfig } = await import('vite');
  const result = await build(
    mergeConfig(
      {
        root: ROOT,
        configFile: join(ROOT, 'vite.config.ts'),
        logLevel: 'silent',
        build: { write: false, emptyOutDir: false, sourcemap: true, lib: { entry: resolve(ROOT, entry) } },
      },
      overrides,
    ),
  );
  const output = (Array.isArray(result) ? result[0] : result).output;
  const chunks = output.filter((o) => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`${entry}: expected one chunk, got ${chunks.length}`);
  const [chunk] = chunks;
  const map = chunk.map ?? JSON.parse(String(output.find((o) => o.fileName.endsWith('.map'))?.source ?? 'null'));
  return { code: chunk.code, map, modules: chunk.modules };
}

/** Writes a generated entry file under bench/.out/entries and returns its path. */
export function entryFile(name, source) {
  const dir = join(OUT, 'entries');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

/** The elements that exist now: `src/components/<el>/<el>.ts`. */
export function elements() {
  const dir = join(ROOT, 'src/components');
  return readdirSync(dir)
    .filter((el) => existsSync(join(dir, el, `${el}.ts`)))
    .sort();
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/**
 * What src/ imports from its dependencies, by module specifier: `{ 'lit': ['LitElement', 'html'], 'ky': ['default'] }`.
 * Type-only imports are left out: they cost nothing.
 */
export function importsOfSrc(packages = ['lit', '@lit/context', 'ky']) {
  const used = {};
  const isDep = (spec) => packages.some((p) => spec === p || spec.startsWith(`${p}/`));
  for (const file of walk(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/gm)) {
      const [, typeOnly, clause, spec] = m;
      if (typeOnly || !isDep(spec)) continue;
      const names = (used[spec] ??= new Set());
      const braces = /\{([\s\S]*)\}/.exec(clause);
      const head = clause
        .replace(/\{[\s\S]*\}/, '')
        .replace(/,\s*$/, '')
        .trim();
      if (head === '*') names.add('*');
      else if (head.startsWith('* as')) names.add('*');
      else if (head) names.add('default');
      if (braces) {
        for (const part of braces[1].split(',')) {
          const s = part.trim();
          if (!s || s.startsWith('type ')) continue;
          names.add(s.split(/\s+as\s+/)[0].trim());
        }
      }
    }
    // Side-effect-only imports (`import 'lit/polyfill-support.js'`).
    for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) if (isDep(m[1])) used[m[1]] ??= new Set();
  }
  return Object.fromEntries(Object.entries(used).map(([k, v]) => [k, [...v].sort()]));
}

/** An entry re-exporting `names` of each specifier, so nothing the library uses is shaken out. */
export function reexports(imports) {
  let n = 0;
  const lines = [];
  for (const [spec, names] of Object.entries(imports)) {
    if (names.includes('*')) lines.push(`export * from '${spec}';`);
    const named = names.filter((x) => x !== '*');
    if (named.length) lines.push(`export { ${named.map((x) => `${x} as _${n++}`).join(', ')} } from '${spec}';`);
    if (!names.length) lines.push(`import '${spec}';`);
  }
  return lines.join('\n') + '\n';
}

export const rel = (p) => relative(ROOT, p);
