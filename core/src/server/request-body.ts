import type { IncomingMessage } from 'node:http';
import { FormFormatScanner } from './response-format';

/** A body over the limit; `format` is the response format the body asked for, if it said. */
export class BodyTooLarge extends Error {
  constructor(readonly format: { json: boolean } | undefined) {
    super('request body too large');
  }
}

/**
 * Reads a request body of at most `limit` bytes. Past the limit the rest is read without being
 * kept, only to find the format the error should be answered in, up to as much again; a body that
 * declares more than that is refused at once.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > 2 * limit) return Promise.reject(new BodyTooLarge(undefined));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const scanner = new FormFormatScanner();
    let size = 0;
    let done = false;
    const tooLarge = () => {
      done = true;
      reject(new BodyTooLarge(scanner.result()));
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      if (chunks.length > 0) {
        for (const kept of chunks) scanner.push(kept);
        chunks.length = 0;
      }
      scanner.push(chunk);
      if (size > 2 * limit) tooLarge();
    });
    req.on('end', () => {
      if (done) return;
      if (size > limit) tooLarge();
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (done) return;
      done = true;
      reject(e);
    });
  });
}
