import { englishText, message, type ServerMessage } from '../../../domain/messages';

/** What a configureSimulator mock does when it fires. */
export interface MockBehaviour {
  /** The operation fails (a failing PingCommand means the host stops answering). */
  fail: boolean;
  /** Delay before the operation answers (or fails), in milliseconds. */
  waitMs: number;
}

/** Longest delay a mock may add: ten minutes. */
export const MAX_MOCK_WAIT_MS = 600_000;

/** A mock value configureSimulator cannot take, said by a catalogue message (safe to show). */
export class MockValueError extends Error {
  constructor(readonly translatable: ServerMessage) {
    super(englishText(translatable));
    this.name = 'MockValueError';
  }
}

const refuse = (m: ServerMessage) => new MockValueError(m);

/**
 * Parses configureSimulator's value: 'result:fail', 'wait:<ms>', or both separated by ',' or ';'
 * ('result:fail,wait:500'). 'result:success' (or 'result:pass') is accepted and means no failure.
 * Throws a MockValueError for anything else.
 */
export function parseMockValue(value: string): MockBehaviour {
  const tokens = value
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  if (tokens.length === 0) throw refuse(message('error.simulatorMock.emptyValue', {}));
  let fail: boolean | undefined;
  let waitMs: number | undefined;
  for (const token of tokens) {
    const sep = token.indexOf(':');
    const key = (sep < 0 ? token : token.slice(0, sep)).trim().toLowerCase();
    const arg = sep < 0 ? '' : token.slice(sep + 1).trim();
    if (key === 'result') {
      if (fail !== undefined) throw refuse(message('error.simulatorMock.resultTwice', { value }));
      const r = arg.toLowerCase();
      if (r === 'fail' || r === 'failure' || r === 'false') fail = true;
      else if (r === 'success' || r === 'pass' || r === 'true') fail = false;
      else throw refuse(message('error.simulatorMock.badResult', { result: arg }));
    } else if (key === 'wait') {
      if (waitMs !== undefined) throw refuse(message('error.simulatorMock.waitTwice', { value }));
      const ms = Number(arg);
      if (!/^\d+$/.test(arg) || !Number.isSafeInteger(ms) || ms > MAX_MOCK_WAIT_MS) {
        throw refuse(message('error.simulatorMock.badWait', { wait: arg, max: MAX_MOCK_WAIT_MS }));
      }
      waitMs = ms;
    } else {
      throw refuse(message('error.simulatorMock.badValue', { value }));
    }
  }
  return { fail: fail ?? false, waitMs: waitMs ?? 0 };
}

/** The canonical text of a behaviour, as stored and listed. */
export function formatMockValue(b: MockBehaviour): string {
  const parts: string[] = [];
  if (b.fail) parts.push('result:fail');
  if (b.waitMs > 0) parts.push(`wait:${b.waitMs}`);
  return parts.length > 0 ? parts.join(',') : 'result:success';
}
