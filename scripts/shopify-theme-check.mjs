#!/usr/bin/env node
/**
 * Shopify's own linter on the theme app extension: `@shopify/theme-check-node` with its
 * `theme-check:theme-app-extension` config, as `shopify app deploy` runs it. One check per file of
 * the extension (it passes when theme-check reports nothing on it), plus one for the layout that
 * Shopify's CLI expects. Any offense fails, whatever its severity, and is printed.
 *
 * Run `npm run build` first: the app embed loads assets/omneo-widgets.js, which the build copies
 * there, and theme-check reports a missing asset.
 */
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check } from '@shopify/theme-check-node';

const root = new URL('../integrations/shopify/', import.meta.url);
const SEVERITY = ['error', 'warning', 'info'];

let passed = 0;
let failed = 0;
function report(name, problems) {
  if (problems.length) {
    failed++;
    console.log(`✗ ${name}\n    ${problems.join('\n    ')}`);
  } else {
    passed++;
    console.log(`✓ ${name}`);
  }
}

// The layout: shopify.extension.toml with a name and type "theme"; blocks, locales, assets.
const toml = await readFile(new URL('shopify.extension.toml', root), 'utf8').catch(() => '');
const layout = [];
if (!/^type\s*=\s*"theme"\s*$/m.test(toml)) layout.push('shopify.extension.toml has no type = "theme"');
if (!/^name\s*=\s*"[^"]+"\s*$/m.test(toml)) layout.push('shopify.extension.toml has no name');
const files = [];
for (const dir of ['assets', 'blocks', 'locales', 'snippets']) {
  const names = await readdir(new URL(`${dir}/`, root)).catch(() => null);
  if (!names) layout.push(`no ${dir}/ (assets/ is made by npm run build)`);
  for (const name of names ?? []) files.push(`${dir}/${name}`);
}
report('the layout Shopify CLI expects: shopify.extension.toml (type "theme"), assets/, blocks/, locales/, snippets/', layout);

const offenses = await check(fileURLToPath(root), 'theme-check:theme-app-extension');
const where = (o) => `${o.check} (${SEVERITY[o.severity] ?? o.severity}) at line ${o.start.line + 1}: ${o.message}`;
for (const file of files.sort()) {
  const uri = pathToFileURL(fileURLToPath(new URL(file, root))).href;
  report(`theme-check: ${file}`, offenses.filter((o) => o.uri === uri).map(where));
}
const elsewhere = offenses.filter((o) => !files.some((file) => o.uri === pathToFileURL(fileURLToPath(new URL(file, root))).href));
report(
  'theme-check: nothing reported on any other file',
  elsewhere.map((o) => `${o.uri}: ${where(o)}`),
);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
