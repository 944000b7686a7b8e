import type { ApiSession } from './api';

/** A global setting's current value. */
export async function readSetting(api: ApiSession, name: string): Promise<string> {
  const answer = await api.call('listConfigurations', { name });
  const entry = (answer.configuration as { name: string; value: string }[] | undefined)?.find((c) => c.name === name);
  if (!entry) throw new Error(`setting ${name} not found`);
  return entry.value;
}

/**
 * Puts back the values a spec read before changing them, from the spec's `finally`. Every one is
 * tried, so one refused value does not leave the others changed for the specs that follow. After
 * a body that passed, the first refusal fails the spec. After one that failed, a refusal is only
 * logged: thrown from `finally` it would replace the error that says why the spec failed.
 */
export async function restoreSettings(
  api: ApiSession,
  saved: Record<string, string>,
  outcome: { bodyPassed: boolean },
): Promise<void> {
  const refused: unknown[] = [];
  for (const [name, value] of Object.entries(saved)) {
    await api.call('updateConfiguration', { name, value }).catch((error: unknown) => refused.push(error));
  }
  if (refused.length === 0) return;
  if (outcome.bodyPassed) throw refused[0];
  for (const error of refused) console.error('Restoring a setting failed after the spec had failed:', error);
}
