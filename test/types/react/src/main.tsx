// The README's React snippet, as a fresh `npm create vite@latest -- --template react-ts` app has it.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { TokenProvider } from '@omneo/widgets';
import '@omneo/widgets/provider';
import '@omneo/widgets/points-balance';
import type {} from '@omneo/widgets/jsx';

const getToken: TokenProvider = async () => {
  const res = await fetch('/omneo/token', { method: 'POST' });
  return res.ok ? res.json() : null;
};

function App() {
  const [loaded, setLoaded] = useState<{ point_balance: number }>();
  return (
    <omneo-provider tenant="acme" tokenProvider={getToken}>
      <omneo-points-balance kind="combined" onomneo-load={(e) => setLoaded(e.detail.data)} />
      {loaded && <p>{loaded.point_balance} points</p>}
    </omneo-provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
