#!/usr/bin/env node
/**
 * Server-side rendering safety: importing the npm entry (and each element) in Node must not throw
 * nor touch `window` or storage. Node has none of them, so an unguarded use throws; a trap on
 * globalThis records even guarded reads.
 */
const touched = new Set();
for (const name of ['window', 'document', 'localStorage', 'sessionStorage', 'navigator']) {
  const had = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      touched.add(name);
      return had?.get ? had.get.call(globalThis) : had?.value;
    },
  });
}

const entries = ['.', './provider', './points-balance', './rewards-list', './redeem-button', './tier-progress'];
let failed = 0;
for (const entry of entries) {
  try {
    const mod = await import(
      new URL(`../dist/npm/${entry === '.' ? 'index' : `components/${entry.slice(2)}/${entry.slice(2)}`}.js`, import.meta.url)
    );
    console.log(`✓ import ${entry}: ${Object.keys(mod).length} exports`);
  } catch (e) {
    failed++;
    console.log(`✗ import ${entry}: ${e.message}`);
  }
}
// `typeof document` guards are fine (they read the global to find it missing); `window` and storage are not.
const bad = [...touched].filter((n) => n === 'window' || n.endsWith('Storage'));
if (bad.length) {
  failed++;
  console.log(`✗ importing touched ${bad.join(', ')}`);
} else console.log(`✓ importing touched no window or storage${touched.size ? ` (checked for: ${[...touched].join(', ')})` : ''}`);
process.exit(failed ? 1 : 0);
