import { tokenizer } from 'acorn';
import { minify } from 'terser';
import { defineConfig } from 'vite';

/**
 * `vite build` writes the drop-in bundle `dist/omneo-widgets.js`: one minified ES module with lit,
 * @lit/context and ky inside, that defines every element. (The npm build is `tsc -p
 * tsconfig.build.json`; the demo storefront runs on Vite's dev server, see `demo/start.js`.)
 */
export default defineConfig({
  plugins: [
    {
      // Every `const` of the bundle (Lit's, ky's, ours) becomes `let`, before terser: fewer bytes,
      // and one keyword for every declaration, which gzip finds smaller still (-79 B gzip, measured).
      // The code is the same: `const` only adds an error on assignment, which nothing here makes.
      // Found by the tokenizer, so never inside a string or a template. `let` and two spaces keep
      // every column, so the source map stays true without a map of its own (terser prints `let`).
      // Only in lib mode: the drop-in bundle and the bench's builds of it, not Storybook's.
      name: 'omneo:let',
      apply: (config, { command }) => command === 'build' && !!config.build?.lib,
      renderChunk(code: string) {
        let out = '';
        let at = 0;
        for (const t of tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module' })) {
          if (t.type.keyword === 'const') (out += `${code.slice(at, t.start)}let  `), (at = t.end);
        }
        return at ? { code: out + code.slice(at), map: null } : null;
      },
    },
  ],
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
    // `result`, `format`…) or a key of a public object (the strings table: `copy`, `copied`,
    // `cancel`…; options, events, API answers) must never be listed: every `.name` in the bundle is
    // renamed. `npm test` (e2e) checks the bundle's strings table against the source's.
    terserOptions: {
      safari10: false,
      compress: { passes: 2 },
      format: { comments: false },
      mangle: { properties: { regex: /^(_(?!\$)|(asking|budget|build|currencyFrom|entry|focusButton|forget|held|http|api|keep|kept|listenGlobally|listening|money|onClick|onKey|onPageProvider|onPageRequest|onShopperChange|opts|orphan|renderError|renderItems|renderLoading|renew|renewAt|renewable|renewed|reported|send|sending|settle|shopper|start|subscribed|timer|tokens|waiting|words|askAgain|consumers|currencyFor|isMoney|outcome|redeemTarget|whyDisabled|onCancel|onCopy|note|callApi|fetchKey|entryOf|launch|refetch|inflight|aborter|waiters|what|evict|unfollow)$)/ } },
    },
    lib: {
      entry: 'src/omneo-widgets.ts',
      formats: ['es'],
      fileName: () => 'omneo-widgets.js',
    },
    rollupOptions: {
      output: {
        inlineDynamicImports: true,
        plugins: [
          {
            // A last terser pass, which compresses and mangles nothing:
            // - it drops the /* @__PURE__ */ annotations Vite keeps in a library's ES output (they
            //   help an app's bundler shake it, but nothing bundles the drop-in file again): ~40 B gzip;
            // - it puts V8's explicit compile hint on the first line (Chrome 136+; other engines read
            //   a comment): every function of the file is compiled with the script, off the main
            //   thread, instead of lazily on it when first called. Nearly all of the bundle runs while
            //   a page loads (Lit, ky, the client, the elements on the page), so this takes 10-70 ms
            //   of main-thread compiling out of a storefront's first load (`npm run bench`, paint).
            // Rollup chains the source map through the map this pass returns.
            name: 'omneo:last-pass',
            async renderChunk(code: string) {
              const out = await minify(code, {
                compress: false,
                mangle: false,
                module: true,
                sourceMap: true,
                format: { comments: false, preserve_annotations: false, preamble: '//# allFunctionsCalledOnLoad' },
              });
              return { code: out.code!, map: out.map as string };
            },
          },
        ],
      },
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
