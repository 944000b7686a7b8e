import { describe, expect, it } from 'vitest';
import { inspectQcow2, qcow2Refusal, QCOW2_MAGIC } from '../../src/domain/qcow2';

/**
 * The qcow2 header inspection on headers built byte by byte from the qcow2 specification (QEMU's
 * docs/interop/qcow2.txt; qemu-img is not on this machine): version 2 and 3 headers, a backing
 * file name, an external data file header extension, the external-data incompatible feature bit.
 */
function header(options: { version?: 2 | 3; backing?: string; dataFile?: string; externalBit?: boolean } = {}) {
  const version = options.version ?? 3;
  const headerLength = version === 3 ? 112 : 72;
  const bytes = new Uint8Array(4096);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, QCOW2_MAGIC);
  view.setUint32(4, version);
  view.setUint32(20, 16); // cluster_bits
  view.setBigUint64(24, 10n * 1024n ** 3n); // size
  if (version === 3) {
    view.setBigUint64(72, options.externalBit ? 1n << 2n : 0n); // incompatible features
    view.setUint32(96, 4); // refcount_order
    view.setUint32(100, headerLength);
  }
  let offset = headerLength;
  if (version === 3) {
    if (options.dataFile !== undefined) {
      const name = new TextEncoder().encode(options.dataFile);
      view.setUint32(offset, 0x44415441);
      view.setUint32(offset + 4, name.length);
      bytes.set(name, offset + 8);
      offset += 8 + Math.ceil(name.length / 8) * 8;
    }
    view.setUint32(offset, 0); // end of extensions
    view.setUint32(offset + 4, 0);
    offset += 8;
  }
  if (options.backing !== undefined) {
    const name = new TextEncoder().encode(options.backing);
    view.setBigUint64(8, BigInt(offset));
    view.setUint32(16, name.length);
    bytes.set(name, offset);
  }
  return bytes;
}

describe('qcow2 inspection', () => {
  it('accepts a self-contained image of version 2 and 3 and reads its size', () => {
    for (const version of [2, 3] as const) {
      const inspection = inspectQcow2(header({ version }));
      expect(inspection).toMatchObject({ kind: 'qcow2', version, virtualSize: 10n * 1024n ** 3n, externalData: false });
      expect(qcow2Refusal(inspection)).toBeUndefined();
    }
  });

  it('refuses an image with a backing file and names it', () => {
    for (const version of [2, 3] as const) {
      const inspection = inspectQcow2(header({ version, backing: '/etc/shadow' }));
      expect(inspection).toMatchObject({ kind: 'qcow2', backingFile: '/etc/shadow' });
      expect(qcow2Refusal(inspection)).toBe('backing-file');
    }
  });

  it('refuses an image with an external data file (header extension or feature bit)', () => {
    const withName = inspectQcow2(header({ dataFile: '/dev/sda', externalBit: true }));
    expect(withName).toMatchObject({ kind: 'qcow2', dataFile: '/dev/sda', externalData: true });
    expect(qcow2Refusal(withName)).toBe('data-file');
    expect(qcow2Refusal(inspectQcow2(header({ externalBit: true })))).toBe('data-file');
    expect(qcow2Refusal(inspectQcow2(header({ dataFile: 'raw.img' })))).toBe('data-file');
  });

  it('says when the bytes are not qcow2, and refuses a header cut short', () => {
    expect(inspectQcow2(new TextEncoder().encode('not an image at all'))).toEqual({ kind: 'not-qcow2' });
    expect(qcow2Refusal(inspectQcow2(new Uint8Array(0)))).toBeUndefined();
    const cut = header({ backing: 'base.qcow2' }).subarray(0, 100);
    expect(inspectQcow2(cut)).toEqual({ kind: 'truncated' });
    expect(qcow2Refusal(inspectQcow2(cut))).toBe('truncated');
  });
});
