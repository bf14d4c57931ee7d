// The one line the README asks for: the Omneo elements in Svelte markup.
import type {} from '@omneo/widgets/svelte';
