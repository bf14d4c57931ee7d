/**
 * The drop-in bundle (`dist/omneo-widgets.js`): every element, with lit, @lit/context and ky inside.
 * `<script type="module" src=".../omneo-widgets.js"></script>` and the tags work.
 */
export * from './index.js';
