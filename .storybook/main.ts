import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Storybook for the Omneo widgets: every element in every state a shopper can meet, with Omneo
 * mocked in the browser by msw (`stories/msw-handlers.ts`), so it runs and builds offline.
 * Controls come from `custom-elements.json` (see `preview.ts`).
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Controls, actions, toolbars, viewport and interactions are built into Storybook 10; msw is
  // wired in `preview.ts` with `mswLoader`, which needs no manager addon.
  addons: [],
  // `mockServiceWorker.js` (generated with `npx msw init .storybook/public --no-save`).
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  features: {
    // The "storefront" toolbar in `preview.ts` switches both background and text colour, which
    // the widgets inherit; the colour-only backgrounds tool would show a light-text-on-light page.
    backgrounds: false,
    sidebarOnboardingChecklist: false,
    menuOnboardingChecklist: false,
  },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(config, {
      plugins: [
        {
          // package.json `sideEffects` names the built files (dist/), so a bundler reading src/
          // takes `import '../src/omneo-widgets.ts'` and `import '../src/locales/fr.ts'` for
          // imports without effects and drops them, and no element is ever defined. Storybook
          // bundles src/: every module there keeps its effects (`define(...)`, `registerStrings`).
          name: 'omneo:src-has-side-effects',
          transform(code: string, id: string) {
            if (id.split('?')[0].startsWith(SRC)) return { code, map: null, moduleSideEffects: true };
          },
        },
      ],
      // The preview bundle holds Storybook's runtime, msw and lit: large, and served locally.
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;
