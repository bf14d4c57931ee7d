/**
 * The redeem rules, in one place: what can be sent, whether the balance covers it, and what a
 * failure means for the shopper's money. The client and `<omneo-redeem-button>` both ask here.
 */
import { OmneoError, isOmneoError } from './errors.js';
import type { Balances, RedeemRequest } from './types.js';

/**
 * The one redeem that `amount` and `benefitId` describe, or `undefined` when they do not describe
 * exactly one: an amount above 0 in whole cents, or a benefit id without an amount.
 */
export function redeemRequestOf({
  amount,
  benefitId,
}: {
  amount?: number | null;
  benefitId?: string | null;
}): RedeemRequest | undefined {
  if (benefitId) return amount == null ? { benefitId: String(benefitId) } : undefined;
  // Sent as the cents it is: 0.1 + 0.2 goes out as 0.3.
  if (typeof amount === 'number' && amount > 0 && inWholeCents(amount)) return { amount: toCents(amount) / 100 };
  return undefined;
}

const toCents = (dollars: number) => Math.round(dollars * 100);

/**
 * Whether `dollars` is a whole number of cents (10.5 is, 10.005 is not, nor is Infinity). A double
 * is close enough: 0.1 + 0.2 is 30 cents.
 */
const inWholeCents = (dollars: number) => Math.abs(dollars * 100 - toCents(dollars)) < 1e-6;

/** The same request, or an `invalid-request` error (nothing is sent) when it is not one redeem. */
export function checkRedeemRequest(request: RedeemRequest): RedeemRequest {
  const valid = redeemRequestOf(request);
  if (!valid) throw new OmneoError('invalid-request', 'Choose an amount above 0, in whole cents, or one benefit to redeem.');
  return valid;
}

/**
 * Whether the shopper's balances cannot pay for `request` (a benefit is never paid from them).
 * Compared in cents: a balance of 0.7999999999999999 (0.7 + 0.1 in a double) pays for 0.80.
 */
export function exceedsBalance(request: RedeemRequest, balances: Balances): boolean {
  return request.amount !== undefined && toCents(request.amount) > toCents(balances.combined_balance_dollars);
}

/**
 * Whether balances that could not be loaded stop `request`. An amount must be checked against them.
 * A benefit is not paid from them: only a fault that would stop its redeem as well (no provider, a
 * refused sign-in) does.
 */
export function blockedByBalancesError(request: RedeemRequest, error?: OmneoError): boolean {
  return request.amount !== undefined || error?.kind === 'config' || error?.kind === 'auth';
}

/**
 * What a failed redeem means:
 * - `refused`: the API said no (a 4xx, or nobody signed in), or it was never sent (no token): nothing was redeemed;
 * - `unknown`: no answer, an answer that says nothing, or a 5xx: it may have been redeemed.
 */
export type RedeemFailure = 'refused' | 'unknown';

export function redeemFailureOf(error: unknown): RedeemFailure {
  if (!isOmneoError(error)) return 'unknown';
  switch (error.kind) {
    case 'network':
    case 'invalid-response':
      return 'unknown';
    case 'http':
      return error.status !== undefined && error.status < 500 ? 'refused' : 'unknown';
    default:
      // auth, signed-out, config, invalid-request, token: nothing was sent, or it was refused.
      return 'refused';
  }
}
