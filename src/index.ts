/** The npm entry: every element (registered on import), the client, the contexts and the types. */
export { OmneoProvider } from './components/provider/provider.js';
export { OmneoPointsBalance, type BalanceKind } from './components/points-balance/points-balance.js';
export { OmneoRewardsList } from './components/rewards-list/rewards-list.js';
export { OmneoRedeemButton } from './components/redeem-button/redeem-button.js';
export { OmneoTierProgress, type TierUnit } from './components/tier-progress/tier-progress.js';
export * from './api/index.js';
export { omneoContext, omneoSettingsContext, type OmneoSettings } from './context.js';
export * from './events.js';
export { registerStrings, en as englishStrings, type OmneoStrings } from './internal/strings.js';
