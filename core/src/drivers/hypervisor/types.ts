import type { Hypervisor } from '../../domain/infrastructure';
import { englishText, type ServerMessage } from '../../domain/messages';

/**
 * The hypervisor driver contract (docs/architecture.md, "Hypervisor drivers"): everything
 * hypervisor-specific lives behind it. Hosts and storage today; VM operations join with the VM
 * work. Drivers never see the database: callers pass what a driver needs, and persistence
 * ports are injected.
 */

/** Where a host is, and the internal ids that fault injection matches on. */
export interface HostTarget {
  hostId: number;
  uuid: string;
  url: string;
  zoneId: number;
  podId: number;
  clusterId: number;
}

/** What addHost sends before the host has an id. */
export interface HostConnectRequest {
  url: string;
  /** Set when reconnecting a known host (fault injection matches host-scoped mocks on it). */
  hostId?: number;
  username?: string;
  /** Plain text only in memory while connecting; stored sealed. */
  password?: string;
  zoneId: number;
  podId: number;
  clusterId: number;
}

export interface DiscoveredHost {
  name: string;
  privateIp: string;
  hypervisorVersion: string;
  cpuSockets: number;
  cpuNumber: number;
  /** MHz per core. */
  cpuSpeed: number;
  /** Bytes. */
  totalMemory: number;
  capabilities: string[];
  arch: string;
}

export interface HostStats {
  /** 0-100 */
  cpuUsedPercent: number;
  /** Bytes. */
  memoryUsed: number;
}

export interface StoragePoolTarget {
  uuid: string;
  url: string;
  /** 'NetworkFilesystem' | 'Filesystem' | ... */
  poolType: string;
}

export interface StoragePoolStats {
  capacityBytes: number;
  usedBytes: number;
}

/** A host that did not answer, or answered with a failure; the message is safe to show. */
export class HostOperationError extends Error {
  constructor(
    readonly operation: string,
    message: string,
    readonly unreachable = false,
  ) {
    super(message);
    this.name = 'HostOperationError';
  }
}

/**
 * A request the driver cannot take (a malformed host or storage URL): the caller's mistake, said
 * by a catalogue message (its English text is the error's message).
 */
export class InvalidHostRequest extends HostOperationError {
  constructor(readonly translatable: ServerMessage) {
    super('url', englishText(translatable));
    this.name = 'InvalidHostRequest';
  }
}

/** A pod's management network, where a new host's address is chosen. */
export interface PodNetwork {
  cidr: string;
  gateway: string;
  /** The range reserved for system VMs (start_ip..end_ip of the pod). */
  reservedStart: string;
  reservedEnd: string;
}

export interface HypervisorDriver {
  readonly hypervisor: Hypervisor;
  /**
   * Checks a host URL before anything is contacted (addHost): throws InvalidHostRequest for one
   * this hypervisor cannot take.
   */
  validateHostUrl(url: string): void;
  /** Connects to a new host and reports what it has (CloudStack's StartupCommand/ReadyCommand). */
  connect(request: HostConnectRequest): Promise<DiscoveredHost>;
  /**
   * The management addresses a new host may be recorded with, best first: the one it reported,
   * or (hosts that have none of their own, like the Simulator's) addresses in its pod's network,
   * of which addHost takes the first no other host of the zone has.
   */
  managementAddresses(host: { url: string; discovered: DiscoveredHost; pod: PodNetwork }): Iterable<string>;
  /** One heartbeat; throws HostOperationError(unreachable) when the host does not answer. */
  ping(host: HostTarget): Promise<void>;
  hostStats(host: HostTarget): Promise<HostStats>;
  /** Readies a host for maintenance (VM migration joins with the VM issue). */
  prepareMaintenance(host: HostTarget): Promise<void>;
  /** Mounts or checks a primary storage pool on a host and reports its size. */
  attachStoragePool(host: HostTarget, pool: StoragePoolTarget): Promise<StoragePoolStats>;
  detachStoragePool(host: HostTarget, pool: StoragePoolTarget): Promise<void>;
  /** Drops any connection state for a host that is being removed. */
  forget(host: HostTarget): Promise<void>;
  /** Called before and after each round of heartbeats (the Simulator reloads and saves its fault injection). */
  beforeHeartbeats?(): Promise<void>;
  afterHeartbeats?(): Promise<void>;
  /** Waits for background work of the driver before the core closes. */
  settle?(): Promise<void>;
}

export interface HypervisorDrivers {
  /** The driver for a hypervisor; throws for one this build does not support. */
  get(hypervisor: Hypervisor): HypervisorDriver;
  /** The driver for a stored hypervisor name, or undefined when this build has none for it. */
  find(hypervisor: string): HypervisorDriver | undefined;
  /**
   * A hypervisor named in a request (addCluster, addHost), matched ignoring case: one this build
   * has a driver for, or a 431 naming the ones it has.
   */
  resolve(text: string): Hypervisor;
  supported(): Hypervisor[];
  all(): HypervisorDriver[];
}
