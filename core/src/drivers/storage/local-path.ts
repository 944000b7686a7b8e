import fs from 'node:fs/promises';
import { englishText, message, type ServerMessage } from '../../domain/messages';

/** Size and use of the file system holding a local directory, from statfs(2). */
export interface LocalPathUsage {
  totalBytes: number;
  usedBytes: number;
}

/** A local path that cannot serve as storage, said by a catalogue message (safe to show). */
export class LocalPathError extends Error {
  constructor(readonly translatable: ServerMessage) {
    super(englishText(translatable));
    this.name = 'LocalPathError';
  }
}

/**
 * Reports the real capacity of the file system under an existing local directory (a lab image
 * store or a Filesystem pool on this machine). Throws LocalPathError when the path is missing or
 * not a directory.
 */
export async function probeLocalPath(path: string): Promise<LocalPathUsage> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new LocalPathError(message('error.localPath.missing', { path }));
  }
  if (!stat.isDirectory()) throw new LocalPathError(message('error.localPath.notDirectory', { path }));
  const s = await fs.statfs(path);
  const totalBytes = s.blocks * s.bsize;
  const usedBytes = Math.max(0, (s.blocks - s.bfree) * s.bsize);
  return { totalBytes, usedBytes };
}
