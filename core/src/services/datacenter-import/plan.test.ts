import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAdvancedConfigText } from '../../../test/fixtures/marvin/generate';
import { isRef } from '../../contract/zone-plan';
import { MarvinConfigError, parseMarvinConfig } from './marvin-config';
import { displayParams, planImport, type PlanStep } from './plan';

/**
 * The import's side of the plan: a Marvin description mapped onto the zone planner (whose own
 * tests, core/src/contract/zone-plan, cover the order and the calls in depth), its global
 * settings, warnings, labels naming the description's JSON paths, and the dry run's parameters.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/marvin');
const planOf = (name: string) =>
  planImport(parseMarvinConfig(fs.readFileSync(path.join(FIXTURES, name), 'utf8')).config);
const commands = (steps: PlanStep[]) => steps.map((s) => s.command);
const byKey = (steps: PlanStep[], key: string) => steps.find((s) => s.key === key)!;
const shown = (steps: PlanStep[], key: string) => displayParams(byKey(steps, key));

/** Every reference a step uses was produced by an earlier step. */
function expectRefsResolve(steps: PlanStep[]) {
  const produced = new Set<string>();
  for (const step of steps) {
    for (const value of Object.values(step.params)) {
      if (isRef(value)) expect(produced.has(value.ref), `${step.label} needs ${value.ref}`).toBe(true);
    }
    if (step.produces) produced.add(step.produces.ref);
  }
}

describe('datacenter import plan', () => {
  it('plans the basic zone in the zone planner order, settings first', () => {
    const plan = planOf('basic.cfg');
    expect(commands(plan.steps)).toEqual([
      'updateConfiguration',
      'createZone',
      'createPhysicalNetwork',
      'addTrafficType',
      'addTrafficType',
      'updatePhysicalNetwork',
      'listNetworkServiceProviders',
      'listVirtualRouterElements',
      'configureVirtualRouterElement',
      'updateNetworkServiceProvider',
      'listNetworkServiceProviders',
      'updateNetworkServiceProvider',
      'createPod',
      'createVlanIpRange',
      'addCluster',
      'addHost',
      'addHost',
      'createStoragePool',
      'addImageStore',
      'updateZone',
    ]);
    expectRefsResolve(plan.steps);
    expect(plan.warnings).toEqual(['globalConfig[1]: setting yard.not.a.setting is not known to this build; skipped']);
    expect(plan.zones).toEqual([{ name: 'yard-basic', ref: 'zones[0]' }]);
    expect(plan.totals).toEqual({
      configurations: 1,
      zones: 1,
      physicalnetworks: 1,
      traffictypes: 2,
      networkserviceproviders: 2,
      pods: 1,
      vlanipranges: 1,
      clusters: 1,
      hosts: 2,
      storagepools: 1,
      imagestores: 1,
    });
    expect(plan.steps[1]!.params).toEqual({
      name: 'yard-basic',
      networktype: 'Basic',
      dns1: '192.0.2.53',
      internaldns1: '10.20.0.53',
      securitygroupenabled: true,
    });
    expect(shown(plan.steps, 'createVlanIpRange:zones[0].pods[0].guestIpRanges[0]')).toEqual({
      zoneid: '{{zones[0]}}',
      podid: '{{zones[0].pods[0]}}',
      physicalnetworkid: '{{zones[0].physical_networks[0]}}',
      forvirtualnetwork: 'false',
      gateway: '198.51.100.1',
      netmask: '255.255.255.0',
      startip: '198.51.100.10',
      endip: '198.51.100.200',
    });
    const host = byKey(plan.steps, 'addHost:zones[0].pods[0].clusters[0].hosts[0]');
    expect(displayParams(host)).toEqual({
      zoneid: '{{zones[0]}}',
      podid: '{{zones[0].pods[0]}}',
      clusterid: '{{zones[0].pods[0].clusters[0]}}',
      hypervisor: 'Simulator',
      url: 'http://sim/yard-basic/c1/h1',
      username: 'root',
      password: '******',
    });
    expect(host.label).toBe(
      'Add host http://sim/yard-basic/c1/h1 to cluster yard-basic-c1 (zones[0].pods[0].clusters[0].hosts[0])',
    );
    expect(plan.steps.at(-1)).toMatchObject({
      command: 'updateZone',
      params: { id: { ref: 'zones[0]', kind: 'zone' }, allocationstate: 'Enabled' },
      label: 'Enable zone yard-basic (zones[0])',
    });
  });

  it('plans the advanced zone: guest VLANs, public range, router providers, zone-wide storage', () => {
    const plan = planOf('advanced.cfg');
    expectRefsResolve(plan.steps);
    expect(plan.totals).toMatchObject({ zones: 1, pods: 1, clusters: 2, hosts: 3, storagepools: 3, vlanipranges: 1 });
    expect(plan.steps[0]).toMatchObject({
      command: 'updateConfiguration',
      params: { name: 'storage.overprovisioning.factor', value: '3' },
      label: 'Set global setting storage.overprovisioning.factor (globalConfig[0])',
    });
    expect(plan.steps[1]!.label).toBe('Create Advanced zone yard-advanced (zones[0])');
    expect(plan.steps[1]!.params).toMatchObject({ guestcidraddress: '10.31.0.0/16', domain: 'yard.example' });
    const pn = 'zones[0].physical_networks[0]';
    expect(shown(plan.steps, `createPhysicalNetwork:${pn}`)).toEqual({
      zoneid: '{{zones[0]}}',
      name: 'yard-adv-pnet',
      isolationmethods: 'VLAN',
      tags: 'yard-pnet',
    });
    expect(plan.steps.filter((s) => s.command === 'addTrafficType').map((s) => displayParams(s))).toEqual([
      { physicalnetworkid: `{{${pn}}}`, traffictype: 'Guest' },
      { physicalnetworkid: `{{${pn}}}`, traffictype: 'Management', kvmnetworklabel: 'cloudbr0' },
      { physicalnetworkid: `{{${pn}}}`, traffictype: 'Public', kvmnetworklabel: 'cloudbr1' },
    ]);
    expect(shown(plan.steps, `updatePhysicalNetwork:${pn}`)).toEqual({
      id: `{{${pn}}}`,
      vlan: '2000-2099',
      state: 'Enabled',
    });
    // Routers: element enabled then provider; InternalLbVm: provider only, with a warning.
    expect(
      plan.steps
        .filter((s) => /NetworkServiceProvider|VirtualRouterElement/.test(s.command))
        .map((s) => `${s.command} ${'part' in s ? s.part.key : ''}`),
    ).toEqual([
      `listNetworkServiceProviders ${pn}.providers[0]`,
      `listVirtualRouterElements ${pn}.providers[0]`,
      `configureVirtualRouterElement ${pn}.providers[0]`,
      `updateNetworkServiceProvider ${pn}.providers[0]`,
      `listNetworkServiceProviders ${pn}.providers[1]`,
      `listVirtualRouterElements ${pn}.providers[1]`,
      `configureVirtualRouterElement ${pn}.providers[1]`,
      `updateNetworkServiceProvider ${pn}.providers[1]`,
      `listNetworkServiceProviders ${pn}.providers[2]`,
      `updateNetworkServiceProvider ${pn}.providers[2]`,
    ]);
    expect(shown(plan.steps, 'createVlanIpRange:zones[0].ipranges[0]')).toEqual({
      zoneid: '{{zones[0]}}',
      physicalnetworkid: `{{${pn}}}`,
      forvirtualnetwork: 'true',
      vlan: 'vlan://300',
      gateway: '203.0.113.1',
      netmask: '255.255.255.0',
      startip: '203.0.113.10',
      endip: '203.0.113.100',
    });
    const pools = plan.steps.filter((s) => s.command === 'createStoragePool').map((s) => displayParams(s));
    expect(pools).toEqual([
      {
        zoneid: '{{zones[0]}}',
        podid: '{{zones[0].pods[0]}}',
        clusterid: '{{zones[0].pods[0].clusters[0]}}',
        name: 'yard-adv-c1-ps1',
        url: 'nfs://10.30.9.5:/export/yard/adv/c1/primary1',
      },
      {
        zoneid: '{{zones[0]}}',
        podid: '{{zones[0].pods[0]}}',
        clusterid: '{{zones[0].pods[0].clusters[1]}}',
        name: 'yard-adv-c2-ps1',
        url: 'nfs://10.30.9.5:/export/yard/adv/c2/primary1',
        tags: 'fast',
      },
      {
        zoneid: '{{zones[0]}}',
        scope: 'zone',
        hypervisor: 'Simulator',
        name: 'yard-adv-zone-ps',
        url: 'nfs://10.30.9.6:/export/yard/adv/zonewide',
      },
    ]);
    expect(shown(plan.steps, 'addImageStore:zones[0].secondaryStorages[0]')).toEqual({
      zoneid: '{{zones[0]}}',
      name: 'yard-adv-sec',
      url: 'nfs://10.30.9.5:/export/yard/adv/secondary',
      provider: 'NFS',
    });
    // One plan of a zone: the pod, its public range, the clusters, zone-wide storage, secondary, enable.
    const order = commands(plan.steps);
    expect(order.slice(order.indexOf('createPod'))).toEqual([
      'createPod',
      'createVlanIpRange',
      'addCluster',
      'addHost',
      'addHost',
      'createStoragePool',
      'addCluster',
      'addHost',
      'createStoragePool',
      'createStoragePool',
      'addImageStore',
      'updateZone',
    ]);
    expect(plan.warnings).toEqual([
      'globalConfig[1]: setting yard.unknown.gc.wait is not known to this build; skipped',
      'zones[0].physical_networks[0].providers[2]: the internal load balancer element cannot be configured in this build; the provider is enabled without it',
    ]);
  });

  it('applies known settings before anything else and reports unknown ones', () => {
    const config = parseMarvinConfig(
      JSON.stringify({
        zones: [{ name: 'z', networktype: 'Advanced' }],
        globalConfig: [
          { name: 'workers', value: '10' },
          { name: 'ping.timeout', value: '1.5' },
          { name: 'expunge.delay', value: '60' },
        ],
      }),
    ).config;
    const plan = planImport(config);
    expect(
      plan.steps.map((s) => `${s.command} ${s.command === 'updateConfiguration' ? s.params.name : ''}`.trim()),
    ).toEqual(['updateConfiguration ping.timeout', 'updateConfiguration expunge.delay', 'createZone', 'updateZone']);
    expect(plan.warnings).toEqual(['globalConfig[0]: setting workers is not known to this build; skipped']);
  });

  it('rejects a known setting with an invalid value, naming its path', () => {
    const config = parseMarvinConfig(
      JSON.stringify({ zones: [], globalConfig: [{ name: 'ping.interval', value: 'often' }] }),
    ).config;
    expect(() => planImport(config)).toThrow(MarvinConfigError);
    expect(() => planImport(config)).toThrow(
      'globalConfig[0].value: Invalid value for configuration ping.interval: "often" is not an integer',
    );
  });

  it('skips what this build cannot do, with warnings', () => {
    const config = parseMarvinConfig(
      JSON.stringify({
        zones: [
          {
            name: 'sg',
            networktype: 'Advanced',
            securitygroupenabled: 'true',
            guestcidraddress: '10.1.1.0/24',
            enabled: 'false',
            physical_networks: [
              {
                name: 'pn',
                providers: [
                  { name: 'Netscaler', devices: [{ username: 'x' }] },
                  { name: 'securitygroupprovider' },
                  { name: 'ConfigDrive' },
                ],
              },
            ],
            ipranges: [
              { gateway: '10.147.31.1', netmask: '255.255.255.0', startip: '10.147.31.150', endip: '10.147.31.159' },
            ],
          },
        ],
      }),
    ).config;
    const plan = planImport(config);
    expect(plan.steps[0]!.params).not.toHaveProperty('guestcidraddress');
    expect(commands(plan.steps)).toEqual([
      'createZone',
      'createPhysicalNetwork',
      'updatePhysicalNetwork',
      'listNetworkServiceProviders',
      'updateNetworkServiceProvider',
    ]);
    expect(plan.steps[3]!.params).toMatchObject({ name: 'SecurityGroupProvider' });
    expect(plan.warnings).toEqual([
      'zones[0].physical_networks[0].providers[0]: network service provider Netscaler is not supported by this build; skipped',
      'zones[0].physical_networks[0].providers[2]: Marvin does not configure ConfigDrive; it is left as created',
      'zones[0].ipranges[0]: the shared security-group network of an Advanced zone is not created by this build; range ignored',
      'zones[0].enabled: false; the zone is left Disabled',
    ]);
  });

  it('moves zone-scoped storage found in a cluster after the clusters, with the cluster hypervisor', () => {
    const config = parseMarvinConfig(
      JSON.stringify({
        zones: [
          {
            name: 'z',
            networktype: 'Basic',
            pods: [
              {
                name: 'p',
                gateway: '10.0.0.1',
                netmask: '255.255.255.0',
                startip: '10.0.0.10',
                clusters: [
                  {
                    clustername: 'c',
                    hypervisor: 'KVM',
                    primaryStorages: [{ name: 'wide', url: 'nfs://n/w', scope: 'zone' }],
                  },
                ],
              },
            ],
            ipranges: [{ gateway: '10.1.0.1', netmask: '255.255.255.0', startip: '10.1.0.10' }],
          },
        ],
      }),
    ).config;
    const plan = planImport(config);
    expect(commands(plan.steps)).toEqual(['createZone', 'createPod', 'addCluster', 'createStoragePool', 'updateZone']);
    expect(shown(plan.steps, 'createStoragePool:zones[0].pods[0].clusters[0].primaryStorages[0]')).toEqual({
      zoneid: '{{zones[0]}}',
      scope: 'zone',
      hypervisor: 'KVM',
      name: 'wide',
      url: 'nfs://n/w',
    });
    expect(plan.warnings).toEqual([
      'zones[0].ipranges[0]: a Basic zone without Public traffic has no public ranges; ignored',
    ]);
  });

  it('plans a generated 1,000-host description', () => {
    const text = generateAdvancedConfigText({ clusters: 50, hostsPerCluster: 20, poolsPerCluster: 2 });
    const plan = planImport(parseMarvinConfig(text).config);
    expectRefsResolve(plan.steps);
    expect(plan.totals).toMatchObject({
      zones: 1,
      pods: 1,
      clusters: 50,
      hosts: 1000,
      storagepools: 100,
      imagestores: 1,
    });
    expect(plan.steps.filter((s) => s.command === 'addHost')).toHaveLength(1000);
    const urls = plan.steps.flatMap((s) => (s.command === 'createStoragePool' ? [s.params.url] : []));
    expect(new Set(urls).size).toBe(100);
  });

  it('masks secrets in displayed parameters', () => {
    const config = parseMarvinConfig(
      JSON.stringify({
        zones: [
          {
            name: 'z',
            networktype: 'Advanced',
            secondaryStorages: [
              { url: 'smb://user:pa55@host/share', provider: 'SMB', details: { user: 'u', password: 'p' } },
              { url: 's3://bucket', provider: 'S3', details: { accesskey: 'AKIA', secretkey: 'very-secret' } },
            ],
          },
        ],
      }),
    ).config;
    const [smb, s3] = planImport(config).steps.filter((s) => s.command === 'addImageStore');
    expect(displayParams(smb!)).toEqual({
      zoneid: '{{zones[0]}}',
      url: 'smb://user:******@host/share',
      provider: 'SMB',
      'details[0].key': 'user',
      'details[0].value': 'u',
      'details[1].key': 'password',
      'details[1].value': '******',
    });
    // Object stores serve the region: no zone.
    expect(displayParams(s3!)).toEqual({
      url: 's3://bucket',
      provider: 'S3',
      'details[0].key': 'accesskey',
      'details[0].value': 'AKIA',
      'details[1].key': 'secretkey',
      'details[1].value': '******',
    });
  });
});
