import { trafficTypesFor, type StepId, type TrafficTypeName, type ZoneDraft } from './draft';
import { parseVlanTag } from './validators';

/**
 * The zone wizard's plan: the exact CloudStack calls, in order, that create the zone the draft
 * describes. Pure data: the Review step lists it, the runner executes it, and resuming skips the
 * calls already done. Values that only exist once an earlier call ran (the zone's id ...) are
 * references, resolved from what earlier calls produced.
 */

/** What an earlier call produced, by reference name ("zone", "physicalNetwork:<uid>" ...). */
export type ResourceKind =
  'zone' | 'physicalNetwork' | 'pod' | 'vlan' | 'cluster' | 'host' | 'storagePool' | 'imageStore' | 'lookup';

export interface Produced {
  id: string;
  kind: ResourceKind;
  /** What the operator calls it (zone name, host URL ...), for the discard list. */
  label?: string;
}

export type ProducedMap = Record<string, Produced>;

export interface Ref {
  ref: string;
}
export type PlanValue = string | number | boolean | Ref;

export interface PlanCall {
  /** Stable across edits of other items: progress is kept per key. */
  key: string;
  command: string;
  params: Record<string, PlanValue>;
  /** The wizard step whose inputs this call sends (where to fix it when it fails). */
  step: StepId;
  /** Draft field paths this call sends: once it is done, they are locked. */
  fields: string[];
  /** The id this call returns, kept under `ref`; `response` is the object's name in the answer. */
  produces?: { ref: string; response: string; kind: ResourceKind; label?: string };
  /** Parameters shown masked. */
  secret?: string[];
}

export const isRef = (value: PlanValue | undefined): value is Ref => typeof value === 'object' && value !== null;
const ref = (name: string): Ref => ({ ref: name });

/** Drops empty optional values so the call carries only what the operator set. */
function compact(params: Record<string, PlanValue | undefined>): Record<string, PlanValue> {
  const out: Record<string, PlanValue> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[name] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** "a, b ,c" -> "a,b,c" */
function tagList(text: string): string | undefined {
  const tags = text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return tags.length ? tags.join(',') : undefined;
}

export const REF = {
  zone: 'zone',
  pod: 'pod',
  cluster: 'cluster',
  physicalNetwork: (uid: string) => `physicalNetwork:${uid}`,
  provider: (uid: string, name: string) => `provider:${uid}:${name}`,
  vrElement: (uid: string) => `vrElement:${uid}`,
  vlan: (uid: string) => `vlan:${uid}`,
  host: (uid: string) => `host:${uid}`,
  storagePool: (uid: string) => `storagePool:${uid}`,
  imageStore: (uid: string) => `imageStore:${uid}`,
} as const;

const LABEL_PARAMS: Record<'kvm' | 'vmware' | 'xen', string> = {
  kvm: 'kvmnetworklabel',
  vmware: 'vmwarenetworklabel',
  xen: 'xennetworklabel',
};

/** Builds the ordered call list for a valid draft (invalid drafts give a plan too; Review blocks Apply). */
export function buildPlan(draft: ZoneDraft): PlanCall[] {
  const calls: PlanCall[] = [];
  const advanced = draft.networktype === 'Advanced';
  const z = draft.zone;
  const zoneRef = ref(REF.zone);

  calls.push({
    key: 'createZone',
    command: 'createZone',
    step: 'zone',
    fields: ['networktype', 'zone'],
    params: compact({
      name: z.name,
      networktype: draft.networktype,
      dns1: z.dns1,
      dns2: z.dns2,
      internaldns1: z.internaldns1,
      internaldns2: z.internaldns2,
      guestcidraddress: advanced ? z.guestcidraddress : undefined,
      domain: z.networkdomain,
      domainid: z.domainid,
      securitygroupenabled: advanced ? undefined : z.securitygroupenabled,
    }),
    produces: { ref: REF.zone, response: 'zone', kind: 'zone', label: z.name.trim() },
  });

  const networks = advanced ? draft.physicalNetworks : draft.physicalNetworks.slice(0, 1);
  const types = trafficTypesFor(draft.networktype);
  const carrierOf = (type: TrafficTypeName) =>
    advanced ? networks.find((n) => n.uid === draft.traffic[type].network) : networks[0];

  for (const n of networks) {
    const networkRef = ref(REF.physicalNetwork(n.uid));
    const carried = types.filter((t) => carrierOf(t)?.uid === n.uid);
    calls.push({
      key: `createPhysicalNetwork:${n.uid}`,
      command: 'createPhysicalNetwork',
      step: 'network',
      fields: [`network.${n.uid}.name`, `network.${n.uid}.tags`],
      params: compact({
        zoneid: zoneRef,
        name: n.name,
        isolationmethods: advanced ? 'VLAN' : undefined,
        tags: tagList(n.tags),
      }),
      produces: {
        ref: REF.physicalNetwork(n.uid),
        response: 'physicalnetwork',
        kind: 'physicalNetwork',
        label: n.name.trim(),
      },
    });
    for (const type of carried) {
      const labels = draft.traffic[type];
      const params: Record<string, PlanValue | undefined> = { physicalnetworkid: networkRef, traffictype: type };
      for (const [hv, param] of Object.entries(LABEL_PARAMS)) params[param] = labels[hv as keyof typeof LABEL_PARAMS];
      calls.push({
        key: `addTrafficType:${n.uid}:${type}`,
        command: 'addTrafficType',
        step: 'network',
        fields: [`traffic.${type}`],
        params: compact(params),
      });
    }
    const guestVlan = advanced && carried.includes('Guest') ? n.vlan.replace(/\s+/g, '') : undefined;
    calls.push({
      key: `updatePhysicalNetwork:${n.uid}`,
      command: 'updatePhysicalNetwork',
      step: 'network',
      fields: guestVlan ? [`network.${n.uid}.vlan`] : [],
      params: compact({ id: networkRef, vlan: guestVlan, state: 'Enabled' }),
    });
    // The virtual router: find the provider and its element, enable both.
    const vr = REF.provider(n.uid, 'VirtualRouter');
    calls.push({
      key: `listNetworkServiceProviders:${n.uid}:VirtualRouter`,
      command: 'listNetworkServiceProviders',
      step: 'network',
      fields: [],
      params: { physicalnetworkid: networkRef, name: 'VirtualRouter' },
      produces: { ref: vr, response: 'networkserviceprovider', kind: 'lookup' },
    });
    calls.push({
      key: `listVirtualRouterElements:${n.uid}`,
      command: 'listVirtualRouterElements',
      step: 'network',
      fields: [],
      params: { nspid: ref(vr) },
      produces: { ref: REF.vrElement(n.uid), response: 'virtualrouterelement', kind: 'lookup' },
    });
    calls.push({
      key: `configureVirtualRouterElement:${n.uid}`,
      command: 'configureVirtualRouterElement',
      step: 'network',
      fields: [],
      params: { id: ref(REF.vrElement(n.uid)), enabled: true },
    });
    calls.push({
      key: `updateNetworkServiceProvider:${n.uid}:VirtualRouter`,
      command: 'updateNetworkServiceProvider',
      step: 'network',
      fields: [],
      params: { id: ref(vr), state: 'Enabled' },
    });
    if (!advanced && z.securitygroupenabled) {
      const sg = REF.provider(n.uid, 'SecurityGroupProvider');
      calls.push({
        key: `listNetworkServiceProviders:${n.uid}:SecurityGroupProvider`,
        command: 'listNetworkServiceProviders',
        step: 'network',
        fields: [],
        params: { physicalnetworkid: networkRef, name: 'SecurityGroupProvider' },
        produces: { ref: sg, response: 'networkserviceprovider', kind: 'lookup' },
      });
      calls.push({
        key: `updateNetworkServiceProvider:${n.uid}:SecurityGroupProvider`,
        command: 'updateNetworkServiceProvider',
        step: 'network',
        fields: [],
        params: { id: ref(sg), state: 'Enabled' },
      });
    }
  }

  const p = draft.pod;
  const podRef = ref(REF.pod);
  calls.push({
    key: 'createPod',
    command: 'createPod',
    step: 'pod',
    fields: ['pod'],
    params: compact({
      zoneid: zoneRef,
      name: p.name,
      gateway: p.gateway,
      netmask: p.netmask,
      startip: p.startip,
      endip: p.endip,
      // New pods and clusters start Disabled; the zone itself is enabled by the last call.
      allocationstate: 'Enabled',
    }),
    produces: { ref: REF.pod, response: 'pod', kind: 'pod', label: p.name.trim() },
  });

  if (advanced) {
    const publicNetwork = carrierOf('Public');
    for (const r of draft.publicRanges) {
      const tag = parseVlanTag(r.vlan);
      calls.push({
        key: `createVlanIpRange:${r.uid}`,
        command: 'createVlanIpRange',
        step: 'ranges',
        fields: [`publicRange.${r.uid}`],
        params: compact({
          zoneid: zoneRef,
          physicalnetworkid: publicNetwork ? ref(REF.physicalNetwork(publicNetwork.uid)) : undefined,
          forvirtualnetwork: true,
          vlan: tag.ok && tag.vlan !== null ? `vlan://${tag.vlan}` : 'untagged',
          gateway: r.gateway,
          netmask: r.netmask,
          startip: r.startip,
          endip: r.endip,
        }),
        produces: {
          ref: REF.vlan(r.uid),
          response: 'vlan',
          kind: 'vlan',
          label: `${r.startip.trim()}-${r.endip.trim()}`,
        },
      });
    }
  } else {
    const r = draft.guestRange;
    const guestNetwork = networks[0];
    calls.push({
      key: 'createVlanIpRange:guest',
      command: 'createVlanIpRange',
      step: 'ranges',
      fields: ['guestRange'],
      params: compact({
        zoneid: zoneRef,
        podid: podRef,
        physicalnetworkid: guestNetwork ? ref(REF.physicalNetwork(guestNetwork.uid)) : undefined,
        forvirtualnetwork: false,
        gateway: r.gateway,
        netmask: r.netmask,
        startip: r.startip,
        endip: r.endip,
      }),
      produces: {
        ref: REF.vlan('guest'),
        response: 'vlan',
        kind: 'vlan',
        label: `${r.startip.trim()}-${r.endip.trim()}`,
      },
    });
  }

  const c = draft.cluster;
  const clusterRef = ref(REF.cluster);
  calls.push({
    key: 'addCluster',
    command: 'addCluster',
    step: 'cluster',
    fields: ['cluster'],
    params: compact({
      zoneid: zoneRef,
      podid: podRef,
      clustername: c.name,
      hypervisor: c.hypervisor,
      clustertype: 'CloudManaged',
      allocationstate: 'Enabled',
    }),
    produces: { ref: REF.cluster, response: 'cluster', kind: 'cluster', label: c.name.trim() },
  });

  for (const h of draft.hosts) {
    calls.push({
      key: `addHost:${h.uid}`,
      command: 'addHost',
      step: 'host',
      fields: [`host.${h.uid}`],
      params: compact({
        zoneid: zoneRef,
        podid: podRef,
        clusterid: clusterRef,
        hypervisor: c.hypervisor,
        url: h.url,
        username: h.username,
        password: h.password,
        hosttags: tagList(h.tags),
      }),
      produces: { ref: REF.host(h.uid), response: 'host', kind: 'host', label: h.url.trim() },
      secret: ['password'],
    });
  }

  for (const s of draft.primaryStorages) {
    const zoneWide = s.scope === 'zone';
    calls.push({
      key: `createStoragePool:${s.uid}`,
      command: 'createStoragePool',
      step: 'primary',
      fields: [`primary.${s.uid}`],
      params: compact({
        zoneid: zoneRef,
        podid: zoneWide ? undefined : podRef,
        clusterid: zoneWide ? undefined : clusterRef,
        scope: s.scope,
        hypervisor: zoneWide ? c.hypervisor : undefined,
        name: s.name,
        url: s.url,
        tags: tagList(s.tags),
      }),
      produces: { ref: REF.storagePool(s.uid), response: 'storagepool', kind: 'storagePool', label: s.name.trim() },
    });
  }

  for (const s of draft.secondaryStorages) {
    const url = s.url.trim();
    calls.push({
      key: `addImageStore:${s.uid}`,
      command: 'addImageStore',
      step: 'secondary',
      fields: [`secondary.${s.uid}`],
      params: compact({
        zoneid: zoneRef,
        name: s.name,
        provider: url.toLowerCase().startsWith('nfs://') ? 'NFS' : 'Filesystem',
        url,
      }),
      produces: { ref: REF.imageStore(s.uid), response: 'imagestore', kind: 'imageStore', label: s.name.trim() || url },
    });
  }

  calls.push({
    key: 'updateZone',
    command: 'updateZone',
    step: 'review',
    fields: [],
    params: { id: zoneRef, allocationstate: 'Enabled' },
  });
  return calls;
}

// ---------------------------------------------------------------------------------------------
// Running, showing and undoing a plan

export class MissingReferenceError extends Error {
  constructor(readonly ref: string) {
    super(`The id of ${ref} is not known yet: an earlier call has not run`);
  }
}

/** The call's parameters with references replaced by the ids earlier calls produced. */
export function resolveParams(call: PlanCall, produced: ProducedMap): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(call.params)) {
    if (isRef(value)) {
      const hit = produced[value.ref];
      if (!hit) throw new MissingReferenceError(value.ref);
      out[name] = hit.id;
    } else out[name] = value;
  }
  return out;
}

export const MASK = '••••••••';

/**
 * The parameters as the Review step shows them: secrets masked, references as the produced id
 * when known, else as `{ ref }` for the view to name.
 */
export function displayParams(call: PlanCall, produced: ProducedMap): [name: string, value: string | Ref][] {
  return Object.entries(call.params).map(([name, value]) => {
    if (call.secret?.includes(name)) return [name, MASK];
    if (isRef(value)) return [name, produced[value.ref]?.id ?? value];
    return [name, String(value)];
  });
}

/**
 * The id a call's answer carries under `response`: an object (`{zone: {...}}`), a list
 * (`{count, host: [...]}`) or, for async jobs, the job result with the same shape.
 */
export function extractId(answer: Record<string, unknown>, response: string): string | undefined {
  const value = answer[response] ?? answer;
  const item = Array.isArray(value) ? value[0] : value;
  if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') {
    return (item as { id: string }).id;
  }
  return undefined;
}

/** Draft fields locked because a call that sent them is done (its resource exists). */
export function isFieldLocked(path: string, plan: readonly PlanCall[], done: (key: string) => boolean): boolean {
  return plan.some((call) => done(call.key) && call.fields.some((f) => path === f || path.startsWith(`${f}.`)));
}

/** Deletion order: the reverse of creation, innermost first. */
const DISCARD_ORDER: Exclude<ResourceKind, 'lookup'>[] = [
  'imageStore',
  'storagePool',
  'host',
  'cluster',
  'vlan',
  'pod',
  'physicalNetwork',
  'zone',
];

const DELETE_COMMANDS: Record<
  Exclude<ResourceKind, 'lookup'>,
  { command: string; extra?: Record<string, PlanValue> }
> = {
  imageStore: { command: 'deleteImageStore' },
  // CloudStack deletes a pool in maintenance or with forced=true.
  storagePool: { command: 'deleteStoragePool', extra: { forced: true } },
  // A host leaves without maintenance only when forced.
  host: { command: 'deleteHost', extra: { forced: true } },
  cluster: { command: 'deleteCluster' },
  vlan: { command: 'deleteVlanIpRange' },
  pod: { command: 'deletePod' },
  physicalNetwork: { command: 'deletePhysicalNetwork' },
  zone: { command: 'deleteZone' },
};

/** The calls that delete what a partial apply created, in reverse order; keys are the refs. */
export function buildDiscardPlan(produced: ProducedMap): PlanCall[] {
  const calls: PlanCall[] = [];
  for (const kind of DISCARD_ORDER) {
    // Newest first within a kind: refs were added in creation order.
    const refs = Object.entries(produced)
      .filter(([, p]) => p.kind === kind)
      .map(([name]) => name)
      .reverse();
    for (const name of refs) {
      const { command, extra } = DELETE_COMMANDS[kind];
      calls.push({
        key: name,
        command,
        step: 'review',
        fields: [],
        params: { id: ref(name), ...extra },
      });
    }
  }
  return calls;
}

/** Resources (not look-ups) a partial apply left, for "Discard what was created". */
export function createdResources(produced: ProducedMap): [string, Produced][] {
  return Object.entries(produced).filter(([, p]) => p.kind !== 'lookup');
}
