/**
 * The plan of a zone: the ordered CloudStack calls that build what a ZoneSpec describes. One
 * planner for the zone wizard (its Review step lists the calls, its runner applies them one by
 * one) and the datacenter import (Marvin descriptions). Pure: nothing is looked up.
 *
 * Order: the zone; per physical network its creation, traffic types, enabling (with the guest
 * VLAN range) and providers; then the pods, each with its guest ranges and clusters (hosts,
 * cluster-scoped storage), the zone's public ranges coming as soon as the last pod exists (before
 * that pod's clusters); zone-wide primary storage; secondary storage; enabling the zone.
 */
import type { Params } from '../api';
import { parseVlanTag } from './checks';
import { maskUrlCredentials, type CallOf, type Ref, type RefKind, type WithRefs } from './calls';
import {
  ROUTER_PROVIDERS,
  type ClusterSpec,
  type IpRangeSpec,
  type PhysicalNetworkSpec,
  type PodSpec,
  type PrimaryStorageSpec,
  type ProviderSpec,
  type ZoneSpec,
} from './spec';

export const ZONE_COMMANDS = [
  'createZone',
  'createPhysicalNetwork',
  'addTrafficType',
  'updatePhysicalNetwork',
  'listNetworkServiceProviders',
  'listVirtualRouterElements',
  'configureVirtualRouterElement',
  'updateNetworkServiceProvider',
  'createPod',
  'createVlanIpRange',
  'addCluster',
  'addHost',
  'createStoragePool',
  'addImageStore',
  'updateZone',
] as const;
export type ZoneCommand = (typeof ZONE_COMMANDS)[number];

/** The item of the spec a call comes from. */
export type PartKind =
  | 'zone'
  | 'physicalNetwork'
  | 'trafficType'
  | 'provider'
  | 'pod'
  | 'guestRange'
  | 'publicRange'
  | 'cluster'
  | 'host'
  | 'primaryStorage'
  | 'secondaryStorage';

export interface Part {
  kind: PartKind;
  /** The item's key in the spec. */
  key: string;
}

export type ZoneCallOf<C extends ZoneCommand> = CallOf<C> & { part: Part };
/** A call of a zone's plan. */
export type ZoneCall = { [C in ZoneCommand]: ZoneCallOf<C> }[ZoneCommand];

const ref = (key: string, kind: RefKind): Ref => ({ ref: key, kind });

/** Drops unset values (undefined, empty text, empty lists) so a call carries only what was given. */
function compact<P extends object>(params: P): P {
  const out: Partial<P> = {};
  for (const key of Object.keys(params) as (keyof P)[]) {
    const value = params[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  // Only unset optional values were left out.
  return out as P;
}

const joined = (list: readonly string[]) => (list.length > 0 ? list.join(',') : undefined);
const rangeText = (r: IpRangeSpec) => (r.endip ? `${r.startip}-${r.endip}` : r.startip);

/** A range's VLAN as CloudStack stores it (vlan://50, untagged); text it cannot read goes as given. */
function vlanUri(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const tag = parseVlanTag(text);
  if (!tag.ok) return text;
  return tag.vlan === null ? 'untagged' : `vlan://${tag.vlan}`;
}

/** Builds the calls of one zone, tagging each with its part. */
class ZonePlanner {
  readonly calls: ZoneCall[] = [];
  private readonly zoneRef: Ref;
  private readonly guestNetwork?: Ref;
  private readonly publicNetwork?: Ref;

  constructor(private readonly zone: ZoneSpec) {
    this.zoneRef = ref(zone.key, 'zone');
    const carrier = (type: string) => zone.physicalNetworks.find((n) => n.trafficTypes.some((t) => t.type === type));
    const guest = carrier('Guest');
    const pub = carrier('Public');
    if (guest) this.guestNetwork = ref(guest.key, 'physicalNetwork');
    if (pub) this.publicNetwork = ref(pub.key, 'physicalNetwork');
  }

  add<C extends ZoneCommand>(
    part: Part,
    command: C,
    params: WithRefs<Params<C>>,
    label: string,
    produces?: ZoneCallOf<C>['produces'],
  ): void {
    const call: ZoneCallOf<C> = { key: `${command}:${part.key}`, command, params: compact(params), label, part };
    if (produces) call.produces = produces;
    // ZoneCallOf<C> is one member of the ZoneCall union.
    this.calls.push(call as ZoneCall);
  }

  plan(): ZoneCall[] {
    const z = this.zone;
    const part: Part = { kind: 'zone', key: z.key };
    this.add(
      part,
      'createZone',
      {
        name: z.name,
        networktype: z.networktype,
        dns1: z.dns1,
        dns2: z.dns2,
        internaldns1: z.internaldns1,
        internaldns2: z.internaldns2,
        guestcidraddress: z.guestcidraddress,
        domain: z.domain,
        domainid: z.domainid,
        securitygroupenabled: z.securitygroupenabled,
        localstorageenabled: z.localstorageenabled,
      },
      `Create ${z.networktype} zone ${z.name} (${z.key})`,
      { ...this.zoneRef, label: z.name },
    );
    for (const network of z.physicalNetworks) this.network(network);
    z.pods.forEach((pod, i) => this.pod(pod, i === z.pods.length - 1));
    if (z.pods.length === 0) this.publicRanges();
    for (const storage of z.primaryStorages) this.zonePool(storage);
    for (const store of z.secondaryStorages) this.imageStore(store);
    if (z.enable) {
      this.add(
        part,
        'updateZone',
        { id: this.zoneRef, allocationstate: 'Enabled' },
        `Enable zone ${z.name} (${z.key})`,
      );
    }
    return this.calls;
  }

  private network(n: PhysicalNetworkSpec): void {
    const part: Part = { kind: 'physicalNetwork', key: n.key };
    const networkRef = ref(n.key, 'physicalNetwork');
    this.add(
      part,
      'createPhysicalNetwork',
      { zoneid: this.zoneRef, name: n.name, isolationmethods: joined(n.isolationmethods), tags: joined(n.tags) },
      `Create physical network ${n.name} in zone ${this.zone.name} (${n.key})`,
      { ...networkRef, label: n.name },
    );
    for (const t of n.trafficTypes) {
      const { kvm, vmware, xen, hyperv, ovm3 } = t.labels;
      this.add(
        { kind: 'trafficType', key: t.key },
        'addTrafficType',
        {
          physicalnetworkid: networkRef,
          traffictype: t.type,
          kvmnetworklabel: kvm,
          vmwarenetworklabel: vmware,
          xennetworklabel: xen,
          hypervnetworklabel: hyperv,
          ovm3networklabel: ovm3,
        },
        `Add ${t.type} traffic to physical network ${n.name} (${t.key})`,
      );
    }
    this.add(
      part,
      'updatePhysicalNetwork',
      { id: networkRef, vlan: n.vlan, state: 'Enabled' },
      `Enable physical network ${n.name}${n.vlan ? ` with guest VLANs ${n.vlan}` : ''} (${n.key})`,
    );
    for (const provider of n.providers) this.provider(n, networkRef, provider);
  }

  /** Finds the provider (and the element of a router provider) and enables them. */
  private provider(n: PhysicalNetworkSpec, networkRef: Ref, p: ProviderSpec): void {
    const part: Part = { kind: 'provider', key: p.key };
    const providerRef = ref(p.key, 'provider');
    const on = `of physical network ${n.name} (${p.key})`;
    this.add(
      part,
      'listNetworkServiceProviders',
      { physicalnetworkid: networkRef, name: p.name },
      `Find provider ${p.name} ${on}`,
      providerRef,
    );
    if (ROUTER_PROVIDERS.includes(p.name)) {
      const elementRef = ref(`${p.key}.element`, 'vrElement');
      this.add(
        part,
        'listVirtualRouterElements',
        { nspid: providerRef },
        `Find the ${p.name} element ${on}`,
        elementRef,
      );
      this.add(
        part,
        'configureVirtualRouterElement',
        { id: elementRef, enabled: true },
        `Enable the ${p.name} element ${on}`,
      );
    }
    this.add(
      part,
      'updateNetworkServiceProvider',
      { id: providerRef, state: 'Enabled' },
      `Enable provider ${p.name} ${on}`,
    );
  }

  private pod(pod: PodSpec, last: boolean): void {
    const podRef = ref(pod.key, 'pod');
    this.add(
      { kind: 'pod', key: pod.key },
      'createPod',
      {
        zoneid: this.zoneRef,
        name: pod.name,
        gateway: pod.gateway,
        netmask: pod.netmask,
        startip: pod.startip,
        endip: pod.endip,
        // No allocationstate, as CloudStack's wizard and Marvin send: pods and clusters start
        // Enabled, inside the zone that stays Disabled until it is enabled.
      },
      `Create pod ${pod.name} in zone ${this.zone.name} (${pod.key})`,
      { ...podRef, label: pod.name },
    );
    for (const range of pod.guestRanges) this.guestRange(pod, podRef, range);
    if (last) this.publicRanges();
    for (const cluster of pod.clusters) this.cluster(pod, podRef, cluster);
  }

  private guestRange(pod: PodSpec, podRef: Ref, r: IpRangeSpec): void {
    this.add(
      { kind: 'guestRange', key: r.key },
      'createVlanIpRange',
      {
        zoneid: this.zoneRef,
        podid: podRef,
        physicalnetworkid: this.guestNetwork,
        forvirtualnetwork: false,
        vlan: vlanUri(r.vlan),
        gateway: r.gateway,
        netmask: r.netmask,
        startip: r.startip,
        endip: r.endip,
      },
      `Add guest IP range ${rangeText(r)} to pod ${pod.name} (${r.key})`,
      { ...ref(r.key, 'vlan'), label: rangeText(r) },
    );
  }

  private publicRanges(): void {
    for (const r of this.zone.publicRanges) {
      this.add(
        { kind: 'publicRange', key: r.key },
        'createVlanIpRange',
        {
          zoneid: this.zoneRef,
          physicalnetworkid: this.publicNetwork,
          forvirtualnetwork: true,
          vlan: vlanUri(r.vlan) ?? 'untagged',
          gateway: r.gateway,
          netmask: r.netmask,
          startip: r.startip,
          endip: r.endip,
        },
        `Add public IP range ${rangeText(r)}${r.vlan ? ` on VLAN ${r.vlan}` : ''} to zone ${this.zone.name} (${r.key})`,
        { ...ref(r.key, 'vlan'), label: rangeText(r) },
      );
    }
  }

  private cluster(pod: PodSpec, podRef: Ref, c: ClusterSpec): void {
    const clusterRef = ref(c.key, 'cluster');
    const where = { zoneid: this.zoneRef, podid: podRef, clusterid: clusterRef };
    this.add(
      { kind: 'cluster', key: c.key },
      'addCluster',
      {
        zoneid: this.zoneRef,
        podid: podRef,
        clustername: c.name,
        hypervisor: c.hypervisor,
        clustertype: c.clustertype ?? 'CloudManaged',
      },
      `Add ${c.hypervisor} cluster ${c.name} to pod ${pod.name} (${c.key})`,
      { ...clusterRef, label: c.name },
    );
    for (const h of c.hosts) {
      this.add(
        { kind: 'host', key: h.key },
        'addHost',
        {
          ...where,
          hypervisor: c.hypervisor,
          url: h.url,
          username: h.username,
          password: h.password,
          hosttags: joined(h.tags),
        },
        `Add host ${maskUrlCredentials(h.url, '******')} to cluster ${c.name} (${h.key})`,
        { ...ref(h.key, 'host'), label: h.url },
      );
    }
    for (const s of c.primaryStorages) {
      this.add(
        { kind: 'primaryStorage', key: s.key },
        'createStoragePool',
        { ...where, ...poolParams(s) },
        `Add primary storage ${s.name} to cluster ${c.name} (${s.key})`,
        { ...ref(s.key, 'storagePool'), label: s.name },
      );
    }
  }

  private zonePool(s: PrimaryStorageSpec): void {
    this.add(
      { kind: 'primaryStorage', key: s.key },
      'createStoragePool',
      { zoneid: this.zoneRef, scope: 'zone', hypervisor: s.hypervisor, ...poolParams(s) },
      `Add zone-wide primary storage ${s.name} to zone ${this.zone.name} (${s.key})`,
      { ...ref(s.key, 'storagePool'), label: s.name },
    );
  }

  private imageStore(s: ZoneSpec['secondaryStorages'][number]): void {
    const shown = s.name ?? maskUrlCredentials(s.url, '******');
    this.add(
      { kind: 'secondaryStorage', key: s.key },
      'addImageStore',
      {
        // Object stores serve the whole region; the others belong to the zone.
        zoneid: OBJECT_STORES.has(s.provider.toLowerCase()) ? undefined : this.zoneRef,
        name: s.name,
        url: s.url,
        provider: s.provider,
        details: s.details,
      },
      `Add secondary storage ${shown} to zone ${this.zone.name} (${s.key})`,
      { ...ref(s.key, 'imageStore'), label: s.name ?? s.url },
    );
  }
}

const OBJECT_STORES = new Set(['s3', 'swift']);

function poolParams(s: PrimaryStorageSpec) {
  return { name: s.name, url: s.url, tags: joined(s.tags), provider: s.provider, details: s.details };
}

/** Every key of the spec, to catch two items under one key (their ids would be confused). */
function keysOf(zone: ZoneSpec): string[] {
  const clusters = zone.pods.flatMap((p) => p.clusters);
  return [
    zone.key,
    ...zone.physicalNetworks.flatMap((n) => [
      n.key,
      ...n.trafficTypes.map((t) => t.key),
      ...n.providers.flatMap((p) => [p.key, `${p.key}.element`]),
    ]),
    ...zone.pods.flatMap((p) => [p.key, ...p.guestRanges.map((r) => r.key)]),
    ...zone.publicRanges.map((r) => r.key),
    ...clusters.flatMap((c) => [c.key, ...c.hosts.map((h) => h.key), ...c.primaryStorages.map((s) => s.key)]),
    ...zone.primaryStorages.map((s) => s.key),
    ...zone.secondaryStorages.map((s) => s.key),
  ];
}

/**
 * The ordered calls that build the zone. Invalid values still give a plan (the caller checks
 * first); two items under one key are a programming error and throw.
 */
export function planZone(zone: ZoneSpec): ZoneCall[] {
  const seen = new Set<string>();
  for (const key of keysOf(zone)) {
    if (seen.has(key)) throw new Error(`zone plan: two items have the key ${key}`);
    seen.add(key);
  }
  return new ZonePlanner(zone).plan();
}
