import { useState } from 'react';
import type { TokenProvider } from '@omneo/widgets';
// One import per element: each registers its tag, and the bundle gets only what is imported.
import '@omneo/widgets/provider';
import '@omneo/widgets/points-balance';
import '@omneo/widgets/rewards-list';
import '@omneo/widgets/redeem-button';

/** The Omneo ID API: the mock of `npm run mock` unless VITE_OMNEO_BASE_URL says otherwise. */
const baseUrl = import.meta.env.VITE_OMNEO_BASE_URL ?? 'http://127.0.0.1:4010/id/api/v1';

/**
 * Gets the shopper's token from this site's backend: what `token-url` does, written out to show
 * the property a framework can pass instead. Defined once, outside the component: a new function
 * on every render would give the provider a new client (and a new token) every time.
 */
const tokenProvider: TokenProvider = async () => {
  const res = await fetch('/omneo/token', { method: 'POST', headers: { Accept: 'application/json' } });
  if (res.status === 401 || res.status === 204) return null; // nobody is signed in
  if (!res.ok) throw new Error(`The token endpoint answered ${res.status}.`);
  const body = await res.json();
  return body.data ?? body; // {token, exp}
};

export function App() {
  const [events, setEvents] = useState<string[]>([]);
  const [redeemed, setRedeemed] = useState<number | undefined>();

  /** React 19 adds `on<event-name>` props of custom elements as event listeners. */
  const record = (e: Event) => {
    const from = (e.currentTarget as Element | null)?.localName;
    setEvents((list) => [...list, `${e.type} ← <${from}>`]);
  };

  return (
    <main>
      <h1>Your rewards</h1>
      {/* Attributes and properties: React 19 sets a prop as a property when the element has one. */}
      <omneo-provider base-url={baseUrl} tokenProvider={tokenProvider}>
        <p>
          <omneo-points-balance kind="points" onomneo-load={record} onomneo-error={record}>
            <span slot="label">You have</span>
          </omneo-points-balance>
        </p>
        <omneo-rewards-list limit={3} onomneo-load={record} onomneo-error={record} />
        <p>
          <omneo-redeem-button
            amount={10}
            onomneo-load={record}
            onomneo-before-redeem={record}
            onomneo-redeem={(e) => {
              record(e);
              setRedeemed(e.detail.amount);
            }}
            onomneo-redeem-error={(e) => {
              record(e);
              console.warn('Redeem refused:', e.detail.error.message);
            }}
          >
            Redeem $10
          </omneo-redeem-button>
        </p>
      </omneo-provider>

      <h2>Events, in React state</h2>
      {redeemed !== undefined && <p id="redeemed">Redeemed ${redeemed}</p>}
      <p>
        Last event: <output id="last-event">{events.at(-1) ?? 'none yet'}</output>
      </p>
      <ol id="events">
        {events.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </main>
  );
}
