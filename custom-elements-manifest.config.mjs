import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

/**
 * `cem analyze` reads the elements' JSDoc and writes custom-elements.json at the root, and from it
 * the framework typings in types/: `jsx.d.ts` (React 19 and other JSX) and `vue.d.ts` (Vue templates).
 * The typings take every type from the package itself (`import type … from "@omneo/widgets"`), so
 * they are as exact as the classes: `kind` is `BalanceKind`, not `string`.
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
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
        for (const mod of customElementsManifest.modules ?? []) for (const d of mod.declarations ?? []) if (d.events) d.events = d.events.filter((e) => e.name);
      },
    },
    forTypings(customElementJsxPlugin({ outdir: 'types', fileName: 'jsx.d.ts', globalTypePath: '@omneo/widgets', hideLogs: true })),
    forTypings(customElementVuejsPlugin({ outdir: 'types', fileName: 'vue.d.ts', globalTypePath: '@omneo/widgets', hideLogs: true }), { vue: true }),
  ],
};

/**
 * Runs a typings plugin on a copy of the manifest in the shape that plugin reads; the manifest
 * written to disk is untouched. What changes in the copy:
 *
 * - Events: the manifest names each event's class (`@fires {OmneoLoadEvent}`), as its schema says,
 *   but the plugins type a handler as `(e: CustomEvent<T>) => void` with `T` taken to be the
 *   *detail*. So `T` becomes the class's `detail`, and a handler sees the event's real shape.
 * - Only what a template can set: no read-only fields (getters such as `value`), no private or
 *   protected ones, and no events without a name.
 * - Vue (`vue: true`): vue-tsc checks `:base-url` as the prop `baseUrl` and `@omneo-load` as the
 *   prop `onOmneoLoad`, so props get their camelCase names and events their `on…` handler names
 *   (`OmneoLoad` for `omneo-load`; the description still names the event).
 */
function forTypings(plugin, { vue = false } = {}) {
  return {
    name: `${plugin.name} (omneo)`,
    packageLinkPhase: ({ customElementsManifest, ...rest }) =>
      plugin.packageLinkPhase({ ...rest, customElementsManifest: typingsView(customElementsManifest, vue) }),
  };
}

function typingsView(manifest, vue) {
  const copy = structuredClone(manifest);
  for (const mod of copy.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.customElement) continue;
      const hidden = (m) => m.privacy === 'private' || m.privacy === 'protected' || m.readonly;
      const fields = new Map(decl.members?.filter((m) => m.kind === 'field').map((m) => [m.name, m]));
      decl.members = decl.members?.filter((m) => !(m.kind === 'field' && hidden(m)));
      decl.attributes = decl.attributes?.filter((a) => !(a.fieldName && fields.has(a.fieldName) && hidden(fields.get(a.fieldName))));
      decl.events = decl.events?.filter((e) => e.name);
      for (const event of decl.events ?? []) {
        const name = event.type?.text;
        // `import("…")` keeps the plugin from also listing the class in its own import line.
        if (name && /^[A-Z]\w*$/.test(name)) event.type.text = `import("@omneo/widgets").${name}["detail"]`;
        if (vue) {
          event.description = `\`@${event.name}\`: ${event.description ?? ''}`;
          event.name = event.name.replace(/(?:^|-)([a-z0-9])/g, (_, c) => c.toUpperCase());
        }
      }
      if (vue) for (const attr of decl.attributes ?? []) if (attr.fieldName) attr.name = attr.fieldName;
    }
  }
  return copy;
}
