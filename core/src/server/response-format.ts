/**
 * Which format a request asked its answer in (CloudStack's `response=json`; XML otherwise), found
 * where the HTTP layer answers before the parameters are parsed: a body over the limit, a request
 * line or headers too large, a request Node cannot parse.
 */

/** The value of the first `response` parameter of a query or form text, if it has one. */
function responseParam(text: string): string | undefined {
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq !== 8 || part.slice(0, 8).toLowerCase() !== 'response') continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether a request target (`/client/api?...`) names a response format; json: whether it is JSON. */
export function targetFormat(target: string): { json: boolean } | undefined {
  const q = target.indexOf('?');
  if (q < 0) return undefined;
  const value = responseParam(target.slice(q + 1).split('#')[0] ?? '');
  return value === undefined ? undefined : { json: value.toLowerCase() === 'json' };
}

/** Whether an Accept header prefers JSON: the fallback when the request names no format. */
export const acceptsJson = (accept: string | undefined): boolean =>
  accept !== undefined && /application\/json/i.test(accept) && !/xml/i.test(accept);

/** The request target and Accept header of the first bytes of a raw request, as far as they arrived. */
export function rawRequestHead(raw: Buffer): { target?: string; accept?: string } {
  const text = raw.subarray(0, 64 * 1024).toString('latin1');
  const line = /^[A-Z]+ (\S+)/.exec(text);
  const accept = /\r\naccept:[ \t]*([^\r\n]*)/i.exec(text);
  return { target: line?.[1], accept: accept?.[1] };
}

/**
 * Finds the first `response` parameter of a form body as it streams past, without keeping the
 * body: only the start of the parameter being read is held, across chunk boundaries.
 */
export class FormFormatScanner {
  private head = '';
  private headComplete = false;
  private found: string | undefined;

  push(chunk: Buffer): void {
    let start = 0;
    while (this.found === undefined && start <= chunk.length) {
      const amp = chunk.indexOf(0x26, start);
      const end = amp < 0 ? chunk.length : amp;
      this.take(chunk.subarray(start, end));
      if (amp < 0) return;
      this.endParam();
      start = amp + 1;
    }
  }

  /** Whether the body named a format; json: whether it is JSON. Call after the last chunk. */
  result(): { json: boolean } | undefined {
    this.endParam();
    return this.found === undefined ? undefined : { json: this.found.toLowerCase() === 'json' };
  }

  // "response=" and a value as long as any format name; longer values are no format.
  private take(part: Buffer): void {
    if (this.headComplete) return;
    this.head += part.subarray(0, 32 - this.head.length).toString('latin1');
    if (this.head.length >= 32) this.headComplete = true;
  }

  private endParam(): void {
    if (this.found === undefined) {
      const long = this.headComplete && this.head.toLowerCase().startsWith('response=');
      this.found = long ? this.head.slice(9) : responseParam(this.head);
    }
    this.head = '';
    this.headComplete = false;
  }
}
