import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { omneoExampleBackend } from '../shared/backend.mjs';

/**
 * The Vue 3 example. `@omneo/widgets` resolves through the package's own `exports` (package
 * self-reference: this folder is inside the package), i.e. to the built `dist/npm`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // Its own dependency cache, so it does not churn the one of the demo or Storybook.
  cacheDir: '../../node_modules/.vite/examples-vue',
  plugins: [
    vue({
      // The omneo- tags are custom elements: Vue renders them as elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('omneo-') } },
    }),
    omneoExampleBackend(),
  ],
  build: { outDir: 'dist', emptyOutDir: true },
});
