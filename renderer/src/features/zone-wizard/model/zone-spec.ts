import {
  parseVlanTag,
  splitTags,
  type IpRangeSpec,
  type PhysicalNetworkSpec,
  type PodSpec,
  type PrimaryStorageSpec,
  type ZoneSpec,
} from '../../../../../core/src/contract/zone-plan';
import { trafficTypesFor, type IpRangeDraft, type PrimaryStorageDraft, type ZoneDraft } from './draft';

/**
 * The draft as the core's zone planner takes it (core/src/contract/zone-plan). Each item's key
 * is its draft path ("host.<uid>"), so a call's part says which fields it sends, and the ids the
 * calls produce are kept under those paths.
 */

export const KEY = {
  zone: 'zone',
  network: (uid: string) => `network.${uid}`,
  traffic: (type: string) => `traffic.${type}`,
  provider: (uid: string, name: string) => `network.${uid}.provider.${name}`,
  pod: 'pod',
  publicRange: (uid: string) => `publicRange.${uid}`,
  guestRange: 'guestRange',
  cluster: 'cluster',
  host: (uid: string) => `host.${uid}`,
  primary: (uid: string) => `primary.${uid}`,
  secondary: (uid: string) => `secondary.${uid}`,
} as const;

/** Trimmed text, or undefined when empty. */
function opt(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The physical networks the zone gets: a basic zone has one, carrying all its traffic. */
function networksOf(draft: ZoneDraft): PhysicalNetworkSpec[] {
  const advanced = draft.networktype === 'Advanced';
  const networks = advanced ? draft.physicalNetworks : draft.physicalNetworks.slice(0, 1);
  const types = trafficTypesFor(draft.networktype);
  return networks.map((n) => {
    const carried = types.filter((t) => !advanced || draft.traffic[t].network === n.uid);
    const providers: PhysicalNetworkSpec['providers'] = [
      { key: KEY.provider(n.uid, 'VirtualRouter'), name: 'VirtualRouter' },
    ];
    if (!advanced && draft.zone.securitygroupenabled) {
      providers.push({ key: KEY.provider(n.uid, 'SecurityGroupProvider'), name: 'SecurityGroupProvider' });
    }
    return {
      key: KEY.network(n.uid),
      name: n.name.trim(),
      isolationmethods: advanced ? ['VLAN'] : [],
      tags: splitTags(n.tags),
      // The guest VLAN range goes to the network carrying Guest traffic.
      vlan: advanced && carried.includes('Guest') ? opt(n.vlan.replace(/\s+/g, '')) : undefined,
      trafficTypes: carried.map((type) => {
        const { kvm, vmware, xen } = draft.traffic[type];
        return { key: KEY.traffic(type), type, labels: { kvm: opt(kvm), vmware: opt(vmware), xen: opt(xen) } };
      }),
      providers,
    };
  });
}

function rangeOf(key: string, r: IpRangeDraft, vlan?: string): IpRangeSpec {
  return {
    key,
    gateway: r.gateway.trim(),
    netmask: r.netmask.trim(),
    startip: r.startip.trim(),
    endip: opt(r.endip),
    vlan,
  };
}

/** A public range's VLAN as the operator wrote it: a tag, or untagged when empty or unreadable. */
function publicVlan(text: string): string {
  const tag = parseVlanTag(text);
  return tag.ok && tag.vlan !== null ? String(tag.vlan) : 'untagged';
}

function poolOf(s: PrimaryStorageDraft, hypervisor?: string): PrimaryStorageSpec {
  const pool: PrimaryStorageSpec = {
    key: KEY.primary(s.uid),
    name: s.name.trim(),
    url: s.url.trim(),
    tags: splitTags(s.tags),
    details: [],
  };
  return hypervisor === undefined ? pool : { ...pool, hypervisor };
}

/** The wizard's one pod, with its guest range (basic) and its one cluster. */
function podOf(draft: ZoneDraft): PodSpec {
  const p = draft.pod;
  const c = draft.cluster;
  return {
    key: KEY.pod,
    name: p.name.trim(),
    gateway: p.gateway.trim(),
    netmask: p.netmask.trim(),
    startip: p.startip.trim(),
    endip: opt(p.endip),
    guestRanges: draft.networktype === 'Advanced' ? [] : [rangeOf(KEY.guestRange, draft.guestRange)],
    clusters: [
      {
        key: KEY.cluster,
        name: c.name.trim(),
        hypervisor: c.hypervisor,
        hosts: draft.hosts.map((h) => ({
          key: KEY.host(h.uid),
          url: h.url.trim(),
          username: opt(h.username),
          password: opt(h.password),
          tags: splitTags(h.tags),
        })),
        primaryStorages: draft.primaryStorages.filter((s) => s.scope !== 'zone').map((s) => poolOf(s)),
      },
    ],
  };
}

/** What the draft describes, for planZone (invalid drafts give a spec too; Review blocks Apply). */
export function draftToSpec(draft: ZoneDraft): ZoneSpec {
  const advanced = draft.networktype === 'Advanced';
  const z = draft.zone;
  return {
    key: KEY.zone,
    name: z.name.trim(),
    networktype: draft.networktype,
    dns1: z.dns1.trim(),
    dns2: opt(z.dns2),
    internaldns1: z.internaldns1.trim(),
    internaldns2: opt(z.internaldns2),
    guestcidraddress: advanced ? opt(z.guestcidraddress) : undefined,
    domain: opt(z.networkdomain),
    domainid: opt(z.domainid),
    securitygroupenabled: advanced ? undefined : z.securitygroupenabled,
    physicalNetworks: networksOf(draft),
    pods: [podOf(draft)],
    publicRanges: advanced ? draft.publicRanges.map((r) => rangeOf(KEY.publicRange(r.uid), r, publicVlan(r.vlan))) : [],
    // Zone-wide pools serve the hosts of the wizard's cluster.
    primaryStorages: draft.primaryStorages
      .filter((s) => s.scope === 'zone')
      .map((s) => poolOf(s, draft.cluster.hypervisor)),
    secondaryStorages: draft.secondaryStorages.map((s) => {
      const url = s.url.trim();
      return {
        key: KEY.secondary(s.uid),
        name: opt(s.name),
        url,
        provider: url.toLowerCase().startsWith('nfs://') ? 'NFS' : 'Filesystem',
        details: [],
      };
    }),
    // The zone stays Disabled (as createZone leaves it); the finish asks to enable it, as CloudStack's wizard does.
    enable: false,
  };
}
