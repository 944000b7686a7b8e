/**
 * Undoing a partial apply: the calls that delete what a zone plan created, innermost first
 * (image stores ... the zone), so each deletion finds its children already gone.
 */
import { isLookup, type CallOf, type Ref, type RefKind } from './calls';

type ResourceKind = Exclude<RefKind, 'provider' | 'vrElement'>;

export type DiscardCommand =
  | 'deleteImageStore'
  | 'deleteStoragePool'
  | 'deleteHost'
  | 'deleteCluster'
  | 'deleteVlanIpRange'
  | 'deletePod'
  | 'deletePhysicalNetwork'
  | 'deleteZone';

export type DiscardCall = { [C in DiscardCommand]: CallOf<C> }[DiscardCommand];

/** Deletion order: the reverse of creation. */
const DISCARD_ORDER: readonly ResourceKind[] = [
  'imageStore',
  'storagePool',
  'host',
  'cluster',
  'vlan',
  'pod',
  'physicalNetwork',
  'zone',
];

const WHAT: Record<ResourceKind, string> = {
  imageStore: 'secondary storage',
  storagePool: 'primary storage',
  host: 'host',
  cluster: 'cluster',
  vlan: 'IP range',
  pod: 'pod',
  physicalNetwork: 'physical network',
  zone: 'zone',
};

function deleteCall(kind: ResourceKind, ref: Ref, label: string): DiscardCall {
  const id = ref;
  switch (kind) {
    case 'imageStore':
      return { key: ref.ref, command: 'deleteImageStore', params: { id }, label };
    // CloudStack deletes a pool in maintenance, or any pool with forced=true.
    case 'storagePool':
      return { key: ref.ref, command: 'deleteStoragePool', params: { id, forced: true }, label };
    // A host leaves without maintenance only when forced.
    case 'host':
      return { key: ref.ref, command: 'deleteHost', params: { id, forced: true }, label };
    case 'cluster':
      return { key: ref.ref, command: 'deleteCluster', params: { id }, label };
    case 'vlan':
      return { key: ref.ref, command: 'deleteVlanIpRange', params: { id }, label };
    case 'pod':
      return { key: ref.ref, command: 'deletePod', params: { id }, label };
    case 'physicalNetwork':
      return { key: ref.ref, command: 'deletePhysicalNetwork', params: { id }, label };
    case 'zone':
      return { key: ref.ref, command: 'deleteZone', params: { id }, label };
  }
}

export interface Created {
  ref: string;
  kind: RefKind;
  /** What the operator calls it (zone name, host URL ...). */
  label?: string;
}

/**
 * The calls that delete what was created (given in creation order): by kind innermost first,
 * newest first within a kind; look-ups are skipped. Each call's key is the reference it deletes.
 */
export function discardPlan(created: readonly Created[]): DiscardCall[] {
  const calls: DiscardCall[] = [];
  for (const kind of DISCARD_ORDER) {
    const ofKind = created.filter((c) => c.kind === kind && !isLookup(c.kind)).reverse();
    for (const c of ofKind) {
      calls.push(deleteCall(kind, { ref: c.ref, kind }, `Delete ${WHAT[kind]} ${c.label ?? c.ref} (${c.ref})`));
    }
  }
  return calls;
}

/** The resources of `created`, leaving out look-ups (providers, router elements). */
export function resourcesOf<T extends { kind: RefKind }>(created: readonly T[]): T[] {
  return created.filter((c) => !isLookup(c.kind));
}
