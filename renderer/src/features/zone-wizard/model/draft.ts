/**
 * The zone wizard's draft: everything the operator enters, as plain data (it lives in a Zustand
 * store and survives navigating away and back). List items carry a stable `uid` so the plan's call
 * keys do not shift when an item before them is removed.
 */

export type NetworkType = 'Advanced' | 'Basic';
export type TrafficTypeName = 'Guest' | 'Management' | 'Public';
export type Hypervisor = 'Simulator' | 'KVM';
export type PoolScope = 'cluster' | 'zone';

export const HYPERVISOR_OPTIONS: readonly Hypervisor[] = ['Simulator', 'KVM'];

/** Network labels per hypervisor of one traffic type (CloudStack's <hypervisor>networklabel). */
export interface TrafficLabels {
  kvm: string;
  vmware: string;
  xen: string;
}

export interface TrafficAssignment extends TrafficLabels {
  /** uid of the physical network carrying this traffic. */
  network: string;
}

export interface PhysicalNetworkDraft {
  uid: string;
  name: string;
  /** Guest VLAN range ("100-199,300"); advanced zones, on the network carrying Guest traffic. */
  vlan: string;
  tags: string;
}

export interface IpRangeDraft {
  uid: string;
  gateway: string;
  netmask: string;
  /** "50", "vlan://50" or empty for untagged (public ranges only). */
  vlan: string;
  startip: string;
  endip: string;
}

export interface HostDraft {
  uid: string;
  url: string;
  username: string;
  password: string;
  tags: string;
}

export interface PrimaryStorageDraft {
  uid: string;
  name: string;
  scope: PoolScope;
  url: string;
  tags: string;
}

export interface SecondaryStorageDraft {
  uid: string;
  name: string;
  url: string;
}

export interface ZoneDraft {
  networktype: NetworkType;
  zone: {
    name: string;
    dns1: string;
    dns2: string;
    internaldns1: string;
    internaldns2: string;
    guestcidraddress: string;
    networkdomain: string;
    /** Dedicated to this domain (its id); empty for a public zone. */
    domainid: string;
    /** Basic zones: isolate guests with security groups. */
    securitygroupenabled: boolean;
  };
  physicalNetworks: PhysicalNetworkDraft[];
  traffic: Record<TrafficTypeName, TrafficAssignment>;
  pod: { name: string; gateway: string; netmask: string; startip: string; endip: string };
  /** Advanced zones: public IP ranges. */
  publicRanges: IpRangeDraft[];
  /** Basic zones: the pod's guest IP range. */
  guestRange: IpRangeDraft;
  cluster: { name: string; hypervisor: Hypervisor };
  hosts: HostDraft[];
  primaryStorages: PrimaryStorageDraft[];
  secondaryStorages: SecondaryStorageDraft[];
}

/** Traffic types a zone of this type needs, in CloudStack's order. */
export function trafficTypesFor(type: NetworkType): TrafficTypeName[] {
  return type === 'Advanced' ? ['Management', 'Public', 'Guest'] : ['Management', 'Guest'];
}

let counter = 0;
/** A short unique id for list items (not a resource id). */
export function newUid(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36).slice(-4)}${counter.toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

const emptyLabels = (network: string): TrafficAssignment => ({ network, kvm: '', vmware: '', xen: '' });

export function emptyRange(prefix = 'r'): IpRangeDraft {
  return { uid: newUid(prefix), gateway: '', netmask: '', vlan: '', startip: '', endip: '' };
}

export function emptyHost(): HostDraft {
  return { uid: newUid('h'), url: '', username: 'root', password: '', tags: '' };
}

export function emptyPrimaryStorage(): PrimaryStorageDraft {
  return { uid: newUid('p'), name: '', scope: 'cluster', url: '', tags: '' };
}

export function emptySecondaryStorage(): SecondaryStorageDraft {
  return { uid: newUid('s'), name: '', url: '' };
}

export function emptyPhysicalNetwork(index: number): PhysicalNetworkDraft {
  return { uid: newUid('n'), name: `Physical Network ${index}`, vlan: '', tags: '' };
}

/** A fresh draft: structure filled in (one physical network carrying everything), values empty. */
export function emptyDraft(networktype: NetworkType = 'Advanced'): ZoneDraft {
  const network = emptyPhysicalNetwork(1);
  return {
    networktype,
    zone: {
      name: '',
      dns1: '',
      dns2: '',
      internaldns1: '',
      internaldns2: '',
      guestcidraddress: '',
      networkdomain: '',
      domainid: '',
      securitygroupenabled: true,
    },
    physicalNetworks: [network],
    traffic: {
      Management: emptyLabels(network.uid),
      Public: emptyLabels(network.uid),
      Guest: emptyLabels(network.uid),
    },
    pod: { name: '', gateway: '', netmask: '', startip: '', endip: '' },
    publicRanges: [emptyRange()],
    guestRange: emptyRange('g'),
    cluster: { name: '', hypervisor: 'Simulator' },
    hosts: [emptyHost()],
    primaryStorages: [emptyPrimaryStorage()],
    secondaryStorages: [emptySecondaryStorage()],
  };
}

export type PresetName = 'lab';

/**
 * "Lab cloud (Simulator)": an advanced zone with one pod, one Simulator cluster of two hosts, NFS
 * primary and secondary storage. Nothing is contacted: Simulator hosts and nfs:// URLs stay
 * on paper. `slug` keeps host and storage URLs unique per lab.
 */
export function labPreset(slug: string, zoneName = 'Lab'): ZoneDraft {
  const draft = emptyDraft('Advanced');
  const network = draft.physicalNetworks[0]!;
  network.name = 'Lab physical network';
  network.vlan = '100-199';
  return {
    ...draft,
    zone: {
      ...draft.zone,
      name: zoneName,
      dns1: '8.8.8.8',
      dns2: '8.8.4.4',
      internaldns1: '172.16.15.1',
      internaldns2: '',
      guestcidraddress: '10.1.1.0/24',
      networkdomain: 'lab.local',
    },
    pod: {
      name: 'Lab pod',
      gateway: '172.16.15.1',
      netmask: '255.255.255.0',
      startip: '172.16.15.10',
      endip: '172.16.15.99',
    },
    publicRanges: [
      {
        uid: newUid('r'),
        gateway: '192.168.100.1',
        netmask: '255.255.255.0',
        vlan: '50',
        startip: '192.168.100.10',
        endip: '192.168.100.99',
      },
    ],
    guestRange: {
      uid: newUid('g'),
      gateway: '10.1.1.1',
      netmask: '255.255.255.0',
      vlan: '',
      startip: '10.1.1.10',
      endip: '10.1.1.200',
    },
    cluster: { name: 'Lab cluster', hypervisor: 'Simulator' },
    hosts: [0, 1].map((i) => ({
      uid: newUid('h'),
      url: `http://sim/${slug}/h${i}`,
      username: 'root',
      password: 'password',
      tags: '',
    })),
    primaryStorages: [
      {
        uid: newUid('p'),
        name: 'Lab primary',
        scope: 'cluster',
        url: `nfs://10.0.0.1/export/${slug}/primary`,
        tags: '',
      },
    ],
    secondaryStorages: [{ uid: newUid('s'), name: 'Lab secondary', url: `nfs://10.0.0.1/export/${slug}/secondary` }],
  };
}

/** Wizard steps, in order; `ranges` is "Public IP ranges" (advanced) or "Guest IP range" (basic). */
export const STEP_IDS = [
  'type',
  'zone',
  'network',
  'pod',
  'ranges',
  'cluster',
  'host',
  'primary',
  'secondary',
  'review',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The step that owns a field path ("zone.dns1", "host.<uid>.url", ...). */
export function stepOfField(path: string): StepId {
  const head = path.split('.')[0] ?? '';
  switch (head) {
    case 'networktype':
      return 'type';
    case 'zone':
      return 'zone';
    case 'network':
    case 'traffic':
      return 'network';
    case 'pod':
      return 'pod';
    case 'publicRange':
    case 'guestRange':
      return 'ranges';
    case 'cluster':
      return 'cluster';
    case 'host':
      return 'host';
    case 'primary':
      return 'primary';
    case 'secondary':
      return 'secondary';
    default:
      return 'review';
  }
}
