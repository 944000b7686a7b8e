import { describe, expect, it } from 'vitest';
import { computeParams, computeProblems, emptyComputeDraft, type ComputeDraft } from './compute-draft';
import { diskParams, diskProblems, emptyDiskDraft } from './disk-draft';

const ROOT = { domainAdmin: false, account: 'admin' };
const DOMAIN_ADMIN = { domainAdmin: true, account: 'ops' };

const compute = (patch: Partial<ComputeDraft>): ComputeDraft => ({
  ...emptyComputeDraft(false, 'd-root'),
  name: 'small',
  ...patch,
});

describe('the compute offering draft', () => {
  it('sends a fixed size, the chosen options and no scope for a public offering in every zone', () => {
    const draft = compute({ hosttags: ' ssd , , fast ', offerha: true, networkrate: '200' });
    expect(Object.values(computeProblems(draft, ROOT)).every((p) => Object.keys(p).length === 0)).toBe(true);
    expect(computeParams(draft)).toEqual({
      name: 'small',
      displaytext: undefined,
      customized: false,
      cpunumber: 1,
      cpuspeed: 1000,
      memory: 1024,
      storagetype: 'shared',
      provisioningtype: 'thin',
      offerha: true,
      limitcpuuse: undefined,
      isvolatile: undefined,
      hosttags: 'ssd,fast',
      tags: undefined,
      networkrate: 200,
      domainid: undefined,
      zoneid: undefined,
    });
  });

  it('sends the bounds of a constrained custom offering and nothing of a fixed size', () => {
    const params = computeParams(
      compute({ sizeKind: 'constrained', mincpunumber: '2', maxcpunumber: '8', minmemory: '1024', maxmemory: '4096' }),
    );
    expect(params).toMatchObject({ customized: true, cpuspeed: 1000, mincpunumber: 2, maxcpunumber: 8 });
    expect(params).not.toHaveProperty('cpunumber');
    expect(params).not.toHaveProperty('memory');
    const free = computeParams(compute({ sizeKind: 'unconstrained' }));
    expect(free).toMatchObject({ customized: true });
    expect(free.cpuspeed).toBeUndefined();
  });

  it('refuses what createServiceOffering refuses, with the core message keys', () => {
    const reversed = computeProblems(
      compute({ sizeKind: 'constrained', mincpunumber: '8', maxcpunumber: '2', minmemory: '16', maxmemory: '64' }),
      ROOT,
    );
    expect(reversed.size['maxcpunumber']).toEqual({
      server: 'error.serviceOffering.cpuBoundsReversed',
      params: { name: 'small', min: '8', max: '2' },
    });
    expect(reversed.size['minmemory']).toMatchObject({ server: 'error.serviceOffering.badMemory' });
    const partial = computeProblems(compute({ sizeKind: 'constrained', maxmemory: '' }), ROOT);
    expect(partial.size['maxmemory']).toEqual({ ui: 'offerings.error.required' });
    const fixed = computeProblems(compute({ cpunumber: '0', memory: '31', cpuspeed: 'fast' }), ROOT);
    expect(fixed.size['cpunumber']).toMatchObject({ server: 'error.serviceOffering.badCpuNumber' });
    expect(fixed.size['memory']).toMatchObject({ server: 'error.serviceOffering.badMemory' });
    expect(fixed.size['cpuspeed']).toEqual({ ui: 'offerings.error.wholeNumber' });
    const storage = computeProblems(compute({ offerha: true, storagetype: 'local', networkrate: '-1' }), ROOT);
    expect(storage.storage['offerha']).toMatchObject({ server: 'error.serviceOffering.localHa' });
    expect(storage.storage['networkrate']).toMatchObject({ server: 'error.serviceOffering.negativeNetworkRate' });
    expect(computeProblems(compute({ name: '  ' }), ROOT).basics['name']).toEqual({ ui: 'offerings.error.required' });
  });

  it('holds a domain admin to its domains and no tags, as the core does', () => {
    const draft = { ...emptyComputeDraft(true, 'd-ops'), name: 'ops-small' };
    expect(draft.public).toBe(false);
    expect(draft.domainids).toEqual(['d-ops']);
    expect(computeProblems(draft, DOMAIN_ADMIN).scope).toEqual({});
    const wrong = computeProblems({ ...draft, public: true, storagetags: 'ssd' }, DOMAIN_ADMIN);
    expect(wrong.scope['domainids']).toEqual({
      server: 'error.offering.publicByDomainAdmin',
      params: { resource: 'service offering', name: 'ops-small', caller: 'ops' },
    });
    expect(wrong.storage['storagetags']).toMatchObject({ server: 'error.offering.taggedByDomainAdmin' });
    const noZone = computeProblems({ ...draft, allZones: false }, DOMAIN_ADMIN);
    expect(noZone.scope['zoneids']).toEqual({ ui: 'offerings.error.pickZone' });
  });
});

describe('the disk offering draft', () => {
  const disk = { ...emptyDiskDraft(false, 'd-root'), name: 'data' };

  it('sends a fixed size, or customized without one', () => {
    expect(diskParams(disk)).toMatchObject({ name: 'data', customized: false, disksize: 20 });
    const custom = diskParams({ ...disk, customized: true, disksize: '50', displayoffering: false });
    expect(custom).toMatchObject({ customized: true, displayoffering: false });
    expect(custom.disksize).toBeUndefined();
  });

  it('refuses a missing, small or too large size with the core message keys', () => {
    expect(diskProblems({ ...disk, disksize: '' }, ROOT).size['disksize']).toMatchObject({
      server: 'error.diskOffering.sizeRequired',
    });
    expect(diskProblems({ ...disk, disksize: '0' }, ROOT).size['disksize']).toMatchObject({
      server: 'error.diskOffering.sizeTooSmall',
    });
    expect(diskProblems({ ...disk, disksize: '3000' }, ROOT, 2000).size['disksize']).toEqual({
      server: 'error.diskOffering.sizeTooLarge',
      params: { max: '2000' },
    });
    // Without the setting (a domain admin cannot read it) the core alone decides.
    expect(diskProblems({ ...disk, disksize: '3000' }, ROOT).size).toEqual({});
    expect(diskProblems({ ...disk, customized: true, disksize: '' }, ROOT).size).toEqual({});
  });
});
