import type { ResourceChange } from '../contract/live';
import type { ScopeChain, ScopeTarget } from '../domain/settings-registry';
import type { Store } from '../db/connect';
import type { HypervisorDrivers } from '../drivers/hypervisor/types';
import type { AsyncJobRow, EventRow } from '../db/schema';
import type { AccessService } from './access';
import type { Caller } from './caller';
import type { ServerMessage } from '../domain/messages';

/** Everything a command handler may use. Built once by the composition root (core/src/core.ts). */
export interface CoreServices {
  store: Store;
  /** This management server's id (uuid), owner of the jobs it runs. */
  serverId: string;
  access: AccessService;
  events: EventSink;
  jobs: JobQueue;
  config: ScopedSettingsReader;
  secrets: SecretBox;
  auth: AuthPort;
  /** Hypervisor drivers by hypervisor type (Simulator today, KVM later). */
  hypervisors: HypervisorDrivers;
}

export interface NewEvent {
  type: string;
  /** What happened, by catalogue key (domain/messages.ts); its English text is the description. */
  message: ServerMessage;
  level?: 'INFO' | 'WARN' | 'ERROR';
  state?: 'Created' | 'Scheduled' | 'Started' | 'Completed';
  /** The owner of the event; defaults to nobody (system). */
  caller?: Pick<Caller, 'userId' | 'accountId' | 'domainId'>;
  resourceType?: string;
  resourceId?: string;
}

export type { ResourceChange };

/** A message on the live stream; transports filter by `scope` before sending to a client. */
export type LiveMessage =
  | { kind: 'event'; scope: LiveScope; event: Record<string, unknown> }
  | { kind: 'job'; scope: LiveScope; job: Record<string, unknown> }
  | { kind: 'resource'; scope: LiveScope; resource: ResourceChange };

export interface LiveScope {
  accountId: number | null;
  domainId: number | null;
}

export interface EventSink {
  record(event: NewEvent): Promise<EventRow>;
  subscribe(listener: (message: LiveMessage) => void): () => void;
  publish(message: LiveMessage): void;
}

export interface JobTarget {
  /** CloudStack's jobinstancetype, e.g. "Account", "Domain". */
  instanceType: string;
  /** UUID of the resource the job acts on; also returned as `id` with the jobid. */
  instanceId?: string;
  /** Jobs with the same key run one at a time. Defaults to instanceType:instanceId. */
  syncKey?: string;
}

export interface SubmitJob {
  command: string;
  params: Record<string, unknown>;
  caller: Caller;
  target: JobTarget;
  /** The submitter's source address, given to the events the job records. */
  sourceAddress?: string;
}

export interface JobQueue {
  submit(job: SubmitJob): Promise<AsyncJobRow>;
}

export interface SettingsReader {
  get<T extends string | number | boolean>(name: string): T;
}

/** Settings with the values set on zones, clusters, pools, image stores, domains and accounts. */
export interface ScopedSettingsReader extends SettingsReader {
  /** The values in effect for one resource, falling back along its chain to the global value. */
  in(chain: ScopeChain): SettingsReader;
  /** Validates and stores a value, globally or on one resource (431 on a bad value or scope). */
  update(name: string, raw: string, target?: ScopeTarget): Promise<unknown>;
}

export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** decrypt for values opened again and again (API secret keys): remembered for the next time. */
  decryptRemembered(sealed: string): string;
}

export interface AuthPort {
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, hash: string): Promise<boolean>;
  /** Drops every session of the user (on disable, lock, delete, password change). */
  endSessionsOfUser(userId: number): Promise<void>;
  callerForUser(userId: number, via: Caller['via']): Promise<Caller | undefined>;
}
