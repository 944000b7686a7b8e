import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { ConnectionMonitor, type ConnectionState } from './connection-monitor';

// Retry backoff is time-based, so the clock is a fake one.

function harness(networked = true) {
  let serverUp = true;
  const states: ConnectionState[] = [];
  const calls = { probes: 0, reopened: 0, returned: 0 };
  const monitor = new ConnectionMonitor({
    networked,
    probe: async () => {
      calls.probes += 1;
      if (!serverUp) throw new ApiError(0, 9999, 'Cannot reach http://127.0.0.1:8080: Failed to fetch');
    },
    reopenLive: () => (calls.reopened += 1),
    onReturn: () => (calls.returned += 1),
    setState: (state) => states.push(state),
    retryMs: { first: 1000, max: 4000 },
  });
  return {
    monitor,
    states,
    calls,
    setServer: (up: boolean) => (serverUp = up),
  };
}

describe('ConnectionMonitor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls the server lost only when the stream is down and a request cannot reach it, then recovers', async () => {
    const h = harness();
    h.monitor.liveStatus('open');
    expect(h.monitor.current).toBe('connected');

    // The stream drops but the server answers (a proxy without WebSockets): not lost.
    h.monitor.liveStatus('closed');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.monitor.current).toBe('connecting');

    h.setServer(false);
    h.monitor.liveStatus('connecting');
    h.monitor.liveStatus('closed');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.monitor.current).toBe('lost');

    // Retries back off: 1 s, 2 s, 4 s, 4 s ...
    const probesAtLoss = h.calls.probes;
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.calls.probes).toBe(probesAtLoss + 1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.calls.probes).toBe(probesAtLoss + 2);
    await vi.advanceTimersByTimeAsync(3999);
    expect(h.calls.probes).toBe(probesAtLoss + 2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls.probes).toBe(probesAtLoss + 3);
    expect(h.calls.returned).toBe(0);

    h.setServer(true);
    await vi.advanceTimersByTimeAsync(4000);
    expect(h.monitor.current).toBe('connecting');
    expect(h.calls).toMatchObject({ reopened: 1, returned: 1 });
    h.monitor.liveStatus('open');
    expect(h.monitor.current).toBe('connected');
    // Back for good: no more probes, no second refetch.
    const probes = h.calls.probes;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.calls).toMatchObject({ probes, returned: 1 });
    h.monitor.dispose();
  });

  it('takes a failing request while the stream is down as a lost server, and any answer as its return', () => {
    const h = harness();
    h.monitor.requestUnreachable();
    expect(h.monitor.current).toBe('lost');
    h.monitor.requestReached();
    expect(h.monitor.current).toBe('connecting');
    expect(h.calls.returned).toBe(1);
    h.monitor.dispose();
  });

  it('never reports a lost server in the desktop app (IPC has no network)', async () => {
    const h = harness(false);
    h.setServer(false);
    h.monitor.liveStatus('closed');
    h.monitor.requestUnreachable();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.monitor.current).toBe('connected');
    expect(h.states).not.toContain('lost');
    expect(h.calls.probes).toBe(0);
  });
});
