/**
 * The guest OS catalogue the first start creates: CloudStack's guest OS categories and a few
 * dozen of its guest OS types under their CloudStack display names (listOsTypes' description).
 */
export const OS_CATEGORIES = [
  'CentOS',
  'Debian',
  'Oracle',
  'RedHat',
  'SUSE',
  'Windows',
  'Other',
  'Novel',
  'Unix',
  'Ubuntu',
  'None',
  'Rocky Linux',
  'AlmaLinux',
] as const;
export type OsCategory = (typeof OS_CATEGORIES)[number];

export const OS_TYPES: readonly { category: OsCategory; description: string }[] = [
  ...['5.6', '6.10', '7', '8'].flatMap((v) => [{ category: 'CentOS' as const, description: `CentOS ${v} (64-bit)` }]),
  { category: 'CentOS', description: 'CentOS 5.6 (32-bit)' },
  ...['9', '10', '11', '12'].map((v) => ({
    category: 'Debian' as const,
    description: `Debian GNU/Linux ${v} (64-bit)`,
  })),
  { category: 'Oracle', description: 'Oracle Linux 8' },
  { category: 'Oracle', description: 'Oracle Linux 9' },
  { category: 'RedHat', description: 'Red Hat Enterprise Linux 7.0' },
  { category: 'RedHat', description: 'Red Hat Enterprise Linux 8.0' },
  { category: 'RedHat', description: 'Red Hat Enterprise Linux 9.0' },
  { category: 'SUSE', description: 'SUSE Linux Enterprise Server 15 (64-bit)' },
  { category: 'Windows', description: 'Windows Server 2016 (64-bit)' },
  { category: 'Windows', description: 'Windows Server 2019 (64-bit)' },
  { category: 'Windows', description: 'Windows Server 2022 (64-bit)' },
  { category: 'Windows', description: 'Windows 10 (64-bit)' },
  { category: 'Windows', description: 'Windows 11 (64-bit)' },
  { category: 'Ubuntu', description: 'Ubuntu 18.04 LTS' },
  { category: 'Ubuntu', description: 'Ubuntu 20.04 LTS' },
  { category: 'Ubuntu', description: 'Ubuntu 22.04 LTS' },
  { category: 'Ubuntu', description: 'Ubuntu 24.04 LTS' },
  { category: 'Unix', description: 'FreeBSD 12 (64-bit)' },
  { category: 'Unix', description: 'FreeBSD 13 (64-bit)' },
  { category: 'Novel', description: 'Novell Netware 6.x' },
  { category: 'Rocky Linux', description: 'Rocky Linux 8' },
  { category: 'Rocky Linux', description: 'Rocky Linux 9' },
  { category: 'AlmaLinux', description: 'AlmaLinux 8' },
  { category: 'AlmaLinux', description: 'AlmaLinux 9' },
  { category: 'Other', description: 'Other Linux (32-bit)' },
  { category: 'Other', description: 'Other Linux (64-bit)' },
  { category: 'Other', description: 'Other (32-bit)' },
  { category: 'Other', description: 'Other (64-bit)' },
  { category: 'Other', description: 'Other PV (64-bit)' },
  { category: 'Other', description: 'Other PV Virtio-SCSI (64-bit)' },
];
