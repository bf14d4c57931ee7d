// @ts-check
/**
 * The framework typings, written from custom-elements.json by `npm run analyze` (a plugin of
 * custom-elements-manifest.config.mjs), one file per framework, each used by one type import:
 *
 * - `types/jsx.d.ts`    React 19: adds the elements to the `react` module's `JSX.IntrinsicElements`
 *                       (`import type {} from '@omneo/widgets/jsx'`); also exports `CustomElements`,
 *                       every element's props, for other JSX libraries.
 * - `types/vue.d.ts`    Vue 3 templates (vue-tsc, the Vue language tools): `GlobalComponents`.
 * - `types/svelte.d.ts` Svelte 5 (svelte-check, the Svelte language tools): `svelte/elements`'
 *                       `SvelteHTMLElements`.
 *
 * What each element gets, from its manifest entry: its attributes (by attribute name) and its
 * properties (by property name; `tokenProvider`, `strings`, `client`), typed by the class itself
 * (`OmneoPointsBalance['kind']` is `BalanceKind`, so `kind="pointz"` is an error), and one handler
 * per event it fires, typed by its `@fires` tag (`OmneoLoadEvent<Balances>`). Nothing private,
 * protected, static or read-only; nothing written by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

/** TypeScript's own names, left as they are in a `@fires` type; every other name is the package's. */
const GLOBAL_TYPES = new Set([
  'Array',
  'ReadonlyArray',
  'Partial',
  'Readonly',
  'Record',
  'Pick',
  'Omit',
  'Promise',
  'CustomEvent',
  'Event',
]);

const HEADER = '// Generated from custom-elements.json by `npm run analyze` (scripts/framework-typings.mjs): do not edit.';

/**
 * @typedef {{ name: string, field?: string, attribute?: string, description: string, numeric?: boolean }} Prop
 * @typedef {{ name: string, type: string, description: string }} Ev
 * @typedef {{ tag: string, className: string, summary: string, props: Prop[], events: Ev[] }} Element
 */

/** The cem plugin. @param {{ outdir?: string }} [options] */
export function frameworkTypings({ outdir = 'types' } = {}) {
  return {
    name: 'omneo:framework-typings',
    /** @param {{ customElementsManifest: any }} context */
    packageLinkPhase({ customElementsManifest }) {
      const elements = elementsOf(customElementsManifest);
      mkdirSync(outdir, { recursive: true });
      writeFileSync(`${outdir}/jsx.d.ts`, jsxTypings(elements));
      writeFileSync(`${outdir}/vue.d.ts`, vueTypings(elements));
      writeFileSync(`${outdir}/svelte.d.ts`, svelteTypings(elements));
    },
  };
}

/** Every custom element of the manifest, as the typings need it, in tag order. @returns {Element[]} */
export function elementsOf(manifest) {
  /** @type {Element[]} */
  const elements = [];
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.customElement || !decl.tagName) continue;
      /** A field a page may set: public, not static, not read-only (getters), not `#private`. */
      const settable = (m) =>
        m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#');
      const fields = new Map((decl.members ?? []).filter(settable).map((m) => [m.name, m]));
      /** @type {Prop[]} */
      const props = [];
      for (const attr of decl.attributes ?? []) {
        if (attr.fieldName && !fields.has(attr.fieldName)) continue; // a private state's attribute
        props.push({
          name: attr.name,
          attribute: attr.name,
          field: attr.fieldName,
          description: attr.description ?? fields.get(attr.fieldName)?.description ?? '',
          numeric: attr.type?.text === 'number',
        });
      }
      const withAttribute = new Set(props.map((p) => p.field));
      for (const field of fields.values()) {
        if (!withAttribute.has(field.name))
          props.push({ name: field.name, field: field.name, description: field.description ?? '' });
      }
      const events = (decl.events ?? [])
        .filter((e) => e.name)
        .map((e) => ({ name: e.name, type: packageType(e.type?.text) ?? 'CustomEvent', description: e.description ?? '' }));
      elements.push({ tag: decl.tagName, className: decl.name, summary: decl.summary ?? decl.description ?? '', props, events });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** A `@fires` type with the package's names qualified: `OmneoLoadEvent<Balances>` → `Omneo.OmneoLoadEvent<Omneo.Balances>`. */
function packageType(text) {
  if (!text) return undefined;
  return text.replace(/\b[A-Z]\w*\b/g, (name) => (GLOBAL_TYPES.has(name) ? name : `Omneo.${name}`));
}

/** The type of a prop: the class's own field type, else a plain attribute's string. @param {Element} el @param {Prop} prop */
function typeOf(el, prop) {
  return prop.field ? `Omneo.${el.className}[${JSON.stringify(prop.field)}]` : 'string';
}

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (c) => c.toUpperCase());
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');
const propsName = (el) => `${el.className}Props`;

/**
 * One element's props as a template writes them: attributes by attribute name, and (when another)
 * by property name, for frameworks that set a property when the element has one; then `event`'s
 * handler for each event.
 * @param {Element} el @param {(event: Ev) => string[]} handlerNames @param {string} [indent]
 */
function propLines(el, handlerNames, indent = '  ') {
  const lines = [];
  for (const prop of el.props) {
    const names = new Set([prop.name, ...(prop.field ? [prop.field] : [])]);
    for (const name of names) {
      // A number's name that is only an attribute (`expiring-days`, not the property `expiringDays`)
      // is set with setAttribute by React 19 and Svelte 5, so "7" is right there too. (A boolean's
      // stays strict: hide-when-zero="false" would turn it on.)
      const attributeOnly = prop.field && name !== prop.field;
      const type = attributeOnly && prop.numeric ? `${typeOf(el, prop)} | \`\${number}\`` : typeOf(el, prop);
      lines.push(`${doc(prop.description, indent)}${indent}${key(name)}?: ${type};`);
    }
  }
  for (const event of el.events) {
    for (const name of handlerNames(event)) {
      lines.push(
        `${doc(`\`${event.name}\`: ${event.description}`, indent)}${indent}${key(name)}?: (event: ${event.type}) => void;`,
      );
    }
  }
  return lines.join('\n');
}

/** @param {Element[]} elements */
function jsxTypings(elements) {
  const interfaces = elements
    .map(
      (el) =>
        `${doc(`\`<${el.tag}>\`: ${el.summary}`, '')}export interface ${propsName(el)} {\n${propLines(el, (e) => [`on${e.name}`])}\n}`,
    )
    .join('\n\n');
  const map = elements.map((el) => `  ${JSON.stringify(el.tag)}: ${propsName(el)};`).join('\n');
  const react = elements
    .map(
      (el) =>
        `${doc(el.summary, '      ')}      ${JSON.stringify(el.tag)}: Omit<DetailedHTMLProps<HTMLAttributes<Omneo.${el.className}>, Omneo.${el.className}>, keyof ${propsName(el)}> & ${propsName(el)};`,
    )
    .join('\n');
  return `${HEADER}
/**
 * The Omneo elements in TSX. In a React 19 app, one import anywhere in the program (main.tsx, or a
 * \`.d.ts\` of your own) adds them to React's \`JSX.IntrinsicElements\`:
 *
 *     import type {} from '@omneo/widgets/jsx';
 *
 * Attributes, properties and \`on<event>\` handlers are typed (React 19 sets a prop as a property
 * when the element has one, and adds \`onomneo-load\` as an \`omneo-load\` listener). For another JSX
 * library, \`CustomElements\` maps each tag to its props.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type * as Omneo from '@omneo/widgets';

${interfaces}

/** Each Omneo tag and its props, for any JSX library's \`IntrinsicElements\`. */
export interface CustomElements {
${map}
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${react}
    }
  }
}
`;
}

/** @param {Element[]} elements */
function vueTypings(elements) {
  // vue-tsc checks `:base-url` as the prop `baseUrl` and `@omneo-load` as the prop `onOmneoLoad`.
  const interfaces = elements
    .map((el) => {
      const lines = [];
      for (const prop of el.props)
        lines.push(`${doc(prop.description, '  ')}  ${key(camel(prop.field ?? prop.name))}?: ${typeOf(el, prop)};`);
      for (const event of el.events)
        lines.push(
          `${doc(`\`@${event.name}\`: ${event.description}`, '  ')}  on${pascal(event.name)}?: (event: ${event.type}) => void;`,
        );
      return `${doc(`\`<${el.tag}>\`: ${el.summary}`, '')}export interface ${propsName(el)} {\n${lines.join('\n')}\n}`;
    })
    .join('\n\n');
  const map = elements
    .map((el) => `${doc(el.summary, '    ')}    ${JSON.stringify(el.tag)}: VueElement<Omneo.${el.className}, ${propsName(el)}>;`)
    .join('\n');
  return `${HEADER}
/**
 * The Omneo elements in Vue 3 templates, for vue-tsc and the Vue language tools. One import
 * anywhere in the program (main.ts, or \`env.d.ts\`):
 *
 *     import type {} from '@omneo/widgets/vue';
 *
 * and, for Vue to leave the tags to the browser, in vite.config.ts:
 * \`vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('omneo-') } } })\`.
 */
import type { HTMLAttributes, PublicProps } from 'vue';
import type * as Omneo from '@omneo/widgets';

/**
 * An element as Vue's template checker reads it, the way Vue's guide types elements not built with
 * Vue: vue-tsc checks a tag's attributes and events against \`$props\` (here the element's own, a
 * plain HTML element's, and Vue's \`key\` and \`ref\`), and a template ref to it
 * (\`useTemplateRef\`) is the element itself.
 */
type VueElement<E extends HTMLElement, Props> = new () => E & {
  /** @deprecated For template checking only: the element has no \`$props\`. */
  $props: Omit<HTMLAttributes, keyof Props> & Props & PublicProps;
};

${interfaces}

declare module 'vue' {
  interface GlobalComponents {
${map}
  }
  // \`slot="label"\` on a child puts it into a custom element's named slot: a plain HTML attribute
  // that Vue's own element types leave out (Vue has \`v-slot\`), so \`strictTemplates\` would refuse it.
  interface HTMLAttributes {
    slot?: string;
  }
}
`;
}

/** @param {Element[]} elements */
function svelteTypings(elements) {
  const interfaces = elements
    .map(
      (el) =>
        `${doc(`\`<${el.tag}>\`: ${el.summary}`, '')}export interface ${propsName(el)} {\n${propLines(el, (e) => [`on${e.name}`, `on:${e.name}`])}\n}`,
    )
    .join('\n\n');
  const map = elements
    .map(
      (el) =>
        `${doc(el.summary, '    ')}    ${JSON.stringify(el.tag)}: Omit<HTMLAttributes<Omneo.${el.className}>, keyof ${propsName(el)}> & ${propsName(el)};`,
    )
    .join('\n');
  return `${HEADER}
/**
 * The Omneo elements in Svelte 5 markup, for svelte-check and the Svelte language tools. One import
 * anywhere in the program (a \`<script lang="ts">\`, or \`src/app.d.ts\`):
 *
 *     import type {} from '@omneo/widgets/svelte';
 *
 * Attributes, properties (Svelte sets a property when the element has one) and \`onomneo-load\`
 * (Svelte 5) or \`on:omneo-load\` (Svelte 4 syntax) handlers are typed.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type * as Omneo from '@omneo/widgets';

${interfaces}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${map}
  }
}
`;
}
