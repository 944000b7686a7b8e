/**
 * The core's one entry for the programs that embed it (the Electron main process): create a
 * core, then use the services it exposes. Everything else of core/src is internal; besides this
 * file, embedders import only core/src/contract (lint enforces both).
 */
export { createCore, type Core, type CoreOptions } from './core';
export type { ApiResponse } from './api/dispatcher';
export type { Caller } from './services/caller';
export type { LiveFeed, LiveSubscription, LiveWireMessage } from './services/live-feed';
export { LOCAL_OPERATOR_USERNAME, type LocalOperator } from './services/local-operator';
export { SecretBox } from './services/secrets';
