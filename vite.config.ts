import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import { defineConfig } from 'vite';

/**
 * `vite build` writes the drop-in bundle `dist/omneo-widgets.js`: one minified ES module with lit,
 * @lit/context and ky inside, that defines every element. (The npm build is `tsc -p
 * tsconfig.build.json`; the demo storefront runs on Vite's dev server, see `demo/start.js`.)
 *
 * Two standard tools make it small, and nothing else rewrites the source:
 * - Lit's own template-literal minifier squeezes the whitespace and comments of our `html` and
 *   `css` templates (html-minifier-next and lightningcss);
 * - terser minifies the JavaScript. It renames local variables and `#private` members only:
 *   no property is renamed, so every public or protected name (a subclass's, a framework's)
 *   reads the same in the bundle as in the source.
 *
 * terser runs through `@rollup/plugin-terser` rather than Vite's `build.minify: 'terser'`: in lib
 * mode Vite makes terser keep every `/* @__PURE__ *\/` annotation, for bundlers that read the
 * file again. Nothing does with this one (a page loads it as it is; bundlers import the npm build),
 * and the 30 annotations cost 49 B gzip -9.
 */
export default defineConfig({
  plugins: [
    {
      ...minifyLiterals({
        include: ['src/**/*.ts'],
        failOnError: true,
        // Whitespace between a tag and text or an expression is a space the shopper reads ("You have
        // 1,234 points", "Redeemed. Your code: …"): collapse every run to one space, never to none
        // (the bundle tests, web-test-runner.bundle.config.mjs, fail without this).
        options: { minifyOptions: { conservativeCollapse: true } },
      }),
      // Only for the bundle: Storybook and the dev server show the templates as written.
      apply: 'build',
    },
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    // terser runs as an output plugin, below.
    minify: false,
    lib: {
      entry: 'src/omneo-widgets.ts',
      formats: ['es'],
      fileName: () => 'omneo-widgets.js',
    },
    rollupOptions: {
      output: {
        inlineDynamicImports: true,
        plugins: [
          terser({
            // What Vite passes to terser for an ES module build.
            module: true,
            // Nothing that runs Lit 3 needs terser's Safari 10 workarounds, which Vite turns on.
            safari10: false,
            compress: { passes: 2 },
            format: {
              comments: false,
              // V8's explicit compile hint (Chrome 136+; other engines read a comment): nearly all of
              // the bundle runs while a page loads, so every function is compiled with the script, off
              // the main thread, instead of lazily on it when first called (`npm run bench`, paint).
              preamble: '//# allFunctionsCalledOnLoad',
            },
          }),
        ],
      },
    },
  },
});
