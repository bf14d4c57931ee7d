/**
 * The element tests again, against the built drop-in bundle `dist/omneo-widgets.js` instead of the
 * source (`npm test` step `bundle`, after `build`): any difference between source and bundle (a
 * minifier that renames or drops something, a template the literal minifier breaks) fails here.
 *
 * Everything is as in web-test-runner.config.mjs (the mock Omneo, the token endpoint, Chromium),
 * but imports of the library's entry (`src/index.ts`) and of the strings registry that a locale
 * module registers into (`src/internal/strings.ts`) resolve to the bundle. An import of an
 * element's own module (src/components/) is an error: those tests would be testing the source.
 */
import { fileURLToPath } from 'node:url';
import base from './web-test-runner.config.mjs';

const BUNDLE = '/dist/omneo-widgets.js';
const TO_BUNDLE = new Set([
  '/src/index.js',
  '/src/index.ts',
  '/src/omneo-widgets.js',
  '/src/omneo-widgets.ts',
  '/src/internal/strings.js',
  '/src/internal/strings.ts',
]);

/** The tests whose elements come from the bundle: they use only what the package exports. */
export const BUNDLE_TESTS = [
  'test/points-balance.test.ts',
  'test/rewards-list.test.ts',
  'test/redeem-button.test.ts',
  'test/provider.test.ts',
];

const toBundle = {
  name: 'omneo-imports-from-the-bundle',
  resolveImport({ source, context }) {
    if (!source.startsWith('.') && !source.startsWith('/')) return undefined;
    const path = new URL(source, `http://x${context.path}`).pathname;
    if (TO_BUNDLE.has(path)) return BUNDLE;
    if (path.startsWith('/src/components/')) {
      throw new Error(`${context.path} imports ${path}: a bundle test may only import what the package exports`);
    }
    return undefined;
  },
};

export default {
  ...base,
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: BUNDLE_TESTS,
  plugins: [toBundle, ...base.plugins],
};
