#!/usr/bin/env node
/**
 * The drop-in bundle's languages (part of `npm run build`): each module in src/locales/ built alone
 * as dist/omneo-widgets-<lang>.js, a small ES module that registers its words for every copy of
 * the library on the page (the registry is shared, src/internal/strings.ts). A page without a
 * bundler loads it beside the bundle, before it: `<script type="module" src=".../omneo-widgets-fr.js">`.
 * The Shopify app embed does so on a French storefront.
 */
import { readdir } from 'node:fs/promises';
import { build } from 'vite';

const locales = (await readdir(new URL('../src/locales/', import.meta.url))).filter((f) => f.endsWith('.ts'));
for (const file of locales) {
  const lang = file.replace(/\.ts$/, '');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: 'esbuild',
      lib: { entry: `src/locales/${file}`, formats: ['es'], fileName: () => `omneo-widgets-${lang}.js` },
    },
  });
  console.log(`dist/omneo-widgets-${lang}.js`);
}
