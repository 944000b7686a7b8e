import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { StateMachine } from './state-machine';
import { hostResourceState, hostStatus, STATE_MACHINES, storagePoolState } from './state-machines/index';

describe('state machines as data', () => {
  it('answers the target of an event, or refuses it with a coded domain error', () => {
    expect(hostResourceState.next('Enabled', 'PrepareMaintenance', 'Host h1')).toBe('PrepareForMaintenance');
    expect(hostResourceState.target('Maintenance', 'PrepareMaintenance')).toBeUndefined();
    try {
      hostResourceState.next('Maintenance', 'PrepareMaintenance', 'Host h1');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('HOST.INVALID_TRANSITION');
      expect((error as DomainError).message).toBe('Host h1 cannot prepare maintenance: it is Maintenance');
    }
  });

  it('moves a silent host Up -> Disconnected -> Alert -> Down and any answer back Up', () => {
    let state: string = 'Up';
    const seen = [state];
    for (;;) {
      const next = hostStatus.target(state, 'PingTimeout');
      if (!next) break;
      state = next;
      seen.push(state);
    }
    expect(seen).toEqual(['Up', 'Disconnected', 'Alert', 'Down']);
    expect(hostStatus.sources('PingAnswered')).toEqual(['Connecting', 'Disconnected', 'Alert', 'Down']);
  });

  it('lists the states an event applies from (what the UI offers, what deletion allows)', () => {
    expect(storagePoolState.sources('Delete')).toEqual(['Maintenance', 'Disabled']);
    expect(hostResourceState.sources('CancelMaintenance')).toEqual([
      'PrepareForMaintenance',
      'Maintenance',
      'ErrorInMaintenance',
    ]);
  });

  it('checks guards, and refuses a table naming a state or event it does not declare', () => {
    const door = new StateMachine<'Open' | 'Closed', 'Close', { locked: boolean }>({
      name: 'Door',
      code: 'DOOR',
      description: 'test',
      states: ['Open', 'Closed'],
      events: ['Close'],
      transitions: [{ from: ['Open'], event: 'Close', to: 'Closed', guard: (c) => !c.locked }],
    });
    expect(door.target('Open', 'Close', { locked: false })).toBe('Closed');
    expect(door.target('Open', 'Close', { locked: true })).toBeUndefined();
    expect(
      () =>
        new StateMachine<'A', 'Go'>({
          name: 'Bad',
          code: 'BAD',
          description: 'test',
          states: ['A'],
          events: ['Go'],
          transitions: [{ from: ['B' as 'A'], event: 'Go', to: 'A' }],
        }),
    ).toThrow(/unknown state B/);
  });

  it('every table only uses its own states and events (constructed at import)', () => {
    expect(STATE_MACHINES.map((m) => m.name)).toEqual([
      'Host status',
      'Host resource state',
      'Storage pool status',
      'Zone, pod and cluster allocation state',
      'Async job state',
    ]);
  });
});
