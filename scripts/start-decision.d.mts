// Types for start-decision.mjs (plain JS so that `npm start` needs no TypeScript loader).
export declare const FALLBACK_NOTICE: string;
export declare function findElectronBinary(
  requireFn: (id: string) => unknown,
  existsSync?: (path: string) => boolean,
): string | null;
export declare function hasDisplay(env: Record<string, string | undefined>, platform: string): boolean;
export type StartMode = { mode: 'electron'; binary: string } | { mode: 'browser'; reason: string };
export declare function chooseMode(input: {
  electronBinary: string | null;
  env: Record<string, string | undefined>;
  platform: string;
}): StartMode;
type FsApi = Pick<typeof import('node:fs'), 'statSync' | 'readdirSync'>;
export declare function newestMtime(target: string, fsApi?: FsApi): number;
export declare function needsBuild(build: { outputs: string[]; inputs: string[] }, fsApi?: FsApi): boolean;
export interface BuildStep {
  script: string;
  outputs: string[];
  inputs: string[];
}
export declare const BUILDS: { renderer: BuildStep; desktop: BuildStep };
export declare function exitCodeFor(
  code: number | null | undefined,
  signal: string | null | undefined,
  signals: Record<string, number>,
): number;
