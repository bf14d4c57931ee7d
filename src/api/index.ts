export { createOmneoClient, baseUrlOf } from './client.js';
export type { OmneoClient, OmneoClientOptions, Resource, ResourceState, ResourceValue } from './client.js';
export { OmneoError, type OmneoErrorKind } from './errors.js';
export type * from './types.js';
