import type { CoreServices } from '../core-services';

/** Placeholder: capacity sampling and threshold alerts (owned by the capacity work). */
export class CapacityMonitor {
  constructor(private readonly services: CoreServices) {}
  start(): void {}
  async stop(): Promise<void> {}
  async sample(): Promise<void> {
    void this.services;
  }
}
