/**
 * The context keys. `Symbol.for` keys, so that two copies of the library on one page (the drop-in
 * bundle and the npm build) still find each other's providers.
 */
import { createContext } from '@lit/context';
import type { OmneoClient } from './api/client.js';

/** The `OmneoClient` that `<omneo-provider>` gives every widget inside it. */
export const omneoContext = createContext<OmneoClient | undefined>(Symbol.for('omneo.client'));

/** The provider's display settings; widgets fall back to the page's `lang` and the balances' currency. */
export interface OmneoSettings {
  locale?: string;
  currency?: string;
}

export const omneoSettingsContext = createContext<OmneoSettings | undefined>(Symbol.for('omneo.settings'));
