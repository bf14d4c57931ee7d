// The elements' attributes and events in Vue templates, from the typings generated from custom-elements.json.
import type {} from '@omneo/widgets/vue';

// `slot="label"` puts a child into a custom element's named slot: a plain HTML attribute, which
// Vue's own types leave out (they expect Vue's `v-slot`), so `strictTemplates` needs it declared.
declare module 'vue' {
  interface HTMLAttributes {
    slot?: string;
  }
}
