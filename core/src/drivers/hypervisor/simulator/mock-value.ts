/** What a configureSimulator mock does when it fires. */
export interface MockBehaviour {
  /** The operation fails (a failing PingCommand means the host stops answering). */
  fail: boolean;
  /** Delay before the operation answers (or fails), in milliseconds. */
  waitMs: number;
}

/** Longest delay a mock may add: ten minutes. */
export const MAX_MOCK_WAIT_MS = 600_000;

/**
 * Parses configureSimulator's value: 'result:fail', 'wait:<ms>', or both separated by ',' or ';'
 * ('result:fail,wait:500'). 'result:success' (or 'result:pass') is accepted and means no failure.
 * Throws an Error whose message is safe to show for anything else.
 */
export function parseMockValue(value: string): MockBehaviour {
  const tokens = value
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  if (tokens.length === 0) throw new Error("Empty mock value: use 'result:fail' and/or 'wait:<ms>'");
  let fail: boolean | undefined;
  let waitMs: number | undefined;
  for (const token of tokens) {
    const sep = token.indexOf(':');
    const key = (sep < 0 ? token : token.slice(0, sep)).trim().toLowerCase();
    const arg = sep < 0 ? '' : token.slice(sep + 1).trim();
    if (key === 'result') {
      if (fail !== undefined) throw new Error(`Mock value "${value}" gives result twice`);
      const r = arg.toLowerCase();
      if (r === 'fail' || r === 'failure' || r === 'false') fail = true;
      else if (r === 'success' || r === 'pass' || r === 'true') fail = false;
      else throw new Error(`Invalid result "${arg}" in mock value: use result:fail`);
    } else if (key === 'wait') {
      if (waitMs !== undefined) throw new Error(`Mock value "${value}" gives wait twice`);
      const ms = Number(arg);
      if (!/^\d+$/.test(arg) || !Number.isSafeInteger(ms) || ms > MAX_MOCK_WAIT_MS) {
        throw new Error(`Invalid wait "${arg}" in mock value: use wait:<milliseconds> up to ${MAX_MOCK_WAIT_MS}`);
      }
      waitMs = ms;
    } else {
      throw new Error(`Invalid mock value "${value}": use 'result:fail' and/or 'wait:<ms>'`);
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
