/// <reference types="vite/client" />
// The one line the README asks for: the Omneo elements in templates.
import type {} from '@omneo/widgets/vue';
