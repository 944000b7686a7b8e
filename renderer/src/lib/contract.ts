/**
 * The renderer's view of the core's contract module (core/src/contract): the typed API (every
 * command's parameters and response, generated from the core's declarations), state names and
 * tones, IPv4 arithmetic and the live message types. The renderer imports nothing else of core.
 */
export * from '../../../core/src/contract/api';
export * from '../../../core/src/contract/states';
export { wireParams } from '../../../core/src/contract/wire';
export type { LiveMessage, ResourceChange } from '../../../core/src/contract/live';
export * from '../../../core/src/contract/health';
export { SETTING_DESCRIPTIONS, type SettingName } from '../../../core/src/contract/settings.generated';
export * from '../../../core/src/contract/messages';
