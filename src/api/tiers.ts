/**
 * How far a member is towards the next tier, as omneo-id-api.md defines it: `current_credit`
 * placed between `current_tier.value_min` and `next_tier.value_min`, clamped to 0..1; what is left
 * is `next_remain` when the API gives it, else `next_tier.value_min - current_credit`.
 */
import type { TierProgress } from './types.js';

export interface NextTierDistance {
  /** 0 to 1; `undefined` when the API gives too little to place the member. */
  fraction?: number;
  /** Still to earn, never below 0; `undefined` when it cannot be known. */
  remaining?: number;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `n` if it is finite: figures near the limits of a double overflow to Infinity, or NaN, when subtracted. */
const finite = (n: number) => (Number.isFinite(n) ? n : undefined);

export function distanceToNextTier(progress: TierProgress): NextTierDistance {
  const { current_tier: current, next_tier: next, current_credit: credit, next_remain: remain } = progress;
  if (!next) return {};
  const from = isNumber(current?.value_min) ? current.value_min : 0;
  const to = next.value_min;
  let remaining: number | undefined;
  if (isNumber(remain)) remaining = remain;
  else if (isNumber(to) && isNumber(credit)) remaining = finite(to - credit);
  let fraction: number | undefined;
  if (isNumber(to) && isNumber(credit) && to > from) fraction = finite((credit - from) / (to - from));
  else if (isNumber(to) && isNumber(remaining) && to > from) fraction = finite(1 - remaining / (to - from));
  return {
    fraction: fraction === undefined ? undefined : Math.min(1, Math.max(0, fraction)),
    remaining: remaining === undefined ? undefined : Math.max(0, remaining),
  };
}
