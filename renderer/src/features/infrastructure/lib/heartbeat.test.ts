import { describe, expect, it } from 'vitest';
import { heartbeatWindowMs, isHeartbeatLate, outageOf, shortRelative } from './heartbeat';

describe('host heartbeat', () => {
  it('takes the window from ping.interval × ping.timeout, CloudStack’s defaults where unreadable', () => {
    expect(heartbeatWindowMs()).toBe(150_000);
    expect(
      heartbeatWindowMs(
        new Map([
          ['ping.interval', '1'],
          ['ping.timeout', '2'],
        ]),
      ),
    ).toBe(2_000);
    expect(
      heartbeatWindowMs(
        new Map([
          ['ping.interval', 'x'],
          ['ping.timeout', '4'],
        ]),
      ),
    ).toBe(240_000);
  });

  it('flags a heartbeat older than the window, or none', () => {
    const at = Date.UTC(2026, 0, 1, 12, 0, 0);
    const host = { lastpinged: '2026-01-01T12:00:00+0000' };
    expect(isHeartbeatLate(host, at + 150_000, 150_000)).toBe(false);
    expect(isHeartbeatLate(host, at + 150_001, 150_000)).toBe(true);
    expect(isHeartbeatLate({ lastpinged: undefined }, at, 150_000)).toBe(true);
  });

  it('gives the state and since-when of a host that is not Up', () => {
    expect(outageOf({ state: 'Up', disconnected: undefined })).toBeUndefined();
    expect(outageOf({ state: 'Disconnected', disconnected: '2026-01-01T12:00:00+0000' })).toEqual({
      state: 'Disconnected',
      since: '2026-01-01T12:00:00+0000',
    });
    expect(outageOf({ state: 'Down', disconnected: undefined })).toBeUndefined();
  });
});

describe('shortRelative', () => {
  it('is short and always numeric, in both languages', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(shortRelative(now, now, 'en')).toBe('0 sec. ago');
    expect(shortRelative(now - 3 * 60_000, now, 'en')).toBe('3 min. ago');
    expect(shortRelative(now - 12_000, now, 'ko')).toBe('12초 전');
    expect(shortRelative(now - 2 * 3600_000, now, 'ko')).toBe('2시간 전');
    // A moment a little after the clock (fetched between two ticks) is "0 sec. ago", not "in 1 sec.".
    expect(shortRelative(now + 800, now, 'en')).toBe('0 sec. ago');
  });
});
