import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAdvancedConfigText } from '../../../test/fixtures/marvin/generate';
import { MarvinConfigError, parseMarvinConfig } from './marvin-config';
import { displayParams, maskUrlCredentials, planImport, type PlanStep } from './plan';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/marvin');
const planOf = (name: string) =>
  planImport(parseMarvinConfig(fs.readFileSync(path.join(FIXTURES, name), 'utf8')).config);
const commands = (steps: PlanStep[]) => steps.map((s) => s.command);

/** Every reference a step uses was produced by an earlier step. */
function expectRefsResolve(steps: PlanStep[]) {
  const produced = new Set<string>();
  for (const step of steps) {
    for (const ref of Object.values(step.refs)) expect(produced.has(ref), `${step.label} needs ${ref}`).toBe(true);
    if (step.produces) {
      expect(produced.has(step.produces), `${step.produces} produced twice`).toBe(false);
      produced.add(step.produces);
    }
  }
}

describe('datacenter import plan', () => {
  it("orders the basic zone's calls as Marvin does", () => {
    const plan = planOf('basic.cfg');
    expect(commands(plan.steps)).toEqual([
      'updateConfiguration',
      'createZone',
      'createPhysicalNetwork',
      'addTrafficType',
      'addTrafficType',
      'listNetworkServiceProviders',
      'listVirtualRouterElements',
      'configureVirtualRouterElement',
      'updateNetworkServiceProvider',
      'listNetworkServiceProviders',
      'updateNetworkServiceProvider',
      'updatePhysicalNetwork',
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
    expect(plan.totals).toMatchObject({
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

    const zone = plan.steps[1]!;
    expect(zone.params).toEqual({
      name: 'yard-basic',
      networktype: 'Basic',
      dns1: '192.0.2.53',
      internaldns1: '10.20.0.53',
      securitygroupenabled: 'true',
    });
    expect(zone.produces).toBe('zones[0]');
    const guestRange = plan.steps.find((s) => s.command === 'createVlanIpRange')!;
    expect(guestRange.params).toEqual({
      forvirtualnetwork: 'false',
      gateway: '198.51.100.1',
      netmask: '255.255.255.0',
      startip: '198.51.100.10',
      endip: '198.51.100.200',
    });
    expect(guestRange.refs).toEqual({ zoneid: 'zones[0]', podid: 'zones[0].pods[0]' });
    const host = plan.steps.find((s) => s.command === 'addHost')!;
    expect(host.params).toEqual({
      hypervisor: 'Simulator',
      url: 'http://sim/yard-basic/c1/h1',
      username: 'root',
      password: 's1mulated!',
    });
    expect(host.refs).toEqual({
      zoneid: 'zones[0]',
      podid: 'zones[0].pods[0]',
      clusterid: 'zones[0].pods[0].clusters[0]',
    });
    expect(host.label).toBe(
      'Add host http://sim/yard-basic/c1/h1 to cluster yard-basic-c1 (zones[0].pods[0].clusters[0].hosts[0])',
    );
    expect(plan.steps.at(-1)).toMatchObject({
      command: 'updateZone',
      params: { allocationstate: 'Enabled' },
      refs: { id: 'zones[0]' },
    });
  });

  it('plans the advanced zone: VLAN range, public range, router providers, zone-wide storage', () => {
    const plan = planOf('advanced.cfg');
    expectRefsResolve(plan.steps);
    expect(plan.totals).toMatchObject({
      zones: 1,
      pods: 1,
      clusters: 2,
      hosts: 3,
      storagepools: 3,
      imagestores: 1,
      vlanipranges: 1,
    });
    expect(plan.steps[0]).toMatchObject({
      command: 'updateConfiguration',
      params: { name: 'storage.overprovisioning.factor', value: '3' },
    });
    const zone = plan.steps.find((s) => s.command === 'createZone')!;
    expect(zone.params).toMatchObject({ guestcidraddress: '10.31.0.0/16', domain: 'yard.example', dns2: '192.0.2.54' });
    expect(plan.steps.find((s) => s.command === 'createPhysicalNetwork')!.params).toEqual({
      name: 'yard-adv-pnet',
      isolationmethods: 'VLAN',
      tags: 'yard-pnet',
    });
    const traffic = plan.steps.filter((s) => s.command === 'addTrafficType').map((s) => s.params);
    expect(traffic).toEqual([
      { traffictype: 'Guest' },
      { traffictype: 'Management', kvmnetworklabel: 'cloudbr0' },
      { traffictype: 'Public', kvmnetworklabel: 'cloudbr1' },
    ]);
    // Routers: element enabled then provider; InternalLbVm: provider only, with a warning.
    const providerSteps = plan.steps
      .filter((s) => /NetworkServiceProvider|VirtualRouterElement/.test(s.command))
      .map((s) => `${s.command} ${s.params.name ?? ''}`.trim());
    expect(providerSteps).toEqual([
      'listNetworkServiceProviders VirtualRouter',
      'listVirtualRouterElements',
      'configureVirtualRouterElement',
      'updateNetworkServiceProvider',
      'listNetworkServiceProviders VpcVirtualRouter',
      'listVirtualRouterElements',
      'configureVirtualRouterElement',
      'updateNetworkServiceProvider',
      'listNetworkServiceProviders InternalLbVm',
      'updateNetworkServiceProvider',
    ]);
    expect(plan.steps.find((s) => s.command === 'updatePhysicalNetwork')!.params).toEqual({
      state: 'Enabled',
      vlan: '2000-2099',
    });
    const publicRange = plan.steps.find((s) => s.command === 'createVlanIpRange')!;
    expect(publicRange.params).toEqual({
      forvirtualnetwork: 'true',
      vlan: '300',
      gateway: '203.0.113.1',
      netmask: '255.255.255.0',
      startip: '203.0.113.10',
      endip: '203.0.113.100',
    });
    expect(publicRange.refs).toEqual({ zoneid: 'zones[0]', physicalnetworkid: 'zones[0].physical_networks[0]' });
    const pools = plan.steps.filter((s) => s.command === 'createStoragePool');
    expect(pools.map((p) => [p.params, p.refs])).toEqual([
      [
        { name: 'yard-adv-c1-ps1', url: 'nfs://10.30.9.5:/export/yard/adv/c1/primary1' },
        { zoneid: 'zones[0]', podid: 'zones[0].pods[0]', clusterid: 'zones[0].pods[0].clusters[0]' },
      ],
      [
        { name: 'yard-adv-c2-ps1', url: 'nfs://10.30.9.5:/export/yard/adv/c2/primary1', tags: 'fast' },
        { zoneid: 'zones[0]', podid: 'zones[0].pods[0]', clusterid: 'zones[0].pods[0].clusters[1]' },
      ],
      [
        {
          name: 'yard-adv-zone-ps',
          url: 'nfs://10.30.9.6:/export/yard/adv/zonewide',
          scope: 'zone',
          hypervisor: 'Simulator',
        },
        { zoneid: 'zones[0]' },
      ],
    ]);
    expect(plan.steps.find((s) => s.command === 'addImageStore')!.params).toEqual({
      name: 'yard-adv-sec',
      url: 'nfs://10.30.9.5:/export/yard/adv/secondary',
      provider: 'NFS',
    });
    // Pods (with their clusters, hosts and storage) come before the public range, storage last, then enable.
    const order = commands(plan.steps);
    expect(order.indexOf('createPod')).toBeLessThan(order.indexOf('createVlanIpRange'));
    expect(order.lastIndexOf('addHost')).toBeLessThan(order.indexOf('createVlanIpRange'));
    expect(order.indexOf('createVlanIpRange')).toBeLessThan(order.indexOf('addImageStore'));
    expect(order.at(-1)).toBe('updateZone');
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
    expect(plan.steps.map((s) => `${s.command} ${s.params.name ?? ''}`.trim())).toEqual([
      'updateConfiguration ping.timeout',
      'updateConfiguration expunge.delay',
      'createZone z',
      'updateZone',
    ]);
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
                providers: [{ name: 'Netscaler', devices: [{ username: 'x' }] }, { name: 'securitygroupprovider' }],
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
    expect(plan.steps.find((s) => s.command === 'createZone')!.params.guestcidraddress).toBeUndefined();
    expect(commands(plan.steps)).toEqual([
      'createZone',
      'createPhysicalNetwork',
      'listNetworkServiceProviders',
      'updateNetworkServiceProvider',
      'updatePhysicalNetwork',
    ]);
    expect(plan.steps[2]!.params).toEqual({ name: 'SecurityGroupProvider' });
    expect(plan.warnings).toEqual([
      'zones[0].physical_networks[0].providers[0]: network service provider Netscaler is not supported by this build; skipped',
      'zones[0].ipranges[0]: the shared security-group network of an Advanced zone is not created by this build; range ignored',
      'zones[0].enabled: false; the zone is left Disabled',
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
    expect(new Set(plan.steps.filter((s) => s.command === 'createStoragePool').map((s) => s.params.url)).size).toBe(
      100,
    );
  });

  it('masks secrets and shows references in displayed parameters', () => {
    const step: PlanStep = {
      command: 'addHost',
      params: { url: 'http://sim/h1', username: 'root', password: 'hunter2' },
      refs: { clusterid: 'zones[0].pods[0].clusters[0]' },
      label: 'x',
    };
    expect(displayParams(step)).toEqual({
      url: 'http://sim/h1',
      username: 'root',
      password: '******',
      clusterid: '{{zones[0].pods[0].clusters[0]}}',
    });
    const store: PlanStep = {
      command: 'addImageStore',
      params: {
        url: 's3://bucket',
        'details[0].key': 'accesskey',
        'details[0].value': 'AKIA',
        'details[1].key': 'secretkey',
        'details[1].value': 'very-secret',
      },
      refs: {},
      label: 'x',
    };
    expect(displayParams(store)).toMatchObject({ 'details[0].value': 'AKIA', 'details[1].value': '******' });
    expect(maskUrlCredentials('smb://user:pa55@host/share')).toBe('smb://user:******@host/share');
    expect(maskUrlCredentials('nfs://10.0.0.1:/export')).toBe('nfs://10.0.0.1:/export');
  });
});
