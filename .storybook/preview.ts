import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { StrictArgTypes } from 'storybook/internal/types';
import { html } from 'lit';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';

import manifest from '../custom-elements.json';
import '../src/omneo-widgets.ts';
import { API, TOKEN_URL, omneoApi, resetDemoData } from '../stories/msw-handlers.ts';
import './storefront.css';

// ---------------------------------------------------------------------------
// Controls from custom-elements.json

type Member = {
  kind?: string;
  name?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  fieldName?: string;
  type?: { text?: string };
};
type Declaration = { customElement?: boolean; members?: Member[]; attributes?: Member[]; cssParts?: { name: string }[] };

const isPublic = (m?: Member) => !m || (m.privacy ?? 'public') === 'public';

/** `string | undefined` → `string`, so Storybook infers a text control rather than a JSON one. */
const plainType = <T extends Member>(m: T): T =>
  m.type?.text ? { ...m, type: { ...m.type, text: m.type.text.replace(/\s*\|\s*undefined\b/g, '') } } : m;

/**
 * The manifest as the API a page uses: public, writable fields only (no private state, no
 * getters), and a field that has an attribute only once, as that attribute (`hide-when-zero`, the
 * name retailers write). Parts are named `::part(label)`: Storybook keys every row by its name, and
 * a part named like a slot or an attribute (`label`, `confirm`) would replace that row.
 * Everything else comes straight from the analyzer's output.
 */
function publicApi(cem: typeof manifest) {
  return {
    ...cem,
    modules: cem.modules.map((mod) => ({
      ...mod,
      declarations: (mod.declarations as Declaration[] | undefined)?.map((d) => {
        if (!d.customElement) return d;
        const field = (name?: string) => d.members?.find((m) => m.kind === 'field' && m.name === name);
        return {
          ...d,
          members: d.members
            ?.filter((m) => m.kind === 'field' && !m.static && !m.readonly && !m.attribute && isPublic(m))
            .map(plainType),
          // Reactive state that the analyzer lists as an attribute belongs to a private field.
          attributes: d.attributes?.filter((a) => isPublic(field(a.fieldName))).map(plainType),
          cssParts: d.cssParts?.map((p) => ({ ...p, name: `::part(${p.name})` })),
        };
      }),
    })),
  };
}

setCustomElementsManifest(publicApi(manifest));

const LITERALS = /^'[^']*'(\s*\|\s*'[^']*')+$/;

/**
 * Controls the manifest's types imply: a union of string literals (`'rewards' | 'benefits'`) is a
 * select of those; an `--omneo-*` custom property is a colour or text field (stories apply them
 * as inline styles); events and parts are documented, with no control.
 */
const manifestControls = ({ argTypes }: { argTypes: StrictArgTypes }): StrictArgTypes =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, t]) => {
      if (t.control !== undefined) return [name, t];
      const type = typeof t.type === 'object' && 'name' in t.type ? String(t.type.name) : '';
      if (LITERALS.test(type)) {
        return [name, { ...t, control: { type: 'inline-radio' }, options: type.split('|').map((o) => o.trim().slice(1, -1)) }];
      }
      if (t.table?.category === 'css custom properties') {
        return [name, { ...t, control: { type: /color/.test(name) ? 'color' : 'text' } }];
      }
      if (t.table?.category === 'events' || t.table?.category === 'css shadow parts') {
        return [name, { ...t, control: { disable: true } }];
      }
      return [name, t];
    }),
  );

// ---------------------------------------------------------------------------
// Omneo in the browser

/**
 * msw-storybook-addon 3 has no `initialize()`: the loader takes this setup instead. Requests to
 * Omneo or the token endpoint that no handler answers fail loudly (a console error, which the
 * smoke run reports); anything else (Storybook's own files, fonts) passes through quietly.
 */
async function startWorker() {
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest(request, print) {
      const url = new URL(request.url);
      if (url.href.startsWith(API) || url.hostname.endsWith('.getomneo.com') || url.pathname === TOKEN_URL) print.error();
    },
  });
  return worker;
}

// ---------------------------------------------------------------------------

const preview: Preview = {
  // A docs page per element: its description, attributes, events, slots, parts and CSS properties
  // from custom-elements.json, then its stories.
  tags: ['autodocs'],
  loaders: [mswLoader(startWorker)],
  // Each story meets its shopper fresh: a redeem in one story does not show in the next.
  beforeEach: () => {
    resetDemoData();
  },
  argTypesEnhancers: [manifestControls],
  decorators: [
    (story, { globals, parameters }) => {
      document.body.dataset.storefront = globals.storefront === 'dark' ? 'dark' : 'light';
      return html`<div class="storefront ${parameters.fluid ? 'storefront--fluid' : ''}">${story()}</div>`;
    },
  ],
  globalTypes: {
    storefront: {
      description: 'The storefront the widgets sit on (its background, text colour and font)',
      toolbar: {
        title: 'Storefront',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light storefront', icon: 'sun' },
          { value: 'dark', title: 'Dark storefront', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { storefront: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Named groups: a story replaces only the ones it changes (see stories/msw-handlers.ts).
    msw: { handlers: omneoApi() },
  },
};

export default preview;
