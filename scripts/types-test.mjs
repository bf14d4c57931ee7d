#!/usr/bin/env node
// @ts-check
/**
 * The typings as a developer meets them (`node scripts/types-test.mjs`, after `npm run build`):
 * three projects shaped as each framework's own scaffolding makes them, in test/types/, that
 * import `@omneo/widgets` through its `exports` (a package self-reference, as from node_modules)
 * with the one type import the README shows, and type-check as their `npm run build` would:
 *
 * - react:  `tsc -b` (create-vite's react-ts: moduleResolution bundler, jsx react-jsx)
 * - vue:    `vue-tsc -b` (create-vue with TypeScript)
 * - svelte: `svelte-check` (create-vite's svelte-ts)
 *
 * Each has the README's snippet, which must compile, and lines that must not: `kind="pointz"`,
 * a handler reading what `omneo-load` does not carry. React and Vue mark them `@ts-expect-error` /
 * `@vue-expect-error` (an unused one is an error itself); Svelte markup has no such comment, so
 * svelte-check's errors must be exactly the lines after `<!-- error: … -->` in Wrong.svelte.
 *
 *   node scripts/types-test.mjs [react vue svelte]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const started = Date.now();
let passed = 0;
let failed = 0;

/** @param {string} name @param {boolean} ok @param {string} [why] */
function report(name, ok, why) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !why ? '' : `\n    ${why.trim().split('\n').slice(0, 20).join('\n    ')}`}`);
}

/** Runs a command in the repo; resolves to its exit code and output. @param {string} cmd */
function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, { cwd: repo, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const svelteDir = `${repo}test/types/svelte`;

/** svelte-check: App.svelte clean, and Wrong.svelte's errors exactly on its marked lines. */
async function svelte() {
  const { out } = await run(`npx svelte-check --workspace ${svelteDir} --tsconfig ${svelteDir}/tsconfig.json --output machine`);
  const errors = [...out.matchAll(/^\d+ ERROR "([^"]+)" (\d+):\d+ "(.*)"$/gm)].map(([, file, line, message]) => ({
    file,
    line: Number(line),
    message,
  }));
  const marked = readFileSync(`${svelteDir}/src/Wrong.svelte`, 'utf8')
    .split('\n')
    .flatMap((text, i) => (text.trim().startsWith('<!-- error:') ? [i + 2] : []));
  const unexpected = errors.filter((e) => !(e.file === 'src/Wrong.svelte' && marked.includes(e.line)));
  const missing = marked.filter((line) => !errors.some((e) => e.file === 'src/Wrong.svelte' && e.line === line));
  const why = [
    ...unexpected.map((e) => `unexpected: ${e.file}:${e.line} ${e.message}`),
    ...missing.map((line) => `not an error: src/Wrong.svelte:${line}`),
    ...(errors.length || /COMPLETED/.test(out) ? [] : [out]),
  ].join('\n');
  return { ok: !why, why };
}

const checks = [
  [
    'react',
    'react (create-vite react-ts): tsc -b: the README snippet compiles; kind="pointz" and wrong event data do not',
    () => run('npx tsc -b test/types/react').then(({ code, out }) => ({ ok: code === 0, why: out })),
  ],
  [
    'vue',
    'vue (create-vue, TypeScript): vue-tsc -b: the README snippet compiles; kind="pointz" and wrong event data do not',
    () => run('npx vue-tsc -b test/types/vue').then(({ code, out }) => ({ ok: code === 0, why: out })),
  ],
  [
    'svelte',
    'svelte (create-vite svelte-ts): svelte-check: the README snippet compiles; kind="pointz" and wrong event data do not',
    svelte,
  ],
].filter(([name]) => !only.length || only.includes(/** @type {string} */ (name)));

// The snippets the projects compile are the README's, word for word (after their first line, a comment).
const readme = readFileSync(`${repo}README.md`, 'utf8');
const snippets = ['react/src/App.tsx', 'react/src/omneo-token.ts', 'vue/src/Snippet.vue', 'svelte/src/Snippet.svelte'];
const drifted = snippets.filter(
  (file) => !readme.includes(readFileSync(`${repo}test/types/${file}`, 'utf8').split('\n').slice(1).join('\n')),
);
if (!only.length)
  report(
    "the projects compile the README's React, Vue and Svelte snippets as written",
    !drifted.length,
    `not in README.md as written: ${drifted.join(', ')}`,
  );

const results = await Promise.all(
  checks.map(async ([, label, check]) => [label, await /** @type {() => Promise<{ok: boolean, why: string}>} */ (check)()]),
);
for (const [label, { ok, why }] of results) report(/** @type {string} */ (label), ok, why);
console.log(`\ntypes took ${((Date.now() - started) / 1000).toFixed(1)} s\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
