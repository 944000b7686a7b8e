// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dictionaries, formatBytes, formatTimestamp, parseCloudDate, translate, type MessageKey } from './i18n';
import { en } from './locales/en';
import { ko } from './locales/ko';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  const enKeys = Object.keys(en) as MessageKey[];

  it('gives every English key a Korean text, and nothing else', () => {
    const koKeys = Object.keys(ko).sort();
    expect(koKeys).toEqual([...enKeys].sort());
    for (const key of enKeys) expect(ko[key].trim(), key).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    for (const key of enKeys) expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
  });

  it('writes Korean as operators do', () => {
    expect(ko['nav.accounts']).toBe('계정');
    expect(ko['nav.domains']).toBe('도메인');
    expect(ko['nav.users']).toBe('사용자');
    expect(ko['nav.roles']).toBe('역할');
    expect(ko['nav.events']).toBe('이벤트');
    expect(ko['nav.settings']).toBe('전역 설정');
    expect(ko['jobs.title']).toBe('작업');
    expect(ko['login.submit']).toBe('로그인');
    expect(ko['common.disable']).toBe('비활성화');
    // Korean text actually is Korean (a stray English copy would pass the parity checks). Terms
    // Korean operators keep in English (CloudStack's Korean UI does too) and placeholders do not count.
    const keptInEnglish =
      /\b(Zone|Pod|VLAN|IOPS|ID|IP|IPs|CIDR|DNS|NFS|URL|KVM|Simulator|JSON|Marvin|cfg|CPU|GiB|TiB|MHz|GHz)\b|\{\w+\}/gi;
    const untranslated = enKeys.filter(
      (k) =>
        ko[k] === en[k] &&
        /[a-z]{4,}/i.test(en[k].replace(keptInEnglish, '')) &&
        !['app.name', 'palette.hint'].includes(k),
    );
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders and falls back to English', () => {
    expect(translate('en', 'jobs.running', { count: 3 })).toBe('3 running');
    expect(translate('ko', 'jobs.running', { count: 3 })).toBe('3개 진행 중');
    expect(translate('ko', 'users.keysTitle', {})).toBe('{name}의 API 키');
    expect(Object.keys(dictionaries)).toEqual(['en', 'ko']);
  });
});

describe('dates and sizes', () => {
  it("parses CloudStack's +0000 offsets", () => {
    expect(parseCloudDate('2026-11-22T10:00:00+0000')?.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(parseCloudDate('2026-11-22T19:00:00+0900')?.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(parseCloudDate('garbage')).toBeNull();
  });

  it('formats dates per locale with Intl', () => {
    const value = '2026-11-22T10:00:00+0000';
    const date = parseCloudDate(value)!;
    expect(formatTimestamp(value, 'ko')).toBe(
      new Intl.DateTimeFormat('ko-KR', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }).format(date),
    );
    expect(formatTimestamp(value, 'en')).not.toBe(formatTimestamp(value, 'ko'));
  });

  it('shows sizes in binary units', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(8 * 1024 ** 3, 'en')).toBe('8 GiB');
    expect(formatBytes(1.5 * 1024 ** 4, 'en')).toBe('1.5 TiB');
  });
});
