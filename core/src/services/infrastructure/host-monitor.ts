import type { CoreServices } from '../core-services';

/** Placeholder: heartbeats and host state changes (owned by the hosts/simulator work). */
export class HostMonitor {
  constructor(private readonly services: CoreServices) {}
  start(): void {}
  async stop(): Promise<void> {}
  async tick(): Promise<void> {
    void this.services;
  }
}
