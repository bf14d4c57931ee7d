// The elements' attributes and events in Vue templates, from the typings generated from
// custom-elements.json (they also let `slot="label"` through `strictTemplates`).
import type {} from '@omneo/widgets/vue';
