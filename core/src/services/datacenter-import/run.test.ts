import { describe, expect, it } from 'vitest';
import { emptyCounts, type ImportPlan, type PlanStep } from './plan';
import { ProgressThrottle, resolveParams, resultId, runPlan, StepFailure, type StepResult } from './run';

function plan(steps: PlanStep[]): ImportPlan {
  return { steps, warnings: [], zones: [{ name: 'z', ref: 'zones[0]' }], totals: emptyCounts() };
}

const zone = { ref: 'zones[0]', kind: 'zone' } as const;
const pod = { ref: 'zones[0].pods[0]', kind: 'pod' } as const;
const part = (key: string) => ({ kind: 'zone' as const, key });

const STEPS: PlanStep[] = [
  {
    key: 'createZone:z',
    command: 'createZone',
    params: { name: 'z', networktype: 'Advanced', dns1: '8.8.8.8', internaldns1: '10.0.0.1' },
    label: 'zone',
    produces: zone,
    part: part('z'),
  },
  {
    key: 'createPod:p',
    command: 'createPod',
    params: { zoneid: zone, name: 'p', gateway: '10.0.0.1', netmask: '255.255.255.0', startip: '10.0.0.10' },
    label: 'pod',
    produces: pod,
    part: part('p'),
  },
  {
    key: 'addCluster:c',
    command: 'addCluster',
    params: { zoneid: zone, podid: pod, clustername: 'c', hypervisor: 'Simulator' },
    label: 'cluster',
    produces: { ref: 'c', kind: 'cluster' },
    part: part('c'),
  },
  {
    key: 'updateZone:z',
    command: 'updateZone',
    params: { id: zone, allocationstate: 'Enabled' },
    label: 'enable',
    part: part('z'),
  },
];

describe('datacenter import runner', () => {
  it('runs steps in order, in wire form, substituting produced ids', async () => {
    const calls: [string, Record<string, string>][] = [];
    const results: Record<string, StepResult> = {
      createZone: { kind: 'object', value: { id: 'zone-uuid' } },
      createPod: { kind: 'object', value: { id: 'pod-uuid' } },
      addCluster: { kind: 'list', items: [{ id: 'cluster-uuid' }] },
      updateZone: { kind: 'object', value: { id: 'zone-uuid' } },
    };
    const reports: [number, string][] = [];
    const outcome = await runPlan(plan(STEPS), {
      invoke: async (command, params) => {
        calls.push([command, params]);
        return results[command] as StepResult;
      },
      report: async (p, t) => {
        reports.push([p, t]);
      },
    });
    expect(calls).toEqual([
      ['createZone', { name: 'z', networktype: 'Advanced', dns1: '8.8.8.8', internaldns1: '10.0.0.1' }],
      [
        'createPod',
        { zoneid: 'zone-uuid', name: 'p', gateway: '10.0.0.1', netmask: '255.255.255.0', startip: '10.0.0.10' },
      ],
      ['addCluster', { zoneid: 'zone-uuid', podid: 'pod-uuid', clustername: 'c', hypervisor: 'Simulator' }],
      ['updateZone', { id: 'zone-uuid', allocationstate: 'Enabled' }],
    ]);
    expect(outcome.calls).toBe(4);
    expect(outcome.ids.get('c')).toBe('cluster-uuid');
    expect(outcome.created).toMatchObject({ zones: 1, pods: 1, clusters: 1, hosts: 0 });
    expect(reports[0]).toEqual([0, 'Step 1 of 4: zone']);
    expect(reports.at(-1)).toEqual([100, 'Done: 4 steps']);
  });

  it('stops at the first failure and names the step', async () => {
    const invoked: string[] = [];
    const boom = new Error('The pod range overlaps pod p0');
    const error = await runPlan(plan(STEPS), {
      invoke: async (command) => {
        invoked.push(command);
        if (command === 'createPod') throw boom;
        return { kind: 'object', value: { id: `${command}-id` } };
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailure);
    const failure = error as StepFailure;
    expect(failure.index).toBe(2);
    expect(failure.total).toBe(4);
    expect(failure.step.label).toBe('pod');
    expect(failure.cause).toBe(boom);
    expect(failure.done.created.zones).toBe(1);
    expect(invoked).toEqual(['createZone', 'createPod']);
  });

  it('fails a step that produces an id but answers without one', async () => {
    const error = await runPlan(plan(STEPS.slice(0, 1)), {
      invoke: async () => ({ kind: 'list', items: [] }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailure);
    expect(((error as StepFailure).cause as Error).message).toBe('createZone returned an empty list');
  });

  it('reads ids from objects and lists, and names a reference no step produced', () => {
    const [createZone, createPod, addCluster] = STEPS;
    expect(resultId(createZone!, { kind: 'object', value: { id: 'a' } })).toBe('a');
    // An entity with a field named like its response (a VLAN range's `vlan`) is still read right.
    expect(resultId(createZone!, { kind: 'object', value: { id: 'v', zone: 'x' } })).toBe('v');
    expect(resultId(addCluster!, { kind: 'list', items: [{ id: 'b' }, { id: 'c' }] })).toBe('b');
    expect(resultId(addCluster!, { kind: 'list', items: [] })).toBeUndefined();
    expect(resultId(createZone!, { kind: 'success' })).toBeUndefined();
    expect(resultId(createZone!, { kind: 'raw', value: { jobid: 'j', id: 'r' } })).toBe('r');
    expect(() => resolveParams(createPod!, new Map())).toThrow(/needs zones\[0\]/);
  });

  it('continues after the done steps, asks only the first one whether it already took effect, records each', async () => {
    const invoked: [string, Record<string, string>][] = [];
    const asked: string[] = [];
    const recorded: [number, string | undefined][] = [];
    const created = { ...emptyCounts(), zones: 1 };
    const outcome = await runPlan(
      plan(STEPS),
      {
        invoke: async (command, params) => {
          invoked.push([command, params]);
          return { kind: 'object', value: { id: `${command}-id` } };
        },
        // The pod exists already (its command committed, its journal entry did not).
        recognize: async (step) => {
          asked.push(step.command);
          return step.command === 'createPod' ? { id: 'pod-found' } : undefined;
        },
        afterStep: async (done) => {
          recorded.push([done.index, done.id]);
        },
      },
      { done: 1, ids: new Map([['zones[0]', 'zone-uuid']]), created },
    );
    expect(asked).toEqual(['createPod']);
    expect(invoked).toEqual([
      ['addCluster', { zoneid: 'zone-uuid', podid: 'pod-found', clustername: 'c', hypervisor: 'Simulator' }],
      ['updateZone', { id: 'zone-uuid', allocationstate: 'Enabled' }],
    ]);
    expect(recorded).toEqual([
      [1, 'pod-found'],
      [2, 'addCluster-id'],
      [3, undefined],
    ]);
    expect(outcome.calls).toBe(2);
    expect(outcome.created).toMatchObject({ zones: 1, pods: 1, clusters: 1 });
    expect(created.pods).toBe(0);
  });

  it('throttles progress to one report per interval or per whole percent', () => {
    let now = 0;
    const throttle = new ProgressThrottle(() => now, 200);
    expect(throttle.due(0)).toBe(true);
    now = 50;
    expect(throttle.due(0.5)).toBe(false);
    expect(throttle.due(1.2)).toBe(true);
    now = 100;
    expect(throttle.due(1.9)).toBe(false);
    now = 300;
    expect(throttle.due(1.95)).toBe(true);
  });
});
