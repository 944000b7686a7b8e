/**
 * Runs a task every `period()` milliseconds. The period is read again every second, so a changed
 * setting (ping.interval, capacity.check.period) applies without waiting out the old period.
 * Runs never overlap: the next check starts after the task settles.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private lastRun = 0;
  private active = false;

  constructor(
    private readonly period: () => number,
    private readonly task: () => Promise<void>,
    /** Delay before the first run; defaults to one period. */
    private readonly firstDelayMs?: number,
  ) {}

  start(): void {
    if (this.active) return;
    this.active = true;
    const first = this.firstDelayMs ?? this.period();
    this.lastRun = Date.now() - this.period() + first;
    this.arm();
  }

  stop(): void {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (!this.active) return;
    this.timer = setTimeout(() => void this.check(), Math.max(10, Math.min(1000, this.period())));
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    this.timer = undefined;
    if (!this.active) return;
    if (Date.now() - this.lastRun >= this.period()) {
      this.lastRun = Date.now();
      await this.task().catch(() => undefined);
    }
    this.arm();
  }
}
