import { defineConfig } from 'vite';

/**
 * `vite build` writes the drop-in bundle `dist/omneo-widgets.js`: one minified ES module with lit,
 * @lit/context and ky inside, that defines every element. (The npm build is `tsc -p
 * tsconfig.build.json`; the demo storefront runs on Vite's dev server, see `demo/start.js`.)
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: 'terser',
    // `safari10: false`: Vite turns terser's Safari 10 workarounds on; nothing that runs Lit 3 needs
    // them (about 30 bytes gzip). Other terser options were measured and gain nothing: see
    // `node bench/size-experiments.mjs` and BENCHMARKS.md.
    // Property mangling, only for names nobody outside the bundle reads: ky's `_`-prefixed internals
    // (never Lit's `_$` protocol names) and the private members of this library listed here. A
    // name that is also a property of a DOM, Intl or library object (`target`, `call`, `reason`,
    // `result`, `format`, `cancel`…) must never be listed: every `.name` in the bundle is renamed.
    terserOptions: {
      safari10: false,
      compress: { passes: 2 },
      format: { comments: false },
      mangle: { properties: { regex: /^(_(?!\$)|(asking|budget|build|copied|currencyFrom|entry|focusButton|forget|fromUrl|held|http|api|keep|kept|listenGlobally|listening|loadPage|money|onClick|onKey|onPageProvider|onPageRequest|onShopperChange|opts|orphan|pending|reload|renderError|renderItems|renderLoading|renew|renewAt|renewable|renewed|reported|send|sending|settle|shopper|start|subscribed|timer|tokens|waiting|words|askAgain|consumers)$)/ } },
    },
    lib: {
      entry: 'src/omneo-widgets.ts',
      formats: ['es'],
      fileName: () => 'omneo-widgets.js',
    },
    rollupOptions: {
      output: { inlineDynamicImports: true },
      plugins: [
        {
          // Terser leaves template literals alone, so the CSS in Lit's css`` is shipped as written.
          // This squeezes its whitespace and comments (never inside quotes; literals with ${} are
          // left as they are): about 1 kB raw, 120 bytes gzip. `node bench/css-check.mjs` checks that
          // Chromium parses every element's styles to the same rules with and without it.
          name: 'omneo:css-literals',
          transform(code: string, id: string) {
            if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
            // Quoted strings and comments are tokens of their own: strings are kept, comments dropped.
            // Spaces after commas stay: Chromium keeps them in var() fallbacks, so the rules would differ.
            const squeeze = (css: string) =>
              css
                .split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/)/)
                .map((part, i) =>
                  i % 2
                    ? part.startsWith('/*') ? '' : part
                    : part.replace(/\s+/g, ' ').replace(/ ?([{};>]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}'),
                )
                .join('')
                .trim();
            const out = code.replace(/\bcss`([^`$\\]*)`/g, (_: string, css: string) => `css\`${squeeze(css)}\``);
            return out === code ? null : { code: out, map: null };
          },
        },
      ],
    },
  },
});
