/**
 * What the header of a qcow2 image says about files outside it (the QEMU qcow2 specification,
 * docs/interop/qcow2.txt): a backing file (header bytes 8-19) or an external data file (header
 * extension 0x44415441, incompatible feature bit 2). CloudStack had CVEs for images that pointed
 * at host files this way (a guest could read them), so an image that references any is refused.
 * Pure: the caller reads the first bytes of the file (64 KiB is plenty for any header).
 */

export const QCOW2_MAGIC = 0x514649fb; // "QFI\xfb"
const EXT_END = 0;
const EXT_DATA_FILE = 0x44415441;
const INCOMPATIBLE_EXTERNAL_DATA = 1n << 2n;

export type Qcow2Inspection =
  | { kind: 'not-qcow2' }
  | { kind: 'truncated' }
  | {
      kind: 'qcow2';
      version: number;
      virtualSize: bigint;
      backingFile?: string;
      dataFile?: string;
      externalData: boolean;
    };

/** Reads the header; `truncated` when the bytes end before what the header says is there. */
export function inspectQcow2(bytes: Uint8Array): Qcow2Inspection {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 4 || view.getUint32(0) !== QCOW2_MAGIC) return { kind: 'not-qcow2' };
  if (bytes.byteLength < 72) return { kind: 'truncated' };
  const version = view.getUint32(4);
  const backingOffset = view.getBigUint64(8);
  const backingSize = view.getUint32(16);
  const virtualSize = view.getBigUint64(24);
  let backingFile: string | undefined;
  if (backingOffset !== 0n && backingSize > 0) {
    const start = Number(backingOffset);
    if (start + backingSize > bytes.byteLength) return { kind: 'truncated' };
    backingFile = new TextDecoder().decode(bytes.subarray(start, start + backingSize));
  }
  let externalData = false;
  let dataFile: string | undefined;
  if (version >= 3) {
    if (bytes.byteLength < 104) return { kind: 'truncated' };
    externalData = (view.getBigUint64(72) & INCOMPATIBLE_EXTERNAL_DATA) !== 0n;
    const headerLength = view.getUint32(100);
    let offset = headerLength;
    for (;;) {
      if (offset + 8 > bytes.byteLength) return { kind: 'truncated' };
      const type = view.getUint32(offset);
      const length = view.getUint32(offset + 4);
      if (type === EXT_END) break;
      if (offset + 8 + length > bytes.byteLength) return { kind: 'truncated' };
      if (type === EXT_DATA_FILE) dataFile = new TextDecoder().decode(bytes.subarray(offset + 8, offset + 8 + length));
      offset += 8 + Math.ceil(length / 8) * 8;
    }
  }
  return {
    kind: 'qcow2',
    version,
    virtualSize,
    ...(backingFile !== undefined ? { backingFile } : {}),
    ...(dataFile !== undefined ? { dataFile } : {}),
    externalData,
  };
}

/** Why an image may not be used, or undefined when it is safe to use as a self-contained qcow2. */
export function qcow2Refusal(inspection: Qcow2Inspection): 'backing-file' | 'data-file' | 'truncated' | undefined {
  if (inspection.kind === 'truncated') return 'truncated';
  if (inspection.kind !== 'qcow2') return undefined;
  if (inspection.backingFile !== undefined) return 'backing-file';
  if (inspection.externalData || inspection.dataFile !== undefined) return 'data-file';
  return undefined;
}
