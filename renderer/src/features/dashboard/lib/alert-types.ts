import type { MessageKey } from '../../../lib/i18n';

/**
 * CloudStack's alert type codes (AlertService.AlertType) with readable names (alerts.type.<code>).
 * The core's domain/infrastructure.ts ALERT_TYPES holds the same codes.
 */
export const ALERT_TYPE_CODES: readonly number[] = Array.from({ length: 30 }, (_, i) => i);

export function alertTypeKey(code: number | string | undefined): MessageKey | undefined {
  const n = Number(code);
  return Number.isInteger(n) && ALERT_TYPE_CODES.includes(n) ? (`alerts.type.${n}` as MessageKey) : undefined;
}
