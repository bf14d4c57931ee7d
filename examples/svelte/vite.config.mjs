import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { omneoExampleBackend } from '../shared/backend.mjs';

/**
 * The Svelte 5 example. `@omneo/widgets` resolves through the package's own `exports` (package
 * self-reference: this folder is inside the package), i.e. to the built `dist/npm`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // Its own dependency cache, so it does not churn the one of the demo or Storybook.
  cacheDir: '../../node_modules/.vite/examples-svelte',
  plugins: [svelte(), omneoExampleBackend()],
  build: { outDir: 'dist', emptyOutDir: true },
});
