import { frameworkTypings } from './scripts/framework-typings.mjs';

/**
 * `src/x/y.ts` → `dist/npm/x/y.js`, the file of the npm build that a package user imports (a
 * superclass's module comes as its import names it, `/src/x/y.js`).
 */
const npmPathOf = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/npm/$1.js');

/** Every `path` and `module` of the manifest that names a source file names its npm build file instead. */
function rewriteSourcePaths(node) {
  if (Array.isArray(node)) return node.forEach(rewriteSourcePaths);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = npmPathOf(value);
    else rewriteSourcePaths(value);
  }
}

/** Each module's `const NAME = <number or string literal>` declarations, by module path. */
const literalConsts = new Map();

/**
 * `cem analyze` reads the elements' JSDoc and writes custom-elements.json at the root, and from it
 * the framework typings in types/ (scripts/framework-typings.mjs): `jsx.d.ts` (React 19),
 * `vue.d.ts` (Vue templates) and `svelte.d.ts` (Svelte). The typings take every type from the
 * package itself (`import type * as Omneo from "@omneo/widgets"`), so they are as exact as the
 * classes: `kind` is `BalanceKind`, not `string`, and a balance's `omneo-load` handler gets an
 * `OmneoLoadEvent<Balances>`, as its `@fires` tag says.
 */
export default {
  globs: ['src/components/**/*.ts', 'src/internal/omneo-element.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The same manifest from the same source on every machine: modules in path order (the
      // analyzer lists them in the order its file reads finish), so CI can diff it.
      // And `dispatchEvent(new OmneoBeforeRedeemEvent(…))` shows the analyzer an event it cannot
      // name; the element's `@fires` tag already lists it, by name.
      name: 'omneo:stable-and-named',
      // A default written as a module constant (`limit = DEFAULT_LIMIT`) is shown as its value (50),
      // which is what a reader of the README's tables and Storybook's controls needs.
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isVariableStatement(node) || !(node.declarationList.flags & ts.NodeFlags.Const)) return;
        for (const d of node.declarationList.declarations) {
          const init = d.initializer;
          if (!ts.isIdentifier(d.name) || !init || !(ts.isNumericLiteral(init) || ts.isStringLiteral(init))) continue;
          const consts = literalConsts.get(moduleDoc.path) ?? new Map();
          consts.set(d.name.text, init.getText());
          literalConsts.set(moduleDoc.path, consts);
        }
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          const consts = literalConsts.get(mod.path);
          if (!consts) continue;
          for (const d of mod.declarations ?? [])
            for (const m of [...(d.members ?? []), ...(d.attributes ?? [])])
              if (consts.has(m.default)) m.default = consts.get(m.default);
        }
        customElementsManifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
        // What a package user imports: each module's path (and every reference to it) is its file in
        // the npm build, `dist/npm/…/x.js`, not the TypeScript source, which the package does not
        // ship; and each element's module defines its tag (through `define()`, which the analyzer
        // cannot see), as a `custom-element-definition` export.
        rewriteSourcePaths(customElementsManifest);
        for (const mod of customElementsManifest.modules ?? []) {
          for (const d of mod.declarations ?? []) {
            if (!d.customElement || !d.tagName) continue;
            mod.exports = [
              ...(mod.exports ?? []),
              { kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: mod.path } },
            ];
          }
        }
        for (const mod of customElementsManifest.modules ?? [])
          for (const d of mod.declarations ?? []) if (d.events) d.events = d.events.filter((e) => e.name);
        // Internal reactive state (`static properties = {sending: {state: true}}`) is read as an
        // attribute by the analyzer: it is neither an attribute nor public.
        for (const mod of customElementsManifest.modules ?? []) {
          for (const d of mod.declarations ?? []) {
            const internal = new Set(
              (d.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
            );
            if (d.attributes) d.attributes = d.attributes.filter((a) => !internal.has(a.fieldName ?? a.name));
            for (const m of d.members ?? []) if (internal.has(m.name)) delete m.attribute;
          }
        }
      },
    },
    frameworkTypings({ outdir: 'types' }),
  ],
};
