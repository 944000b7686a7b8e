import { ALLOCATION_STATES, type AllocationState } from '../../contract/states';
import { StateMachine, type TransitionSubject } from '../state-machine';

export const ALLOCATION_EVENTS = ['Enable', 'Disable'] as const;
export type AllocationEvent = (typeof ALLOCATION_EVENTS)[number];

/**
 * Whether the allocator may place new resources in a zone, pod or cluster (CloudStack's
 * Grouping.AllocationState). A zone starts Disabled, a pod or cluster Enabled (see the initial
 * states below); setting the state it already has is allowed and changes nothing.
 */
export const allocationState = new StateMachine<AllocationState, AllocationEvent>({
  name: 'Zone, pod and cluster allocation state',
  code: 'ALLOCATION',
  description:
    'Whether new resources may be placed in a zone, pod or cluster (allocationstate of updateZone, updatePod, updateCluster).',
  states: ALLOCATION_STATES,
  events: ALLOCATION_EVENTS,
  transitions: [
    { from: ['Enabled', 'Disabled'], event: 'Enable', to: 'Enabled', when: 'allocationstate=Enabled' },
    { from: ['Enabled', 'Disabled'], event: 'Disable', to: 'Disabled', when: 'allocationstate=Disabled' },
  ],
});

/**
 * Where a zone, pod or cluster created without allocationstate starts, as CloudStack has it: a
 * zone stays Disabled until the operator has set it up and enables it (createZone), while pods
 * and clusters are Enabled from the start (HostPodVO and ClusterVO), since the Disabled zone
 * around them already keeps new resources out.
 */
export const INITIAL_ALLOCATION_STATE = {
  Zone: 'Disabled',
  Pod: 'Enabled',
  Cluster: 'Enabled',
} as const satisfies Record<'Zone' | 'Pod' | 'Cluster', AllocationState>;

/** The state a requested allocationstate leads to from the current one (along the table). */
export function allocationChange(
  current: string,
  requested: AllocationState,
  subject: TransitionSubject,
): AllocationState {
  return allocationState.next(current, requested === 'Enabled' ? 'Enable' : 'Disable', subject);
}
