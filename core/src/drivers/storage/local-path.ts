import fs from 'node:fs/promises';

/** Size and use of the file system holding a local directory, from statfs(2). */
export interface LocalPathUsage {
  totalBytes: number;
  usedBytes: number;
}

/** A local path that cannot serve as storage; the message is safe to show. */
export class LocalPathError extends Error {
  constructor(message: string) {
    super(message);
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
    throw new LocalPathError(`The path ${path} does not exist on the management server`);
  }
  if (!stat.isDirectory()) throw new LocalPathError(`The path ${path} is not a directory`);
  const s = await fs.statfs(path);
  const totalBytes = s.blocks * s.bsize;
  const usedBytes = Math.max(0, (s.blocks - s.bfree) * s.bsize);
  return { totalBytes, usedBytes };
}
