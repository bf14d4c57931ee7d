#!/usr/bin/env node
// Checks the `omneo:css-literals` plugin of vite.config.ts: builds the drop-in bundle with and without
// it, loads each in Chromium, and compares every element's styles as Chromium parses them (the
// cssText of each rule of each `elementStyles` sheet). Exits 1 on any difference.
import { bundle } from './lib/build.mjs';
import { launch } from './lib/browser.mjs';

const withoutPlugin = {
  plugins: [
    {
      name: 'bench:no-css-literals',
      config(c) {
        const ro = c.build?.rollupOptions;
        if (ro?.plugins) ro.plugins = ro.plugins.filter((p) => p?.name !== 'omneo:css-literals');
      },
    },
  ],
};

const [min, plain] = [await bundle('src/omneo-widgets.ts'), await bundle('src/omneo-widgets.ts', withoutPlugin)];
if (min.code === plain.code) {
  console.log('css-check: the plugin changed nothing (is it in vite.config.ts?)');
  process.exit(1);
}

const browser = await launch();
async function rulesOf(code) {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ type: 'module', content: code });
  const out = await page.evaluate(() => {
    const result = {};
    for (const tag of ['omneo-provider', 'omneo-points-balance', 'omneo-rewards-list', 'omneo-redeem-button']) {
      const C = customElements.get(tag);
      if (!C) continue;
      C.finalize();
      result[tag] = C.elementStyles.map((s) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(s.cssText);
        return { length: s.cssText.length, rules: [...sheet.cssRules].map((r) => r.cssText) };
      });
    }
    return result;
  });
  await page.close();
  return out;
}
const [a, b] = [await rulesOf(min.code), await rulesOf(plain.code)];
await browser.close();

let bad = 0;
for (const tag of Object.keys(b)) {
  const before = b[tag].reduce((n, s) => n + s.length, 0);
  const after = a[tag].reduce((n, s) => n + s.length, 0);
  const same = JSON.stringify(a[tag].map((s) => s.rules)) === JSON.stringify(b[tag].map((s) => s.rules));
  if (!same) bad++;
  console.log(`css-check ${tag}: ${b[tag].length} sheets, ${before} -> ${after} chars of CSS, parsed rules ${same ? 'identical' : 'DIFFERENT'}`);
  if (!same) {
    const ra = a[tag].flatMap((s) => s.rules);
    const rb = b[tag].flatMap((s) => s.rules);
    rb.forEach((r, i) => r !== ra[i] && console.log(`  without: ${r}\n  with:    ${ra[i]}`));
  }
}
console.log(`css-check: bundle ${plain.code.length} -> ${min.code.length} B raw; ${bad ? `${bad} element(s) differ` : 'every element parses the same'}`);
process.exit(bad ? 1 : 0);
