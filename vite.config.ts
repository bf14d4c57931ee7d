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
    terserOptions: { compress: { passes: 2 }, format: { comments: false } },
    lib: {
      entry: 'src/omneo-widgets.ts',
      formats: ['es'],
      fileName: () => 'omneo-widgets.js',
    },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
