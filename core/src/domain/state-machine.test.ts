import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { refusalKey, StateMachine, type TransitionEvent } from './state-machine';
import { hostResourceState, hostStatus, STATE_MACHINES, storagePoolState } from './state-machines/index';

describe('state machines as data', () => {
  it('answers the target of an event, or refuses it with a coded domain error', () => {
    const h1 = { kind: 'Host', name: 'h1' } as const;
    expect(hostResourceState.next('Enabled', 'PrepareMaintenance', h1)).toBe('PrepareForMaintenance');
    expect(hostResourceState.target('Maintenance', 'PrepareMaintenance')).toBeUndefined();
    try {
      hostResourceState.next('Maintenance', 'PrepareMaintenance', h1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('HOST.INVALID_TRANSITION');
      expect((error as DomainError).message).toBe('Host h1 cannot prepare maintenance: it is Maintenance');
      expect((error as DomainError).translatable).toEqual({
        key: 'error.transition.prepareMaintenance',
        params: { subject: 'Host', name: 'h1', state: 'Maintenance' },
      });
    }
  });

  it('refuses every event of every table by its own message, in the English the refusals always had', () => {
    // Before the catalogue the text was built as `${subject} cannot ${event in words}: it is ${from}`.
    const inWords = (event: string) => event.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    const subjects = { HOST: 'Host', STORAGE: 'Storage pool', ALLOCATION: 'Zone', JOB: 'Job' } as const;
    for (const machine of STATE_MACHINES) {
      const kind = subjects[machine.code as keyof typeof subjects];
      for (const event of machine.events) {
        // A state no row leaves from: every event is refused.
        let error: unknown;
        try {
          (machine as StateMachine<string, TransitionEvent>).next('Nowhere', event, { kind, name: 'x-1' });
        } catch (e) {
          error = e;
        }
        expect(error, `${machine.name} ${event}`).toBeInstanceOf(DomainError);
        expect((error as DomainError).message).toBe(`${kind} x-1 cannot ${inWords(event)}: it is Nowhere`);
        expect((error as DomainError).translatable).toEqual({
          key: refusalKey(event),
          params: { subject: kind, name: 'x-1', state: 'Nowhere' },
        });
      }
    }
    expect(refusalKey('PingTimeout')).toBe('error.transition.pingTimeout');
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
    const door = new StateMachine<'Open' | 'Closed', 'Disable', { locked: boolean }>({
      name: 'Door',
      code: 'DOOR',
      description: 'test',
      states: ['Open', 'Closed'],
      events: ['Disable'],
      transitions: [{ from: ['Open'], event: 'Disable', to: 'Closed', guard: (c) => !c.locked }],
    });
    expect(door.target('Open', 'Disable', { locked: false })).toBe('Closed');
    expect(door.target('Open', 'Disable', { locked: true })).toBeUndefined();
    expect(
      () =>
        new StateMachine<'A', 'Enable'>({
          name: 'Bad',
          code: 'BAD',
          description: 'test',
          states: ['A'],
          events: ['Enable'],
          transitions: [{ from: ['B' as 'A'], event: 'Enable', to: 'A' }],
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
