// `@omneo/widgets/jsx`, `/vue` and `/svelte` are types only (the `.d.ts` beside this file): import
// them with `import type {} from '…'`. This empty module is what a plain `import '…'` gets, so a
// bundler that sees one builds instead of failing.
export {};
