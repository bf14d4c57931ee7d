// The elements' props and events in TSX (React 19's JSX.IntrinsicElements), from the typings
// generated from custom-elements.json: one type import anywhere in the program.
import type {} from '@omneo/widgets/jsx';
