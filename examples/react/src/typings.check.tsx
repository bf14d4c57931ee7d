/**
 * Not part of the app: proof that the generated typings check what a developer writes. `tsc
 * --noEmit` passes only if every line marked `@ts-expect-error` is an error (an unused one is an
 * error itself), so typings that stop checking fail the examples test.
 *
 * (TypeScript never reports an unknown JSX attribute whose name has a dash, so a misspelt
 * `onomneo-laod` cannot be caught; a known event's handler and detail are checked.)
 */
import type { OmneoErrorDetail, Redemption } from '@omneo/widgets';

export const right = (
  <omneo-provider base-url="/id/api/v1" token-url="/omneo/token" locale="en-AU" global>
    <omneo-points-balance kind="rewards" hide-when-zero onomneo-error={(e) => e.detail.error satisfies OmneoErrorDetail} />
    <omneo-rewards-list source="benefits" limit={5} include-expired expiring-days={7} redeemable />
    <omneo-redeem-button
      benefit-id="201"
      confirm
      onomneo-before-redeem={(e) => e.detail.benefitId?.toUpperCase()}
      onomneo-redeem={(e) => e.detail.redemption satisfies Redemption}
      onomneo-redeem-error={(e) => e.detail.error.message.length}
    />
  </omneo-provider>
);

export const wrong = (
  <>
    {/* @ts-expect-error: not a BalanceKind */}
    <omneo-points-balance kind="pointz" />
    {/* @ts-expect-error: a boolean attribute */}
    <omneo-points-balance hide-when-zero="yes" />
    {/* @ts-expect-error: `limit` is a number */}
    <omneo-rewards-list limit="3" />
    {/* @ts-expect-error: `source` is rewards, benefits or points */}
    <omneo-rewards-list source="pointz" />
    {/* @ts-expect-error: no such property (`amount`) */}
    <omneo-redeem-button amout={10} />
    {/* @ts-expect-error: the redeem event's detail has no `redemptoin` */}
    <omneo-redeem-button onomneo-redeem={(e) => e.detail.redemptoin} />
    {/* @ts-expect-error: omneo-load is a CustomEvent, not a KeyboardEvent */}
    <omneo-rewards-list onomneo-load={(e: KeyboardEvent) => e.key} />
    {/* @ts-expect-error: the provider's `tokenProvider` is a function */}
    <omneo-provider tokenProvider="secret" />
  </>
);
