import { describe, expect, it } from 'vitest';
import { acceptsJson, FormFormatScanner, rawRequestHead, targetFormat } from './response-format';

function scan(chunks: string[]) {
  const scanner = new FormFormatScanner();
  for (const c of chunks) scanner.push(Buffer.from(c, 'latin1'));
  return scanner.result();
}

describe('response format', () => {
  it('finds the first response parameter of a form body across any chunk boundary', () => {
    const body = `command=login&username=${'x'.repeat(100)}&Response=JSON&response=xml`;
    for (let cut = 0; cut <= body.length; cut += 1) {
      expect(scan([body.slice(0, cut), body.slice(cut)]), `cut at ${cut}`).toEqual({ json: true });
    }
    expect(scan([...body].map((c) => c))).toEqual({ json: true });
    expect(scan(['response=xml&response=json'])).toEqual({ json: false });
    expect(scan(['command=login&response=json'])).toEqual({ json: true });
    expect(scan(['command=login&responses=json&xresponse=json'])).toBeUndefined();
    expect(scan([`response=${'j'.repeat(100)}&response=json`])).toEqual({ json: false });
    expect(scan([''])).toBeUndefined();
  });

  it('reads the format of a request target and the head of a raw request', () => {
    expect(targetFormat('/client/api?command=x&response=json')).toEqual({ json: true });
    expect(targetFormat('/client/api?response=xml')).toEqual({ json: false });
    expect(targetFormat('/client/api?command=x')).toBeUndefined();
    expect(targetFormat('/client/api')).toBeUndefined();
    expect(
      rawRequestHead(Buffer.from('GET /client/api?response=json HTTP/1.1\r\nAccept: application/json\r\n')),
    ).toEqual({ target: '/client/api?response=json', accept: 'application/json' });
    expect(rawRequestHead(Buffer.from('ZZZ\r\n\r\n'))).toEqual({ target: undefined, accept: undefined });
    expect(acceptsJson('application/json')).toBe(true);
    expect(acceptsJson('text/xml, application/json')).toBe(false);
    expect(acceptsJson(undefined)).toBe(false);
  });
});
