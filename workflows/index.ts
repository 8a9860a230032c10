// Every workflow type the worker runs. Workflow code is deterministic: no Node, database or HTTP modules
// (eslint.config.mjs enforces it); side effects are activities, imported here as types only.
export { tenantHousekeeping } from './housekeeping/workflow';
export * as housekeepingMessages from './housekeeping/messages';
export { flowInstance } from './flow/workflow';
export * as flowMessages from './flow/messages';
// The modules' own workflow types (workflows/modules.ts, their list).
export * from './modules';
