/** Templates and ISOs: the values CloudStack takes and reports for them. */

/** Disk image formats registerTemplate takes (CloudStack's ImageFormat), and ISO's own. */
export const TEMPLATE_FORMATS = ['QCOW2', 'RAW', 'VHD', 'OVA'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];
export const ISO_FORMAT = 'ISO';

/** The hypervisors a template is registered for here (the Simulator today, KVM with the KVM issue). */
export const TEMPLATE_HYPERVISORS = ['KVM', 'Simulator'] as const;
export type TemplateHypervisor = (typeof TEMPLATE_HYPERVISORS)[number];

/** The formats each hypervisor runs (CloudStack's checks in TemplateAdapterBase). */
export const FORMATS_OF_HYPERVISOR: Readonly<Record<TemplateHypervisor, readonly TemplateFormat[]>> = {
  KVM: ['QCOW2', 'RAW'],
  Simulator: ['QCOW2', 'RAW', 'VHD', 'OVA'],
};

/** CloudStack's Storage.TemplateType as listTemplates reports it. */
export const TEMPLATE_TYPES = ['USER', 'BUILTIN', 'SYSTEM'] as const;

/** listTemplates' templatefilter and listIsos' isofilter (CloudStack's TemplateFilter). */
export const TEMPLATE_FILTERS = [
  'featured',
  'self',
  'selfexecutable',
  'sharedexecutable',
  'executable',
  'community',
  'all',
] as const;
export type TemplateFilter = (typeof TEMPLATE_FILTERS)[number];

/** A template's download on one image store (CloudStack's VMTemplateStorageResourceAssoc.Status). */
export const DOWNLOAD_STATES = ['NOT_DOWNLOADED', 'DOWNLOAD_IN_PROGRESS', 'DOWNLOADED', 'DOWNLOAD_ERROR'] as const;
export type DownloadState = (typeof DOWNLOAD_STATES)[number];

/** `zoneid` of registerTemplate / registerIso that registers in every zone. */
export const ALL_ZONES_ID = '-1';

/** The bits a template may say its OS has. */
export const TEMPLATE_BITS = [32, 64] as const;

/**
 * The `status` of a template in a zone as CloudStack's TemplateJoinDaoImpl writes it: "Download
 * Complete", "n% Downloaded" ("Installing Template" at 100%), the error, or "Not Downloaded".
 */
export function downloadStatusText(state: DownloadState, percent: number, error: string | null): string {
  switch (state) {
    case 'DOWNLOADED':
      return 'Download Complete';
    case 'DOWNLOAD_IN_PROGRESS':
      return percent >= 100 ? 'Installing Template' : `${percent}% Downloaded`;
    case 'DOWNLOAD_ERROR':
      return error ?? 'Download Failed';
    default:
      return error ?? 'Not Downloaded';
  }
}

/** The checksum algorithms CloudStack's DigestHelper accepts in "{ALGO}hex", with their hex lengths. */
export const CHECKSUM_ALGORITHMS: Readonly<Record<string, number>> = {
  MD5: 32,
  'SHA-1': 40,
  'SHA-224': 56,
  'SHA-256': 64,
  'SHA-384': 96,
  'SHA-512': 128,
};

/**
 * A checksum as CloudStack takes it: "{ALGO}hex" with one of its algorithms, or a bare hex that
 * is MD5 (32 digits). Returns the normalised text, or undefined when it is not one of them.
 */
export function parseChecksum(text: string): string | undefined {
  const value = text.trim();
  const braced = /^\{([A-Za-z0-9-]+)\}([0-9a-fA-F]+)$/.exec(value);
  if (braced) {
    const algorithm = braced[1]!.toUpperCase();
    const length = CHECKSUM_ALGORITHMS[algorithm];
    if (length === undefined || braced[2]!.length !== length) return undefined;
    return `{${algorithm}}${braced[2]!.toLowerCase()}`;
  }
  return /^[0-9a-fA-F]{32}$/.test(value) ? value.toLowerCase() : undefined;
}

/** The simulated size of a template or ISO the Simulator "downloads" (it reads no bytes). */
export const SIMULATED_TEMPLATE_BYTES = 2 * 1024 ** 3;
export const SIMULATED_ISO_BYTES = 512 * 1024 ** 2;
