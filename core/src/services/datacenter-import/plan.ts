import { parseSettingValue, settingDefinition } from '../../domain/settings-registry';
import {
  MarvinConfigError,
  type MarvinConfig,
  type MarvinIpRange,
  type MarvinPrimaryStorage,
  type MarvinZone,
} from './marvin-config';

/** What a step adds to the import's `created` counts when it succeeds. */
export const CREATED_KINDS = [
  'configurations',
  'zones',
  'physicalnetworks',
  'traffictypes',
  'networkserviceproviders',
  'pods',
  'vlanipranges',
  'clusters',
  'hosts',
  'storagepools',
  'imagestores',
] as const;
export type CreatedKind = (typeof CREATED_KINDS)[number];
export type CreatedCounts = Record<CreatedKind, number>;

/** One API call of the import, in CloudStack's command names and parameters. */
export interface PlanStep {
  command: string;
  /** Literal parameters. */
  params: Record<string, string>;
  /** Parameters filled from the ids earlier steps produced: parameter name -> reference name. */
  refs: Record<string, string>;
  /** What the step does and which part of the description it comes from. */
  label: string;
  /** The reference name under which the id this step returns is kept (the first item for lists). */
  produces?: string;
  /** The kind of resource counted when the step succeeds (enabling a provider counts it). */
  counts?: CreatedKind;
}

export interface ImportPlan {
  steps: PlanStep[];
  /** Parts of the description that are skipped (unknown settings, unsupported providers ...). */
  warnings: string[];
  /** Each zone and the reference its id is kept under. */
  zones: { name: string; ref: string }[];
  /** What the plan creates when every step succeeds. */
  totals: CreatedCounts;
}

export function emptyCounts(): CreatedCounts {
  return Object.fromEntries(CREATED_KINDS.map((k) => [k, 0])) as CreatedCounts;
}

/** Providers whose virtual router element Marvin enables before enabling the provider. */
const ROUTER_PROVIDERS = new Set(['VirtualRouter', 'VpcVirtualRouter']);

const PROVIDER_CASE = new Map(
  ['VirtualRouter', 'VpcVirtualRouter', 'InternalLbVm', 'SecurityGroupProvider', 'ConfigDrive'].map((n) => [
    n.toLowerCase(),
    n,
  ]),
);

/**
 * Turns a parsed description into the ordered API calls Marvin's deployDataCenter makes: global
 * settings first, then per zone the zone, its physical networks (traffic types, providers,
 * enable), pods (guest ranges, clusters, hosts, cluster storage), public ranges, secondary
 * storage, zone-wide primary storage, and finally enabling the zone. Pure: nothing is looked up.
 * Throws MarvinConfigError for a known setting with an invalid value.
 */
export function planImport(config: MarvinConfig): ImportPlan {
  const steps: PlanStep[] = [];
  const warnings: string[] = [];
  const problems: string[] = [];
  const add = (step: Omit<PlanStep, 'refs'> & { refs?: Record<string, string> }) =>
    steps.push({ ...step, refs: step.refs ?? {} });

  // Global settings: known ones are applied first, as Marvin does; unknown ones are reported.
  config.globalConfig.forEach((setting, i) => {
    const at = `globalConfig[${i}]`;
    const def = settingDefinition(setting.name);
    if (!def) {
      warnings.push(`${at}: setting ${setting.name} is not known to this build; skipped`);
      return;
    }
    const parsed = parseSettingValue(def, setting.value);
    if (!parsed.ok) {
      problems.push(`${at}.value: ${parsed.error}`);
      return;
    }
    add({
      command: 'updateConfiguration',
      params: { name: def.name, value: setting.value },
      label: `Set global setting ${def.name} (${at})`,
      counts: 'configurations',
    });
  });
  if (problems.length > 0) throw new MarvinConfigError(problems);

  const zones: ImportPlan['zones'] = [];
  config.zones.forEach((zone, zi) => {
    const ref = `zones[${zi}]`;
    zones.push({ name: zone.name, ref });
    planZone(zone, ref, add, warnings);
  });

  const totals = emptyCounts();
  for (const step of steps) if (step.counts) totals[step.counts] += 1;
  return { steps, warnings, zones, totals };
}

type Add = (step: Omit<PlanStep, 'refs'> & { refs?: Record<string, string> }) => void;

/** Copies the defined values only. */
function defined(values: Record<string, string | boolean | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = String(v);
  return out;
}

function detailParams(list: { key: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  list.forEach((d, i) => {
    out[`details[${i}].key`] = d.key;
    out[`details[${i}].value`] = d.value;
  });
  return out;
}

function rangeText(range: MarvinIpRange): string {
  return range.endip ? `${range.startip}-${range.endip}` : range.startip;
}

function planZone(zone: MarvinZone, zoneRef: string, add: Add, warnings: string[]): void {
  const basic = zone.networktype === 'Basic';
  const sg = zone.securitygroupenabled;

  add({
    command: 'createZone',
    params: defined({
      name: zone.name,
      networktype: zone.networktype,
      dns1: zone.dns1,
      dns2: zone.dns2,
      internaldns1: zone.internaldns1,
      internaldns2: zone.internaldns2,
      domain: zone.domain,
      securitygroupenabled: zone.securitygroupenabled,
      localstorageenabled: zone.localstorageenabled,
      // Marvin leaves the guest CIDR out of security-group zones.
      guestcidraddress: sg ? undefined : zone.guestcidraddress,
    }),
    label: `Create ${zone.networktype} zone ${zone.name} (${zoneRef})`,
    produces: zoneRef,
    counts: 'zones',
  });

  let publicNetworkRef: string | undefined;
  zone.physical_networks.forEach((pn, pi) => {
    const at = `${zoneRef}.physical_networks[${pi}]`;
    add({
      command: 'createPhysicalNetwork',
      // Like Marvin, the broadcast domain range is left to CloudStack's default (Pod in Basic zones, Zone otherwise).
      params: defined({
        name: pn.name,
        isolationmethods: pn.isolationmethods.length > 0 ? pn.isolationmethods.join(',') : undefined,
        tags: pn.tags.length > 0 ? pn.tags.join(',') : undefined,
      }),
      refs: { zoneid: zoneRef },
      label: `Create physical network ${pn.name} in zone ${zone.name} (${at})`,
      produces: at,
      counts: 'physicalnetworks',
    });
    pn.traffictypes.forEach((tt, ti) => {
      if (tt.typ === 'Public') publicNetworkRef ??= at;
      add({
        command: 'addTrafficType',
        params: defined({
          traffictype: tt.typ,
          kvmnetworklabel: tt.kvm,
          xennetworklabel: tt.xen,
          vmwarenetworklabel: tt.vmware,
          hypervnetworklabel: tt.hyperv,
          ovm3networklabel: tt.ovm3,
        }),
        refs: { physicalnetworkid: at },
        label: `Add ${tt.typ} traffic to physical network ${pn.name} (${at}.traffictypes[${ti}])`,
        counts: 'traffictypes',
      });
    });
    pn.providers.forEach((provider, ri) => {
      const pat = `${at}.providers[${ri}]`;
      const name = PROVIDER_CASE.get(provider.name.toLowerCase());
      if (name === undefined) {
        warnings.push(`${pat}: network service provider ${provider.name} is not supported by this build; skipped`);
        return;
      }
      if (provider.hasDevices) warnings.push(`${pat}.devices: external devices are not supported; ignored`);
      if (name === 'ConfigDrive') {
        warnings.push(`${pat}: Marvin does not configure ${name}; it is left as created`);
        return;
      }
      add({
        command: 'listNetworkServiceProviders',
        params: { name },
        refs: { physicalnetworkid: at },
        label: `Find provider ${name} of physical network ${pn.name} (${pat})`,
        produces: pat,
      });
      if (ROUTER_PROVIDERS.has(name)) {
        add({
          command: 'listVirtualRouterElements',
          params: {},
          refs: { nspid: pat },
          label: `Find the ${name} element of physical network ${pn.name} (${pat})`,
          produces: `${pat}.element`,
        });
        add({
          command: 'configureVirtualRouterElement',
          params: { enabled: 'true' },
          refs: { id: `${pat}.element` },
          label: `Enable the ${name} element of physical network ${pn.name} (${pat})`,
        });
      } else if (name === 'InternalLbVm') {
        warnings.push(
          `${pat}: the internal load balancer element cannot be configured in this build; the provider is enabled without it`,
        );
      }
      add({
        command: 'updateNetworkServiceProvider',
        params: { state: 'Enabled' },
        refs: { id: pat },
        label: `Enable provider ${name} of physical network ${pn.name} (${pat})`,
        counts: 'networkserviceproviders',
      });
    });
    add({
      command: 'updatePhysicalNetwork',
      params: defined({ state: 'Enabled', vlan: pn.vlan }),
      refs: { id: at },
      label: `Enable physical network ${pn.name}${pn.vlan ? ` with guest VLANs ${pn.vlan}` : ''} (${at})`,
    });
  });

  // Clusters of the zone share one hypervisor in most descriptions: zone-wide storage defaults to it.
  const hypervisors = new Set(zone.pods.flatMap((p) => p.clusters.map((c) => c.hypervisor)));
  const zoneHypervisor = hypervisors.size === 1 ? [...hypervisors][0] : undefined;

  zone.pods.forEach((pod, podIndex) => {
    const podRef = `${zoneRef}.pods[${podIndex}]`;
    add({
      command: 'createPod',
      params: defined({
        name: pod.name,
        gateway: pod.gateway,
        netmask: pod.netmask,
        startip: pod.startip,
        endip: pod.endip,
        // Marvin relies on CloudStack's default (Enabled); Stackyard creates pods Disabled unless told.
        allocationstate: 'Enabled',
      }),
      refs: { zoneid: zoneRef },
      label: `Create pod ${pod.name} in zone ${zone.name} (${podRef})`,
      produces: podRef,
      counts: 'pods',
    });
    // Marvin adds pod guest ranges where the zone has a shared guest network: Basic, or Advanced with security groups.
    if (pod.guestIpRanges.length > 0 && !basic && !sg) {
      warnings.push(`${podRef}.guestIpRanges: pod guest ranges apply to Basic zones only; ignored`);
    } else {
      pod.guestIpRanges.forEach((range, gi) => {
        add({
          command: 'createVlanIpRange',
          params: defined({
            forvirtualnetwork: false,
            gateway: range.gateway,
            netmask: range.netmask,
            startip: range.startip,
            endip: range.endip,
            vlan: range.vlan,
          }),
          refs: { zoneid: zoneRef, podid: podRef },
          label: `Add guest IP range ${rangeText(range)} to pod ${pod.name} (${podRef}.guestIpRanges[${gi}])`,
          counts: 'vlanipranges',
        });
      });
    }
    pod.clusters.forEach((cluster, ci) => {
      const clusterRef = `${podRef}.clusters[${ci}]`;
      add({
        command: 'addCluster',
        params: {
          clustername: cluster.clustername,
          hypervisor: cluster.hypervisor,
          clustertype: cluster.clustertype,
          allocationstate: 'Enabled',
        },
        refs: { zoneid: zoneRef, podid: podRef },
        label: `Add ${cluster.hypervisor} cluster ${cluster.clustername} to pod ${pod.name} (${clusterRef})`,
        produces: clusterRef,
        counts: 'clusters',
      });
      cluster.hosts.forEach((host, hi) => {
        add({
          command: 'addHost',
          params: defined({
            hypervisor: cluster.hypervisor,
            url: host.url,
            username: host.username,
            password: host.password,
            hosttags: host.hosttags,
          }),
          refs: { zoneid: zoneRef, podid: podRef, clusterid: clusterRef },
          label: `Add host ${host.url} to cluster ${cluster.clustername} (${clusterRef}.hosts[${hi}])`,
          counts: 'hosts',
        });
      });
      cluster.primaryStorages.forEach((storage, si) => {
        const at = `${clusterRef}.primaryStorages[${si}]`;
        if (storage.scope === 'zone') {
          add(zonePoolStep(storage, zone, zoneRef, at, storage.hypervisor ?? cluster.hypervisor));
          return;
        }
        add({
          command: 'createStoragePool',
          params: storageParams(storage, {}),
          refs: { zoneid: zoneRef, podid: podRef, clusterid: clusterRef },
          label: `Add primary storage ${storage.name} to cluster ${cluster.clustername} (${at})`,
          counts: 'storagepools',
        });
      });
    });
  });

  // Public ranges: Advanced zones without security groups, and Basic zones with Public traffic (EIP/ELB).
  zone.ipranges.forEach((range, ri) => {
    const at = `${zoneRef}.ipranges[${ri}]`;
    const isPublic = basic ? publicNetworkRef !== undefined : !sg;
    if (!isPublic) {
      warnings.push(
        basic
          ? `${at}: a Basic zone without Public traffic has no public ranges; ignored`
          : `${at}: the shared security-group network of an Advanced zone is not created by this build; range ignored`,
      );
      return;
    }
    add({
      command: 'createVlanIpRange',
      params: defined({
        forvirtualnetwork: true,
        vlan: range.vlan,
        gateway: range.gateway,
        netmask: range.netmask,
        startip: range.startip,
        endip: range.endip,
      }),
      refs: publicNetworkRef ? { zoneid: zoneRef, physicalnetworkid: publicNetworkRef } : { zoneid: zoneRef },
      label: `Add public IP range ${rangeText(range)}${range.vlan ? ` on VLAN ${range.vlan}` : ''} to zone ${zone.name} (${at})`,
      counts: 'vlanipranges',
    });
  });

  zone.secondaryStorages.forEach((store, si) => {
    const at = `${zoneRef}.secondaryStorages[${si}]`;
    // Marvin binds NFS and SMB stores to the zone; object stores (S3, Swift) are region-wide.
    const zoned = ['nfs', 'smb'].includes(store.provider.toLowerCase());
    add({
      command: 'addImageStore',
      params: {
        ...defined({ name: store.name, url: store.url, provider: store.provider }),
        ...detailParams(store.details),
      },
      refs: zoned ? { zoneid: zoneRef } : {},
      label: `Add secondary storage ${store.name ?? store.url} to zone ${zone.name} (${at})`,
      counts: 'imagestores',
    });
  });

  zone.primaryStorages.forEach((storage, si) => {
    add(
      zonePoolStep(storage, zone, zoneRef, `${zoneRef}.primaryStorages[${si}]`, storage.hypervisor ?? zoneHypervisor),
    );
  });

  if (zone.enabled) {
    add({
      command: 'updateZone',
      params: { allocationstate: 'Enabled' },
      refs: { id: zoneRef },
      label: `Enable zone ${zone.name} (${zoneRef})`,
    });
  } else {
    warnings.push(`${zoneRef}.enabled: false; the zone is left Disabled`);
  }
}

function storageParams(storage: MarvinPrimaryStorage, extra: Record<string, string | undefined>) {
  return {
    ...defined({ name: storage.name, url: storage.url, tags: storage.tags, provider: storage.provider, ...extra }),
    ...detailParams(storage.details),
  };
}

function zonePoolStep(
  storage: MarvinPrimaryStorage,
  zone: MarvinZone,
  zoneRef: string,
  at: string,
  hypervisor: string | undefined,
): Omit<PlanStep, 'refs'> & { refs: Record<string, string> } {
  return {
    command: 'createStoragePool',
    params: storageParams(storage, { scope: 'zone', hypervisor }),
    refs: { zoneid: zoneRef },
    label: `Add zone-wide primary storage ${storage.name} to zone ${zone.name} (${at})`,
    counts: 'storagepools',
  };
}

const MASK = '******';
const SECRET_PARAM = /pass(word)?|secret/i;

/**
 * A step's parameters as shown in a dry run and in messages: secrets masked (host passwords,
 * secret details, credentials in URLs) and references written as {{reference}}.
 */
export function displayParams(step: PlanStep): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(step.params)) {
    if (SECRET_PARAM.test(key)) out[key] = MASK;
    else if (key === 'url') out[key] = maskUrlCredentials(value);
    else out[key] = value;
  }
  // details[i].key names a secret (S3 secretkey, SMB password): mask its value.
  for (const [key, value] of Object.entries(step.params)) {
    const m = /^(.+\[\d+\])\.key$/.exec(key);
    if (m && SECRET_PARAM.test(value) && `${m[1]}.value` in out) out[`${m[1]}.value`] = MASK;
  }
  for (const [key, ref] of Object.entries(step.refs)) out[key] = `{{${ref}}}`;
  return out;
}

/** nfs://user:secret@host/path -> nfs://user:******@host/path */
export function maskUrlCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*):[^/@]*@/i, `$1:${MASK}@`);
}
