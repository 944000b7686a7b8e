import { describe, expect, it } from 'vitest';
import {
  displayParams,
  idFromAnswer,
  maskUrlCredentials,
  MissingReferenceError,
  resolveParams,
  wireParams,
  type CallOf,
} from './calls';

const host: CallOf<'addHost'> = {
  key: 'addHost:h1',
  command: 'addHost',
  params: {
    zoneid: { ref: 'zone', kind: 'zone' },
    podid: { ref: 'pod', kind: 'pod' },
    clusterid: { ref: 'cluster', kind: 'cluster' },
    hypervisor: 'Simulator',
    url: 'http://sim/c0/h0',
    username: 'root',
    password: 'S3cret-pw',
    hosttags: 'ssd',
  },
  label: 'Add host http://sim/c0/h0 to cluster c (h1)',
};

const ids: Record<string, string> = { zone: 'z-1', pod: 'p-1', cluster: 'c-1' };

describe('references', () => {
  it('resolves references from produced ids and names the one missing', () => {
    expect(resolveParams(host, (ref) => ids[ref])).toEqual({
      zoneid: 'z-1',
      podid: 'p-1',
      clusterid: 'c-1',
      hypervisor: 'Simulator',
      url: 'http://sim/c0/h0',
      username: 'root',
      password: 'S3cret-pw',
      hosttags: 'ssd',
    });
    const missing = (() => {
      try {
        resolveParams(host, (ref) => (ref === 'cluster' ? undefined : ids[ref]));
      } catch (error) {
        return error;
      }
    })();
    expect(missing).toBeInstanceOf(MissingReferenceError);
    expect((missing as MissingReferenceError).ref).toBe('cluster');
    expect((missing as Error).message).toBe(
      'Add host http://sim/c0/h0 to cluster c (h1) needs cluster, which no earlier call produced',
    );
  });

  it('reads ids from objects, lists, job results and bare entities', () => {
    expect(idFromAnswer('createZone', { zone: { id: 'z' } })).toBe('z');
    expect(idFromAnswer('addHost', { count: 1, host: [{ id: 'h' }, { id: 'h2' }] })).toBe('h');
    expect(idFromAnswer('createPhysicalNetwork', { physicalnetwork: { id: 'p' } })).toBe('p');
    expect(idFromAnswer('createVlanIpRange', { vlan: { id: 'v', vlan: 'vlan://300' } })).toBe('v');
    expect(idFromAnswer('listNetworkServiceProviders', { count: 0 })).toBeUndefined();
    expect(idFromAnswer('listNetworkServiceProviders', {})).toBeUndefined();
    expect(idFromAnswer('addCluster', [{ id: 'c' }])).toBe('c');
    expect(idFromAnswer('createPod', { id: 'p', name: 'x' })).toBe('p');
    expect(idFromAnswer('addCluster', [])).toBeUndefined();
    expect(idFromAnswer('deleteZone', { success: true })).toBeUndefined();
    expect(idFromAnswer('createZone', undefined)).toBeUndefined();
  });
});

describe('parameters as text', () => {
  it('masks passwords and shows references until they are resolved', () => {
    const shown = displayParams(host, '••••••••');
    const byName = Object.fromEntries(shown.map((p) => [p.name, p.value]));
    expect(byName['password']).toBe('••••••••');
    expect(shown.find((p) => p.name === 'password')!.secret).toBe(true);
    expect(byName['zoneid']).toEqual({ ref: 'zone', kind: 'zone' });
    expect(byName['url']).toBe('http://sim/c0/h0');
    expect(JSON.stringify(shown)).not.toContain('S3cret-pw');
    expect(shown.map((p) => p.name)).toEqual(Object.keys(host.params));
  });

  it('masks secret details and credentials in URLs, in wire names', () => {
    const store: CallOf<'addImageStore'> = {
      key: 'addImageStore:s',
      command: 'addImageStore',
      params: {
        url: 'smb://user:pa55@host/share',
        provider: 'SMB',
        details: [
          { key: 'accesskey', value: 'AKIA' },
          { key: 'secretkey', value: 'very-secret' },
        ],
      },
      label: 's',
    };
    expect(displayParams(store, '******').map((p) => [p.name, p.value])).toEqual([
      ['url', 'smb://user:******@host/share'],
      ['provider', 'SMB'],
      ['details[0].key', 'accesskey'],
      ['details[0].value', 'AKIA'],
      ['details[1].key', 'secretkey'],
      ['details[1].value', '******'],
    ]);
    expect(maskUrlCredentials('nfs://10.0.0.1:/export', '******')).toBe('nfs://10.0.0.1:/export');
  });

  it('writes parameters as CloudStack reads them', () => {
    expect(
      wireParams({
        id: 'x',
        enabled: true,
        pagesize: 50,
        tags: ['a', 'b'],
        details: [{ key: 'k', value: 'v' }],
        gone: undefined,
      }),
    ).toEqual({
      id: 'x',
      enabled: 'true',
      pagesize: '50',
      tags: 'a,b',
      'details[0].key': 'k',
      'details[0].value': 'v',
    });
  });
});
