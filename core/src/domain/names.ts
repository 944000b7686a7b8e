import { invalidParameter } from './errors';
import { message, type ServerMessage } from './messages';

/**
 * The one rule for the name of every named resource (zones, pods, clusters, hosts, storage pools,
 * image stores, physical networks, domains, accounts, users, roles): not blank, at most
 * NAME_MAX_LENGTH characters, no control characters (C0, DEL, C1, line and paragraph separators)
 * and no bidirectional embedding, override or isolate characters, which can make a name read
 * differently from what it is (U+202A-U+202E, U+2066-U+2069, the "Trojan Source" set). The
 * right-to-left and left-to-right marks (U+200E, U+200F, U+061C) stay allowed: they do not
 * reorder strong characters and right-to-left text legitimately carries them.
 */
export const NAME_MAX_LENGTH = 255;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The ways a name can break the rule, one catalogue message each (error.name.*). */
export type NameProblem = 'blank' | 'tooLong' | 'controlCharacters' | 'bidiCharacters' | 'invalidUnicode';

/** Why a name breaks the rule, or undefined when it is fine. */
export function nameProblem(value: string, max = NAME_MAX_LENGTH): NameProblem | undefined {
  if (value.trim().length === 0) return 'blank';
  if (value.length > max) return 'tooLong';
  if (CONTROL.test(value)) return 'controlCharacters';
  if (BIDI_CONTROL.test(value)) return 'bidiCharacters';
  if (LONE_SURROGATE.test(value)) return 'invalidUnicode';
  return undefined;
}

const PROBLEM_MESSAGES = {
  blank: 'error.name.blank',
  controlCharacters: 'error.name.controlCharacters',
  bidiCharacters: 'error.name.bidiCharacters',
  invalidUnicode: 'error.name.invalidUnicode',
} as const satisfies Record<Exclude<NameProblem, 'tooLong'>, string>;

/** "<field> cannot be empty or blank" and the like: what is wrong with the name of `field`. */
export function nameMessage(problem: NameProblem, field: string, max = NAME_MAX_LENGTH): ServerMessage {
  return problem === 'tooLong'
    ? message('error.name.tooLong', { field, max })
    : message(PROBLEM_MESSAGES[problem], { field });
}

/** Returns the name when it follows the rule; otherwise a 431 naming the field and the reason. */
export function checkName(value: string, field: string, max = NAME_MAX_LENGTH): string {
  const problem = nameProblem(value, max);
  if (problem !== undefined) throw invalidParameter('NAME.INVALID', nameMessage(problem, field, max));
  return value;
}
