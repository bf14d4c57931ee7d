import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the Omneo widgets: every element in every state a shopper can meet, with Omneo
 * mocked in the browser by msw (`stories/msw-handlers.ts`), so it runs and builds offline.
 * Controls come from `custom-elements.json` (see `preview.ts`).
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Controls, actions, toolbars, viewport and interactions are built into Storybook 10; docs pages
  // come from addon-docs, reading custom-elements.json; msw is wired in `preview.ts` (`mswLoader`).
  addons: ['@storybook/addon-docs'],
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
      // The preview bundle holds Storybook's runtime, msw and lit: large, and served locally.
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;
