import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { omneoExampleBackend } from '../shared/backend.mjs';

/**
 * The React 19 example. `@omneo/widgets` resolves through the package's own `exports` (package
 * self-reference: this folder is inside the package), i.e. to the built `dist/npm`, as it would
 * from node_modules. JSX is compiled by Vite's esbuild; no React plugin needed.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // Its own dependency cache, so it does not churn the one of the demo or Storybook.
  cacheDir: '../../node_modules/.vite/examples-react',
  esbuild: { jsx: 'automatic' },
  plugins: [omneoExampleBackend()],
  build: { outDir: 'dist', emptyOutDir: true },
});
