// The README's `getToken`, as written there.
import type { TokenProvider } from '@omneo/widgets';

export const getToken: TokenProvider = async () => {
  const res = await fetch('/omneo/token', { method: 'POST', headers: { Accept: 'application/json' } });
  if (res.status === 401 || res.status === 204) return null; // nobody is signed in
  const body = await res.json();
  return body.data ?? body;                                   // {token, exp}
};
