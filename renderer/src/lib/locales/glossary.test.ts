import { describe, expect, it } from 'vitest';
import { serverMessagesKo } from './parts/server-messages.ko';
import { en, type MessageKey } from './en';
import { ko } from './ko';

/**
 * A few rules of docs/glossary.md, checked on every Korean text (the UI's and the core messages').
 * Each rule is a term the glossary fixes and the variants it rules out.
 */
const korean = [...Object.entries(ko), ...Object.entries(serverMessagesKo)] as [string, string][];

const offending = (pattern: RegExp) => korean.filter(([, text]) => pattern.test(text)).map(([key]) => key);

describe('the Korean glossary', () => {
  it('calls the alerts list and its entries 알림, never 경고', () => {
    const alertsList = Object.keys(en).filter(
      (k) => /^(alerts\.|dashboard\.alerts\.)/.test(k) || ['nav.alerts', 'dashboard.tile.alerts'].includes(k),
    ) as MessageKey[];
    expect(alertsList.length).toBeGreaterThan(5);
    for (const key of alertsList) expect(ko[key], key).not.toMatch(/경고/);
    for (const key of ['nav.alerts', 'alerts.title', 'dashboard.tile.alerts', 'dashboard.alerts.title'] as const) {
      expect(ko[key], key).toMatch(/알림/);
    }
  });

  it('calls the Alert state and the WARN level 경고', () => {
    expect(ko['state.alert']).toBe('경고');
    expect(ko['health.state.Alert']).toBe('경고');
    expect(ko['enum.eventLevel.WARN']).toBe('경고');
  });

  it('writes the built-in roles and account types the same way', () => {
    expect(offending(/root admin/i)).toEqual([]);
    expect(ko['accountType.1']).toBe('루트 관리자');
    expect(ko['enum.roleType.Admin']).toBe('루트 관리자');
    expect(ko['roles.builtin.Root Admin.name']).toBe('루트 관리자');
    expect(ko['roles.builtin.Domain Admin.name']).toBe(ko['accountType.2']);
    expect(ko['roles.builtin.Resource Admin.name']).toBe(ko['accountType.3']);
  });

  it('keeps Zone and Pod as CloudStack writes them, and names storage one way', () => {
    expect(offending(/(^|[^가-힣])존([^재중]|$)|포드|영역/)).toEqual([]);
    expect(offending(/[12]차 스토리지|주 스토리지|이차 스토리지/)).toEqual([]);
    expect(ko['nav.primaryStorage']).toBe('기본 스토리지');
    expect(ko['nav.secondaryStorage']).toBe('보조 스토리지');
  });

  it('calls compute offerings 컴퓨트 오퍼링, as CloudStack does, never 서비스 오퍼링', () => {
    expect(offending(/서비스 오퍼링/)).toEqual([]);
    expect(ko['events.group.serviceOffering']).toBe('컴퓨트 오퍼링');
    expect(serverMessagesKo['event.serviceOffering.created']).toMatch(/^컴퓨트 오퍼링 /);
  });

  it('uses one word each for maintenance, events, jobs and errors', () => {
    expect(offending(/유지 보수|유지관리/)).toEqual([]);
    expect(offending(/에러|잡 |이벤트 로그/)).toEqual([]);
    expect(ko['nav.events']).toBe('이벤트');
    expect(ko['jobs.title']).toBe('작업');
    expect(ko['state.maintenance']).toBe('유지보수');
  });
});
