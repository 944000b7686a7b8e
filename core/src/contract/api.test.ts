import { describe, expect, it } from 'vitest';
import { entityOf, type Host, type Zone } from './api';

describe('entityOf', () => {
  it('reads the object of an object command and the first item of a list command', () => {
    const zone = { id: 'z', name: 'zone-1' } as Zone;
    expect(entityOf('updateZone', { zone })).toBe(zone);
    const host = { id: 'h1' } as Host;
    expect(entityOf('addHost', { count: 2, host: [host, { id: 'h2' } as Host] })).toBe(host);
    expect(entityOf('listHosts', {})).toBeUndefined();
  });

  it('gives nothing for commands that answer no entity, or no answer', () => {
    expect(entityOf('deleteZone', { success: true })).toBeUndefined();
    expect(entityOf('updateZone', undefined)).toBeUndefined();
  });
});
