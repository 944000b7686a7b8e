import type { ApiSession } from './api';

/** A global setting's current value. */
export async function readSetting(api: ApiSession, name: string): Promise<string> {
  const answer = await api.call('listConfigurations', { name });
  const entry = (answer.configuration as { name: string; value: string }[] | undefined)?.find((c) => c.name === name);
  if (!entry) throw new Error(`setting ${name} not found`);
  return entry.value;
}

/**
 * Puts back the values a spec read before changing them. Every one is tried, so one refused
 * value does not leave the others changed for the specs that follow; the first refusal is thrown.
 */
export async function restoreSettings(api: ApiSession, saved: Record<string, string>): Promise<void> {
  let first: unknown;
  for (const [name, value] of Object.entries(saved)) {
    await api.call('updateConfiguration', { name, value }).catch((error: unknown) => (first ??= error));
  }
  if (first) throw first;
}
