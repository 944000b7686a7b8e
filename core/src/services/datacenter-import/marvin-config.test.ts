import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAdvancedConfigText } from '../../../test/fixtures/marvin/generate';
import { MarvinConfigError, jsonPath, parseMarvinConfig, stripComments } from './marvin-config';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/marvin');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** A minimal valid description to break in one place per test. */
function minimal(): any {
  return {
    zones: [
      {
        name: 'z1',
        networktype: 'Advanced',
        physical_networks: [{ name: 'pn', traffictypes: [{ typ: 'Guest' }], providers: [{ name: 'VirtualRouter' }] }],
        pods: [
          {
            name: 'p1',
            gateway: '10.0.0.1',
            netmask: '255.255.255.0',
            startip: '10.0.0.10',
            endip: '10.0.0.20',
            clusters: [
              {
                clustername: 'c1',
                hypervisor: 'simulator',
                hosts: [{ url: 'http://sim/h1', username: 'root', password: 'pw' }],
              },
              {
                clustername: 'c2',
                hypervisor: 'simulator',
                hosts: [
                  { url: 'http://sim/h2' },
                  { url: 'http://sim/h3' },
                  { url: 'http://sim/h4' },
                  { url: 'http://sim/h5' },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

function problemsOf(text: string): string[] {
  try {
    parseMarvinConfig(text);
  } catch (error) {
    expect(error).toBeInstanceOf(MarvinConfigError);
    return (error as MarvinConfigError).problems;
  }
  throw new Error('expected the description to be rejected');
}

describe('Marvin datacenter description parser', () => {
  it('strips comment lines but keeps line numbers', () => {
    const text = '# one\n  # two\n{\n "a": "#not a comment"\n}\n';
    expect(stripComments(text)).toBe('\n\n{\n "a": "#not a comment"\n}\n');
  });

  it('formats JSON paths', () => {
    expect(jsonPath(['zones', 0, 'pods', 1, 'clusters', 2, 'hosts', 3, 'url'])).toBe(
      'zones[0].pods[1].clusters[2].hosts[3].url',
    );
    expect(jsonPath([])).toBe('');
  });

  it('parses the basic fixture: strings for booleans, defaults, ignored sections', () => {
    const { config, warnings } = parseMarvinConfig(fixture('basic.cfg'));
    expect(config.zones).toHaveLength(1);
    const zone = config.zones[0]!;
    expect(zone.networktype).toBe('Basic');
    expect(zone.securitygroupenabled).toBe(true);
    expect(zone.enabled).toBe(true);
    expect(zone.physical_networks[0]!.isolationmethods).toEqual(['L3']);
    expect(zone.physical_networks[0]!.traffictypes.map((t) => t.typ)).toEqual(['Guest', 'Management']);
    expect(zone.physical_networks[0]!.traffictypes[1]!.kvm).toBe('cloudbr0');
    const pod = zone.pods[0]!;
    expect(pod.guestIpRanges).toEqual([
      { gateway: '198.51.100.1', netmask: '255.255.255.0', startip: '198.51.100.10', endip: '198.51.100.200' },
    ]);
    const cluster = pod.clusters[0]!;
    expect(cluster.hypervisor).toBe('Simulator');
    expect(cluster.clustertype).toBe('CloudManaged');
    expect(cluster.hosts).toHaveLength(2);
    expect(zone.secondaryStorages[0]!.provider).toBe('NFS');
    expect(config.globalConfig).toEqual([
      { name: 'ping.interval', value: '30' },
      { name: 'yard.not.a.setting', value: '42' },
    ]);
    // dbSvr, logger and mgtSvr are Marvin's own: ignored without a word.
    expect(warnings).toEqual([]);
  });

  it('parses the advanced fixture and warns about vmwaredc', () => {
    const { config, warnings } = parseMarvinConfig(fixture('advanced.cfg'));
    const zone = config.zones[0]!;
    expect(zone.securitygroupenabled).toBe(false);
    expect(zone.physical_networks[0]!.vlan).toBe('2000-2099');
    expect(zone.physical_networks[0]!.tags).toEqual(['yard-pnet']);
    expect(zone.ipranges[0]!.vlan).toBe('300');
    expect(zone.pods[0]!.clusters.flatMap((c) => c.hosts)).toHaveLength(3);
    expect(zone.pods[0]!.clusters[1]!.primaryStorages[0]!.tags).toBe('fast');
    expect(zone.primaryStorages[0]!.scope).toBe('zone');
    expect(zone.secondaryStorages[0]!.name).toBe('yard-adv-sec');
    expect(warnings).toEqual(['zones[0].vmwaredc: VMware datacenters are not supported by this build; ignored']);
  });

  it('parses a generated 1,000-host description', () => {
    const { config } = parseMarvinConfig(
      generateAdvancedConfigText({ clusters: 50, hostsPerCluster: 20, poolsPerCluster: 2 }),
    );
    const clusters = config.zones[0]!.pods[0]!.clusters;
    expect(clusters).toHaveLength(50);
    expect(clusters.flatMap((c) => c.hosts)).toHaveLength(1000);
    expect(clusters.flatMap((c) => c.primaryStorages)).toHaveLength(100);
  });

  it('accepts what Marvin writes: nulls for unset attributes, numbers for text, comma lists', () => {
    const d = minimal();
    d.zones[0].dns2 = null;
    d.zones[0].securitygroupenabled = 'FALSE';
    d.zones[0].physical_networks[0].isolationmethods = 'VLAN, VXLAN';
    d.zones[0].physical_networks[0].vlan = 100;
    d.zones[0].ipranges = null;
    d.globalConfig = [{ name: 'ping.interval', value: 10 }];
    const { config } = parseMarvinConfig(JSON.stringify(d));
    expect(config.zones[0]!.dns2).toBeUndefined();
    expect(config.zones[0]!.securitygroupenabled).toBe(false);
    expect(config.zones[0]!.physical_networks[0]!.isolationmethods).toEqual(['VLAN', 'VXLAN']);
    expect(config.zones[0]!.physical_networks[0]!.vlan).toBe('100');
    expect(config.zones[0]!.ipranges).toEqual([]);
    expect(config.globalConfig[0]!.value).toBe('10');
  });

  it('names the JSON path of a missing field', () => {
    const d = minimal();
    delete d.zones[0].pods[0].clusters[1].hosts[3].url;
    expect(problemsOf(JSON.stringify(d))).toEqual(['zones[0].pods[0].clusters[1].hosts[3].url is required']);
    d.zones[0].pods[0].clusters[1].hosts[3].url = '';
    expect(problemsOf(JSON.stringify(d))).toEqual(['zones[0].pods[0].clusters[1].hosts[3].url is required']);
    try {
      parseMarvinConfig(JSON.stringify(d));
    } catch (error) {
      expect((error as Error).message).toBe(
        'Invalid datacenter description: zones[0].pods[0].clusters[1].hosts[3].url is required',
      );
    }
  });

  it('says more than ten problems by the message that counts the rest', () => {
    const error = new MarvinConfigError(Array.from({ length: 12 }, (_, i) => `p${i}`));
    expect(error.message).toBe('Invalid datacenter description: p0; p1; p2; p3; p4; p5; p6; p7; p8; p9 (and 2 more)');
    expect(error.translatable).toEqual({
      key: 'error.datacenterImport.invalidConfigMore',
      params: { problems: 'p0; p1; p2; p3; p4; p5; p6; p7; p8; p9', more: '2' },
    });
  });

  it('reports every problem with its path', () => {
    const d = minimal();
    d.zones[0].networktype = 'Hybrid';
    d.zones[0].pods[0].gateway = '10.0.0.256';
    d.zones[0].pods[0].clusters[0].hypervisor = 'XenServer';
    d.zones[0].physical_networks[0].traffictypes[0].typ = 'Backup';
    d.zones[0].pods[0].clusters = { not: 'a list' };
    d.zones[0].securitygroupenabled = 'maybe';
    const problems = problemsOf(JSON.stringify(d));
    expect(problems).toEqual(
      expect.arrayContaining([
        'zones[0].networktype must be one of Basic, Advanced (found "Hybrid")',
        'zones[0].pods[0].gateway must be an IPv4 address (found "10.0.0.256")',
        'zones[0].physical_networks[0].traffictypes[0].typ must be one of Guest, Management, Public, Storage (found "Backup")',
        'zones[0].pods[0].clusters must be a list (JSON array)',
        'zones[0].securitygroupenabled must be true or false',
      ]),
    );
  });

  it('rejects an unsupported hypervisor with its path', () => {
    const d = minimal();
    d.zones[0].pods[0].clusters[0].hypervisor = 'XenServer';
    expect(problemsOf(JSON.stringify(d))).toEqual([
      'zones[0].pods[0].clusters[0].hypervisor "XenServer" is not a hypervisor this build supports (Simulator, KVM)',
    ]);
  });

  it('rejects text that is not JSON, empty text and non-objects', () => {
    expect(problemsOf('# only a comment\n')).toEqual(['the description is empty']);
    expect(problemsOf('# header\n{ "zones": [ }')[0]).toMatch(/^the description is not valid JSON: /);
    expect(problemsOf('[1, 2]')).toEqual(['the description must be a JSON object with a "zones" list']);
    expect(problemsOf('{"zones": 5}')).toEqual(['zones must be a list (JSON array)']);
  });

  it('warns about sections it ignores', () => {
    const d = minimal();
    d.s3 = { bucket: 'b' };
    d.zones[0].cacheStorages = [{ url: 'nfs://x/y' }];
    d.zones[0].details = [{ key: 'k', value: 'v' }];
    d.zones[0].pods[0].vmwaredc = { name: 'dc' };
    const { warnings } = parseMarvinConfig(JSON.stringify(d));
    expect(warnings).toEqual([
      's3: not supported by this build; ignored',
      'zones[0].cacheStorages: secondary staging stores are not supported by this build; ignored',
      'zones[0].details: zone details are not supported by this build; ignored',
      'zones[0].pods[0].vmwaredc: VMware datacenters are not supported by this build; ignored',
    ]);
  });

  it('reads details in each of the shapes Marvin uses', () => {
    const d = minimal();
    d.zones[0].secondaryStorages = [
      { url: 's3://a', provider: 'S3', details: { accesskey: 'A', secretkey: 'S' } },
      { url: 's3://b', provider: 'S3', details: [{ key: 'bucket', value: 'x' }] },
      { url: 's3://c', provider: 'S3', details: [{ endpoint: 'e' }] },
    ];
    const stores = parseMarvinConfig(JSON.stringify(d)).config.zones[0]!.secondaryStorages;
    expect(stores.map((s) => s.details)).toEqual([
      [
        { key: 'accesskey', value: 'A' },
        { key: 'secretkey', value: 'S' },
      ],
      [{ key: 'bucket', value: 'x' }],
      [{ key: 'endpoint', value: 'e' }],
    ]);
  });
});
