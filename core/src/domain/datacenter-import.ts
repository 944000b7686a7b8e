/**
 * The life of a datacenter import as its journal records it. Running and RollingBack hold while
 * a job works on the import; when that job ends without saying how (the server was killed), the
 * import is Interrupted and the operator resumes it or removes what it created.
 */
export const DATACENTER_IMPORT_STATES = [
  'Running',
  'Interrupted',
  'Completed',
  'Failed',
  'RollingBack',
  'RolledBack',
] as const;
export type DataCenterImportState = (typeof DATACENTER_IMPORT_STATES)[number];

/** States a job is working in: the import is Interrupted once that job is over. */
export const ACTIVE_IMPORT_STATES: readonly DataCenterImportState[] = ['Running', 'RollingBack'];

/** States from which an import may be resumed or removed (what it created is still there). */
export const UNFINISHED_IMPORT_STATES: readonly DataCenterImportState[] = ['Interrupted', 'Failed'];
