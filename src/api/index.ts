export { createOmneoClient, baseUrlOf } from './client.js';
export type { OmneoClient, OmneoClientOptions, Resource, ResourceState, ResourceValue } from './client.js';
export { OmneoError, type OmneoErrorKind } from './errors.js';
export type * from './types.js';
export { redeemRequestOf, exceedsBalance, redeemFailureOf, type RedeemFailure } from './redeem.js';
export { distanceToNextTier, type NextTierDistance } from './tiers.js';
