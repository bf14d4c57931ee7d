import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { Balances, OmneoLoadEvent, OmneoRedeemEvent, TokenProvider } from '@omneo/widgets';
// One import per element: each registers its tag.
import '@omneo/widgets/provider';
import '@omneo/widgets/points-balance';
import '@omneo/widgets/rewards-list';
import '@omneo/widgets/redeem-button';

/** The Omneo ID API: set at build time (build.mjs), else the mock of `npm run mock`. */
declare const OMNEO_BASE_URL: string | undefined;
const baseUrl = typeof OMNEO_BASE_URL === 'string' ? OMNEO_BASE_URL : 'http://127.0.0.1:4010/id/api/v1';

/**
 * Gets the shopper's token from this site's backend: what `token-url` does, written out to show
 * the property a framework can bind instead (`[tokenProvider]`).
 */
const tokenProvider: TokenProvider = async () => {
  const res = await fetch('/omneo/token', { method: 'POST', headers: { Accept: 'application/json' } });
  if (res.status === 401 || res.status === 204) return null; // nobody is signed in
  if (!res.ok) throw new Error(`The token endpoint answered ${res.status}.`);
  const body = await res.json();
  return body.data ?? body; // {token, exp}
};

/**
 * `CUSTOM_ELEMENTS_SCHEMA` lets the template use the omneo- tags (without it: NG8001). `[prop]`
 * sets a property, `(omneo-load)` listens to the event. With `strictTemplates`, `$event` has the
 * element's own event type (`OmneoLoadEvent<Balances>` on a balance), from its `addEventListener`.
 */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Your rewards</h1>
      <omneo-provider [baseUrl]="baseUrl" [tokenProvider]="tokenProvider">
        <p>
          <omneo-points-balance kind="points" (omneo-load)="onBalances($event)" (omneo-error)="record($event)">
            <span slot="label">You have</span>
          </omneo-points-balance>
        </p>
        <omneo-rewards-list [limit]="3" (omneo-load)="record($event)" (omneo-error)="record($event)"></omneo-rewards-list>
        <p>
          <omneo-redeem-button
            [amount]="10"
            (omneo-load)="record($event)"
            (omneo-before-redeem)="record($event)"
            (omneo-redeem)="onRedeem($event)"
            (omneo-redeem-error)="record($event)"
          >
            Redeem $10
          </omneo-redeem-button>
        </p>
      </omneo-provider>

      <h2>Events, in Angular state</h2>
      @if (points() !== undefined) {
        <p id="points">{{ points() }} points</p>
      }
      @if (redeemed() !== undefined) {
        <p id="redeemed">Redeemed \${{ redeemed() }}</p>
      }
      <p>
        Last event: <output id="last-event">{{ events().at(-1) ?? 'none yet' }}</output>
      </p>
      <ol id="events">
        @for (line of events(); track $index) {
          <li>{{ line }}</li>
        }
      </ol>
    </main>
  `,
})
export class AppComponent {
  readonly baseUrl = baseUrl;
  readonly tokenProvider = tokenProvider;
  readonly events = signal<string[]>([]);
  readonly points = signal<number | undefined>(undefined);
  readonly redeemed = signal<number | undefined>(undefined);

  record(e: Event) {
    const from = (e.currentTarget as Element | null)?.localName;
    this.events.update((list) => [...list, `${e.type} ← <${from}>`]);
  }

  /** A balance's `omneo-load` carries the balances (strictTemplates checks `$event` against this). */
  onBalances(e: OmneoLoadEvent<Balances>) {
    this.record(e);
    this.points.set(e.detail.data.point_balance);
  }

  onRedeem(e: OmneoRedeemEvent) {
    this.record(e);
    this.redeemed.set(e.detail.amount);
  }
}
