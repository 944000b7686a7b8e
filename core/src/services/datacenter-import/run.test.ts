import { describe, expect, it } from 'vitest';
import { emptyCounts, type ImportPlan, type PlanStep } from './plan';
import { ProgressThrottle, resolveParams, resultId, runPlan, StepFailure, type StepResult } from './run';

function plan(steps: PlanStep[]): ImportPlan {
  return { steps, warnings: [], zones: [{ name: 'z', ref: 'zones[0]' }], totals: emptyCounts() };
}

const STEPS: PlanStep[] = [
  { command: 'createZone', params: { name: 'z' }, refs: {}, label: 'zone', produces: 'zones[0]', counts: 'zones' },
  {
    command: 'createPod',
    params: { name: 'p' },
    refs: { zoneid: 'zones[0]' },
    label: 'pod',
    produces: 'zones[0].pods[0]',
    counts: 'pods',
  },
  {
    command: 'addCluster',
    params: { clustername: 'c' },
    refs: { zoneid: 'zones[0]', podid: 'zones[0].pods[0]' },
    label: 'cluster',
    produces: 'c',
    counts: 'clusters',
  },
  { command: 'updateZone', params: { allocationstate: 'Enabled' }, refs: { id: 'zones[0]' }, label: 'enable' },
];

describe('datacenter import runner', () => {
  it('runs steps in order and substitutes produced ids', async () => {
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
      ['createZone', { name: 'z' }],
      ['createPod', { name: 'p', zoneid: 'zone-uuid' }],
      ['addCluster', { clustername: 'c', zoneid: 'zone-uuid', podid: 'pod-uuid' }],
      ['updateZone', { allocationstate: 'Enabled', id: 'zone-uuid' }],
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

  it('fails a step whose result has no id when a later step needs one', async () => {
    const error = await runPlan(plan(STEPS.slice(0, 1)), {
      invoke: async () => ({ kind: 'list', items: [] }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailure);
    expect(((error as StepFailure).cause as Error).message).toBe('createZone returned an empty list');
  });

  it('reads ids from objects and lists', () => {
    expect(resultId({ kind: 'object', value: { id: 'a' } })).toBe('a');
    expect(resultId({ kind: 'list', items: [{ id: 'b' }, { id: 'c' }] })).toBe('b');
    expect(resultId({ kind: 'list', items: [] })).toBeUndefined();
    expect(resultId({ kind: 'success' })).toBeUndefined();
    expect(() => resolveParams(STEPS[1]!, new Map())).toThrow(/needs zones\[0\]/);
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
