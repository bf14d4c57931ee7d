// The README's React snippet, as written there.
// src/App.tsx (from `npm create vite@latest -- --template react-ts`)
import { useState } from 'react';
import type { Balances } from '@omneo/widgets';
import type {} from '@omneo/widgets/jsx';
import '@omneo/widgets/provider';
import '@omneo/widgets/points-balance';
import { getToken } from './omneo-token';

export default function App() {
  const [balances, setBalances] = useState<Balances>();
  return (
    <omneo-provider tenant="acme" tokenProvider={getToken}>
      <omneo-points-balance kind="combined" onomneo-load={(e) => setBalances(e.detail.data)} />
      {balances && <p>{balances.point_balance} points</p>}
    </omneo-provider>
  );
}
