/**
 * CloudStack event type names (com.cloud.event.EventTypes), grouped by area. listEventTypes
 * reports them all; areas add their group here when they start recording new types. A few
 * Stackyard additions, for operations CloudStack performs without an event, are marked as such.
 */
export const EVENT_TYPE_GROUPS = {
  user: [
    'USER.LOGIN',
    'USER.LOGOUT',
    'USER.CREATE',
    'USER.UPDATE',
    'USER.DELETE',
    'USER.ENABLE',
    'USER.DISABLE',
    'USER.LOCK',
    'USER.MOVE',
    'REGISTER.USER.KEY',
    'DELETE.USER.KEY',
    'REGISTER.SSH.KEYPAIR',
    'REGISTER.USER.DATA',
  ],
  account: ['ACCOUNT.CREATE', 'ACCOUNT.UPDATE', 'ACCOUNT.DELETE', 'ACCOUNT.ENABLE', 'ACCOUNT.DISABLE'],
  domain: ['DOMAIN.CREATE', 'DOMAIN.UPDATE', 'DOMAIN.DELETE', 'DOMAIN.MOVE'],
  role: [
    'ROLE.CREATE',
    'ROLE.UPDATE',
    'ROLE.DELETE',
    'ROLE.IMPORT',
    'ROLE.ENABLE',
    'ROLE.DISABLE',
    'ROLE.PERMISSION.CREATE',
    'ROLE.PERMISSION.UPDATE',
    'ROLE.PERMISSION.DELETE',
  ],
  configuration: ['CONFIGURATION.VALUE.EDIT', 'RESOURCE.LIMIT.UPDATE'],
  /**
   * CloudStack records every updateZone/updatePod as ZONE.EDIT/POD.EDIT, an allocation state change
   * included; Stackyard records that change as ZONE.ENABLE/ZONE.DISABLE and POD.ENABLE/POD.DISABLE
   * (additions) so enabling and disabling read apart in the log.
   */
  zone: [
    'ZONE.CREATE',
    'ZONE.EDIT',
    'ZONE.ENABLE',
    'ZONE.DISABLE',
    'ZONE.DELETE',
    'ZONE.VLAN.ASSIGN',
    'ZONE.VLAN.RELEASE',
  ],
  pod: ['POD.CREATE', 'POD.EDIT', 'POD.ENABLE', 'POD.DISABLE', 'POD.DELETE'],
  /** CLUSTER.CREATE/UPDATE/ENABLE/DISABLE/DELETE are Stackyard additions (CloudStack's addCluster records none). */
  cluster: ['CLUSTER.CREATE', 'CLUSTER.UPDATE', 'CLUSTER.ENABLE', 'CLUSTER.DISABLE', 'CLUSTER.DELETE', 'CLUSTER.DRS'],
  /**
   * HOST.ADD/UPDATE/DELETE, HOST.ENABLE/DISABLE (updateHost's allocationstate Enable/Disable;
   * CloudStack has no event of its own for them) and HOST.STATE.CHANGE (a heartbeat moved the host:
   * Disconnected, Alert, Down, Up again, with the reason) are Stackyard additions; the rest are
   * CloudStack's.
   */
  host: [
    'HOST.ADD',
    'HOST.UPDATE',
    'HOST.ENABLE',
    'HOST.DISABLE',
    'HOST.DELETE',
    'HOST.STATE.CHANGE',
    'HOST.RECONNECT',
    'HOST.DECLARE.DEGRADED',
    'HOST.CANCEL.DEGRADED',
    'MAINT.PREPARE',
    'MAINT.CANCEL',
  ],
  /** STORAGE.POOL.CREATE/DELETE are Stackyard additions. */
  storagePool: [
    'STORAGE.POOL.CREATE',
    'STORAGE.POOL.DELETE',
    'UPDATE.PS',
    'ENABLE.PS',
    'DISABLE.PS',
    'MAINT.PREPARE.PS',
    'MAINT.CANCEL.PS',
    'SYNC.STORAGE.POOL',
  ],
  vlanRange: [
    'VLAN.IP.RANGE.CREATE',
    'VLAN.IP.RANGE.DELETE',
    'VLAN.IP.RANGE.DEDICATE',
    'VLAN.IP.RANGE.RELEASE',
    'VLAN.IP.RANGE.UPDATE',
  ],
  physicalNetwork: [
    'PHYSICAL.NETWORK.CREATE',
    'PHYSICAL.NETWORK.UPDATE',
    'PHYSICAL.NETWORK.DELETE',
    'TRAFFIC.TYPE.CREATE',
    'TRAFFIC.TYPE.UPDATE',
    'TRAFFIC.TYPE.DELETE',
    'SERVICE.PROVIDER.CREATE',
    'SERVICE.PROVIDER.UPDATE',
    'SERVICE.PROVIDER.DELETE',
    'NETWORK.ELEMENT.CONFIGURE',
  ],
  /** IMAGE.STORE.ADD/DELETE are Stackyard additions. */
  imageStore: ['IMAGE.STORE.ADD', 'IMAGE.STORE.DELETE', 'IMAGE.STORE.MIGRATE.DATA'],
  /** DATACENTER.IMPORT(.ROLLBACK) and SIMULATOR.MOCK.* are Stackyard additions. */
  simulator: ['DATACENTER.IMPORT', 'DATACENTER.IMPORT.ROLLBACK', 'SIMULATOR.MOCK.CONFIGURE', 'SIMULATOR.MOCK.CLEANUP'],
  vm: [
    'VM.CREATE',
    'VM.START',
    'VM.STOP',
    'VM.REBOOT',
    'VM.DESTROY',
    'VM.EXPUNGE',
    'VM.RECOVER',
    'VM.MIGRATE',
    'VM.UPDATE',
    'VM.UPGRADE',
    'VM.DYNAMIC.SCALE',
    'VM.RESETPASSWORD',
    'VM.RESETSSHKEY',
    'VM.RESETUSERDATA',
    'VM.RESTORE',
    'VM.MOVE',
    'VM.IMPORT',
    'VM.UNMANAGE',
  ],
  vmSnapshot: ['VMSNAPSHOT.CREATE', 'VMSNAPSHOT.DELETE', 'VMSNAPSHOT.REVERTTO'],
  router: [
    'ROUTER.CREATE',
    'ROUTER.START',
    'ROUTER.STOP',
    'ROUTER.REBOOT',
    'ROUTER.DESTROY',
    'ROUTER.UPGRADE',
    'ROUTER.HA',
  ],
  systemVm: [
    'SSVM.CREATE',
    'SSVM.START',
    'SSVM.STOP',
    'SSVM.REBOOT',
    'SSVM.DESTROY',
    'PROXY.CREATE',
    'PROXY.START',
    'PROXY.STOP',
    'PROXY.REBOOT',
    'PROXY.DESTROY',
    'VNC.CONNECT',
    'VNC.DISCONNECT',
  ],
  volume: [
    'VOLUME.CREATE',
    'VOLUME.DELETE',
    'VOLUME.ATTACH',
    'VOLUME.DETACH',
    'VOLUME.RESIZE',
    'VOLUME.MIGRATE',
    'VOLUME.UPLOAD',
    'VOLUME.EXTRACT',
    'VOLUME.UPDATE',
    'VOLUME.DESTROY',
    'VOLUME.RECOVER',
    'VOLUME.CHANGE.DISK.OFFERING',
  ],
  snapshot: [
    'SNAPSHOT.CREATE',
    'SNAPSHOT.DELETE',
    'SNAPSHOT.REVERT',
    'SNAPSHOT.COPY',
    'SNAPSHOTPOLICY.CREATE',
    'SNAPSHOTPOLICY.UPDATE',
    'SNAPSHOTPOLICY.DELETE',
  ],
  template: [
    'TEMPLATE.CREATE',
    'TEMPLATE.UPDATE',
    'TEMPLATE.DELETE',
    'TEMPLATE.DOWNLOAD.START',
    'TEMPLATE.DOWNLOAD.SUCCESS',
    'TEMPLATE.DOWNLOAD.FAILED',
    'TEMPLATE.COPY',
    'TEMPLATE.EXTRACT',
    'TEMPLATE.UPLOAD',
    'TEMPLATE.CLEANUP',
  ],
  iso: ['ISO.CREATE', 'ISO.UPDATE', 'ISO.DELETE', 'ISO.COPY', 'ISO.ATTACH', 'ISO.DETACH', 'ISO.EXTRACT', 'ISO.UPLOAD'],
  serviceOffering: ['SERVICE.OFFERING.CREATE', 'SERVICE.OFFERING.EDIT', 'SERVICE.OFFERING.DELETE'],
  diskOffering: ['DISK.OFFERING.CREATE', 'DISK.OFFERING.EDIT', 'DISK.OFFERING.DELETE'],
  networkOffering: ['NETWORK.OFFERING.CREATE', 'NETWORK.OFFERING.EDIT', 'NETWORK.OFFERING.DELETE'],
  network: [
    'NETWORK.CREATE',
    'NETWORK.UPDATE',
    'NETWORK.DELETE',
    'NETWORK.RESTART',
    'NET.IPASSIGN',
    'NET.IPRELEASE',
    'NET.RULEADD',
    'NET.RULEDELETE',
    'NET.RULEMODIFY',
    'STATICNAT.ENABLE',
    'STATICNAT.DISABLE',
    'NIC.CREATE',
    'NIC.DELETE',
    'NIC.UPDATE',
  ],
  firewall: [
    'FIREWALL.OPEN',
    'FIREWALL.CLOSE',
    'FIREWALL.UPDATE',
    'FIREWALL.EGRESS.OPEN',
    'FIREWALL.EGRESS.CLOSE',
    'FIREWALL.EGRESS.UPDATE',
  ],
  loadBalancer: [
    'LB.CREATE',
    'LB.UPDATE',
    'LB.DELETE',
    'LB.ASSIGN.TO.RULE',
    'LB.REMOVE.FROM.RULE',
    'LB.STICKINESSPOLICY.CREATE',
    'LB.STICKINESSPOLICY.DELETE',
    'LB.HEALTHCHECKPOLICY.CREATE',
    'LB.HEALTHCHECKPOLICY.DELETE',
  ],
  vpc: [
    'VPC.CREATE',
    'VPC.UPDATE',
    'VPC.DELETE',
    'VPC.RESTART',
    'NETWORK.ACL.CREATE',
    'NETWORK.ACL.DELETE',
    'NETWORK.ACL.ITEM.CREATE',
    'NETWORK.ACL.ITEM.UPDATE',
    'NETWORK.ACL.ITEM.DELETE',
  ],
  vpn: ['VPN.REMOTE.ACCESS.CREATE', 'VPN.REMOTE.ACCESS.DESTROY', 'VPN.USER.ADD', 'VPN.USER.REMOVE'],
  securityGroup: [
    'SG.CREATE',
    'SG.DELETE',
    'SG.AUTH.INGRESS',
    'SG.REVOKE.INGRESS',
    'SG.AUTH.EGRESS',
    'SG.REVOKE.EGRESS',
  ],
  affinityGroup: ['AG.CREATE', 'AG.DELETE', 'AG.ASSIGN', 'AG.REMOVE'],
  tags: ['CREATE_TAGS', 'DELETE_TAGS'],
  managementServer: ['MS.SHUTDOWN', 'MANAGEMENT.SERVER.REMOVE'],
  /** ALERT.ACKNOWLEDGE and ALERT.ASSIGN (acknowledgeAlerts, assignAlert) are Stackyard additions. */
  alert: ['ALERT.GENERATE', 'ALERT.ACKNOWLEDGE', 'ALERT.ASSIGN'],
} as const satisfies Record<string, readonly string[]>;

export type EventType = (typeof EVENT_TYPE_GROUPS)[keyof typeof EVENT_TYPE_GROUPS][number];

/** Every known event type, each once, in group order. */
export const EVENT_TYPES: readonly EventType[] = [...new Set(Object.values(EVENT_TYPE_GROUPS).flat() as EventType[])];

export type EventTypeGroup = keyof typeof EVENT_TYPE_GROUPS;

/** The group (area) of each known type; a type listed in two groups belongs to the first. */
const GROUP_OF = new Map<string, EventTypeGroup>();
for (const [group, types] of Object.entries(EVENT_TYPE_GROUPS) as [EventTypeGroup, readonly string[]][]) {
  for (const type of types) if (!GROUP_OF.has(type)) GROUP_OF.set(type, group);
}

/** The group of a type; names the domain does not list (older or foreign rows) are 'other'. */
export function eventTypeGroup(type: string): EventTypeGroup | 'other' {
  return GROUP_OF.get(type) ?? 'other';
}

/**
 * Groups about the infrastructure and the management server: only root and resource admins act
 * on them, so the event type filter offers them to nobody else.
 */
export const INFRASTRUCTURE_EVENT_GROUPS: ReadonlySet<EventTypeGroup | 'other'> = new Set<EventTypeGroup>([
  'configuration',
  'zone',
  'pod',
  'cluster',
  'host',
  'storagePool',
  'vlanRange',
  'physicalNetwork',
  'imageStore',
  'simulator',
  'systemVm',
  'managementServer',
  'alert',
]);

/** The event recorded for an allocation state change of a zone, pod, cluster or host. */
export function allocationEventType<R extends 'ZONE' | 'POD' | 'CLUSTER' | 'HOST'>(
  resource: R,
  enabled: boolean,
): `${R}.${'ENABLE' | 'DISABLE'}` {
  return `${resource}.${enabled ? 'ENABLE' : 'DISABLE'}`;
}

const KNOWN = new Set<string>(EVENT_TYPES);

export function isEventType(name: string): name is EventType {
  return KNOWN.has(name);
}

/** CloudStack event levels. */
export const EVENT_LEVELS = ['INFO', 'WARN', 'ERROR'] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];

/** CloudStack event states: a long operation records Scheduled/Started then Completed. */
export const EVENT_STATES = ['Created', 'Scheduled', 'Started', 'Completed'] as const;
export type EventState = (typeof EVENT_STATES)[number];
