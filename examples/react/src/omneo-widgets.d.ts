// The elements' props and events in TSX, from the typings generated from custom-elements.json.
import type { CustomElements } from '@omneo/widgets/jsx';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
