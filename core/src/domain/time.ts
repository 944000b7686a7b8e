/** CloudStack's date format: 2026-11-22T10:00:00+0000 */
export function toCloudStackDate(value: Date | string): string;
export function toCloudStackDate(value: Date | string | null | undefined): string | undefined;
export function toCloudStackDate(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export function nowIso(): string {
  return new Date().toISOString();
}
