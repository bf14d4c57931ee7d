#!/usr/bin/env node
/**
 * The npm package as users get it: `npm pack` holds what they need and nothing else, every
 * `exports` entry resolves to a file in it, and importing one element bundles only that element.
 * Run after `npm run build`.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `\n    ${detail}`}`);
};

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [pack] = JSON.parse(execSync('npm pack --dry-run --json --ignore-scripts', { encoding: 'utf8' }));
const files = pack.files.map((f) => f.path);

const unwanted = files.filter(
  (f) =>
    /^(src|test|mock|demo|stories|examples|bench|scripts|\.storybook|\.ci)\//.test(f) ||
    (/\.test\.|\.map$/.test(f) && !f.startsWith('dist/omneo-widgets')),
);
check(
  `npm pack: ${files.length} files, ${Math.round(pack.unpackedSize / 1024)} kB unpacked, no sources, tests, mocks or tools`,
  !unwanted.length,
  unwanted.slice(0, 10).join(', '),
);
for (const need of [
  'package.json',
  'README.md',
  'custom-elements.json',
  'dist/omneo-widgets.js',
  'dist/omneo-widgets-fr.js',
  'dist/npm/index.js',
  'dist/npm/index.d.ts',
  'types/jsx.d.ts',
  'types/vue.d.ts',
  'types/svelte.d.ts',
  'types/empty.js',
]) {
  check(`npm pack holds ${need}`, files.includes(need));
}

// custom-elements.json names the files a tool imports (an IDE, Storybook): they are in the package.
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const manifestPaths = new Set();
const collect = (v) => {
  if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === 'object')
    for (const [key, value] of Object.entries(v))
      if ((key === 'path' || key === 'module') && typeof value === 'string') manifestPaths.add(value);
      else collect(value);
};
collect(manifest);
const unpacked = [...manifestPaths].filter((p) => !files.includes(p));
check(
  `custom-elements.json's ${manifestPaths.size} module paths are files in the package`,
  manifestPaths.size > 0 && !unpacked.length,
  `missing: ${unpacked.join(', ')}`,
);
const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
check(
  'custom-elements.json defines each element in its module (custom-element-definition)',
  definitions
    .map((d) => d.name)
    .sort()
    .join() === 'omneo-points-balance,omneo-provider,omneo-redeem-button,omneo-rewards-list,omneo-tier-progress',
  definitions.map((d) => d.name).join(', '),
);

const targets = [];
const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
for (const [entry, target] of Object.entries(pkg.exports)) {
  if (entry.includes('*')) continue;
  targets.length = 0;
  walk(target);
  const missing = targets.filter((t) => !files.includes(t.replace(/^\.\//, '')));
  check(`exports "${entry}" resolves inside the package`, !missing.length, `missing: ${missing.join(', ')}`);
}
// Every JavaScript entry has its types (TypeScript finds none beside dist/omneo-widgets.js).
const untyped = Object.entries(pkg.exports)
  .filter(([, target]) => /\.js"/.test(JSON.stringify(target)) && !(typeof target === 'object' && target.types))
  .map(([entry]) => entry);
check('every JavaScript exports entry has types', !untyped.length, `no types: ${untyped.join(', ')}`);
// A bundler resolves a plain `import '@omneo/widgets/jsx'` (not `import type`) with conditions
// such as Vite's ["module", "browser", "production", "import"]: every entry needs a file for them.
const RUNTIME = ['import', 'module', 'browser', 'default'];
const runtimeTarget = (v) => (typeof v === 'string' ? v : RUNTIME.map((c) => v[c] && runtimeTarget(v[c])).find(Boolean));
const typesOnly = Object.entries(pkg.exports)
  .filter(([, target]) => !runtimeTarget(target))
  .map(([entry]) => entry);
check(
  'every exports entry has a runtime file (a plain import of a types entry still builds)',
  !typesOnly.length,
  `types only: ${typesOnly.join(', ')}`,
);

const plainImports = ['jsx', 'vue', 'svelte'].map((name) => `import '@omneo/widgets/${name}';`).join('\n');
const built = await build({
  stdin: { contents: plainImports, resolveDir: process.cwd(), loader: 'js' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  conditions: ['module', 'browser', 'production'],
  logLevel: 'silent',
}).catch((e) => e);
check(
  "a plain import '@omneo/widgets/jsx' (and /vue, /svelte) bundles, to nothing",
  !(built instanceof Error) && built.outputFiles[0].text.trim() === '',
  String(built.message ?? built.outputFiles?.[0].text),
);

// The npm page shows README.md alone: a relative link works there only to a file in the package.
const readme = readFileSync('README.md', 'utf8');
const relative = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((href) => !/^[a-z]+:/i.test(href));
const unshipped = relative.filter((href) => !files.includes(href.replace(/^\.\//, '')));
check(
  'README links to what the package lacks by absolute URL (they work on the npm page)',
  !unshipped.length,
  `relative links to unshipped files: ${unshipped.join(', ')}`,
);
check(
  'package.json names the repository, homepage and issue tracker',
  Boolean(pkg.repository?.url && pkg.homepage && pkg.bugs?.url),
);

check('"customElements" names the manifest', pkg.customElements === 'custom-elements.json' && existsSync(pkg.customElements));

// One element imported alone: only its own tag is defined in the bundle a user's bundler makes.
const tags = ['omneo-provider', 'omneo-points-balance', 'omneo-rewards-list', 'omneo-redeem-button', 'omneo-tier-progress'];
const needs = { 'omneo-rewards-list': ['omneo-redeem-button'] }; // a redeemable list renders buttons
for (const tag of tags) {
  const name = tag.replace('omneo-', '');
  const out = await build({
    stdin: { contents: `import '@omneo/widgets/${name}';`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    external: ['lit', 'lit/*', '@lit/*', 'ky'],
  });
  const code = out.outputFiles[0].text;
  const defined = tags.filter((t) => code.includes(`"${t}"`) || code.includes(`'${t}'`));
  const expected = [tag, ...(needs[tag] ?? [])].sort();
  check(
    `import '@omneo/widgets/${name}' bundles only ${expected.join(' and ')}`,
    JSON.stringify(defined.sort()) === JSON.stringify(expected),
    `found: ${defined.join(', ')}`,
  );
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
