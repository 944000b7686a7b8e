import {
  renderServerMessage,
  type ServerMessage,
  type ServerMessageKey,
  type ServerMessageParams,
} from '../contract/messages';

export {
  countsParam,
  renderServerMessage,
  SERVER_MESSAGES,
  type ServerMessage,
  type ServerMessageKey,
} from '../contract/messages';

/**
 * A message of the catalogue (contract/messages.ts) with its parameters, checked against the
 * template's placeholders at compile time and stored as text.
 */
export function message<K extends ServerMessageKey>(key: K, params: ServerMessageParams<K>): ServerMessage {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(params as Record<string, string | number>)) text[name] = String(value);
  return { key, params: text };
}

/** The English text of a message (what CloudStack's description and errortext fields carry). */
export function englishText(m: ServerMessage): string {
  return renderServerMessage(m);
}

/** A stored message's parameters (a JSON object of strings); anything else reads as none. */
export function storedParams(text: string | null): Record<string, string> {
  if (text === null) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}
