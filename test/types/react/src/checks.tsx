/**
 * What the typings must accept, and (`@ts-expect-error`: the check fails if the line is NOT an
 * error) what they must refuse.
 */
import type { Balances, OmneoErrorDetail, OmneoPointsBalance, Redemption, RewardsListItem } from '@omneo/widgets';
import { registerStrings } from '@omneo/widgets/omneo-widgets.js';
import { fr } from '@omneo/widgets/omneo-widgets-fr.js';

// The drop-in bundles, imported from the package, are typed too.
export const frenchInCanada = () => registerStrings('fr-CA', { ...fr, signedOut: 'Ouvrez une session.' });

export const right = (
  <omneo-provider base-url="/id/api/v1" token-url="/omneo/token" locale="en-AU" global client={undefined} className="loyalty">
    <omneo-points-balance kind="rewards" hide-when-zero strings={{ signedOut: 'Log in' }} onomneo-load={(e) => e.detail.data.point_balance.toFixed()} />
    <omneo-rewards-list source="points" limit={5} include-expired expiring-days={7} redeemable onomneo-load={(e) => e.detail.data satisfies RewardsListItem[]} />
    <omneo-rewards-list expiring-days="7" />
    <omneo-redeem-button
      benefit-id="201"
      confirm
      onClick={(e) => e.currentTarget.benefitId}
      onomneo-before-redeem={(e) => e.detail.benefitId?.toUpperCase()}
      onomneo-redeem={(e) => e.detail.redemption satisfies Redemption}
      onomneo-redeem-error={(e) => e.detail.error satisfies OmneoErrorDetail}
      onomneo-load={(e) => e.detail.data satisfies Balances}
    />
  </omneo-provider>
);

export const wrong = (
  <>
    {/* @ts-expect-error: not a kind */}
    <omneo-points-balance kind="pointz" />
    {/* @ts-expect-error: a boolean */}
    <omneo-points-balance hide-when-zero="yes" />
    {/* @ts-expect-error: a number */}
    <omneo-rewards-list limit="3" />
    {/* @ts-expect-error: not a number, even as an attribute */}
    <omneo-rewards-list expiring-days="soon" />
    {/* @ts-expect-error: no such property (`amount`) */}
    <omneo-redeem-button amout={10} />
    {/* @ts-expect-error: the balances have no `points` */}
    <omneo-points-balance onomneo-load={(e) => e.detail.data.points} />
    {/* @ts-expect-error: a function */}
    <omneo-provider tokenProvider="secret" />
  </>
);

/** An element's own events, from plain DOM code. */
export function listen(el: OmneoPointsBalance) {
  el.addEventListener('omneo-load', (e) => e.detail.data.point_balance.toFixed());
  el.addEventListener('omneo-error', (e) => e.detail.error.message);
  el.addEventListener('click', (e) => e.clientX);
  // @ts-expect-error: the balances have no `points`
  el.addEventListener('omneo-load', (e) => e.detail.data.points);
  document.querySelector('omneo-points-balance')?.addEventListener('omneo-load', (e) => e.detail.data.point_balance);
}
