#!/usr/bin/env node
/**
 * The Shopify theme app extension's assets, from the build (`postbuild`: npm runs it after `npm run build`):
 * dist/omneo-widgets.js, the drop-in bundle, becomes integrations/shopify/assets/omneo-widgets.js,
 * which the app embed block loads with `{{ 'omneo-widgets.js' | asset_url }}`.
 *
 * The copy is the bundle byte for byte, but for its last line, `//# sourceMappingURL=...`: the map
 * is not shipped to Shopify, and a browser's developer tools would ask the CDN for it in vain.
 * dist/omneo-widgets-fr.js (scripts/build-locales.mjs), the French words, is copied as it is: the
 * app embed loads it on a French storefront. The copies are git-ignored: never edit them by hand,
 * run `npm run build`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const bundle = new URL('../dist/omneo-widgets.js', import.meta.url);
const assets = new URL('../integrations/shopify/assets/', import.meta.url);

const source = await readFile(bundle, 'utf8');
const shipped = source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
await mkdir(assets, { recursive: true });
await writeFile(new URL('omneo-widgets.js', assets), shipped);
console.log(`integrations/shopify/assets/omneo-widgets.js: ${shipped.length} B (the drop-in bundle)`);
const french = await readFile(new URL('../dist/omneo-widgets-fr.js', import.meta.url), 'utf8');
await writeFile(new URL('omneo-widgets-fr.js', assets), french);
console.log(`integrations/shopify/assets/omneo-widgets-fr.js: ${french.length} B (its French words)`);
