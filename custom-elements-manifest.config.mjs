/** `cem analyze` reads the elements' JSDoc and writes custom-elements.json at the root. */
export default {
  globs: ['src/components/**/*.ts', 'src/internal/omneo-element.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
