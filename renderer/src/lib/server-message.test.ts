import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_STATES,
  HOST_RESOURCE_STATES,
  HOST_STATUSES,
  SERVER_MESSAGES,
  STORAGE_POOL_STATUSES,
  TRANSITION_SUBJECTS,
  type ServerMessageKey,
} from './contract';
import { enumLabel, stateLabel } from './enum-labels';
import { formatDateTime, translate } from './i18n';
import { serverMessagesKo } from './locales/parts/server-messages.ko';
import { serverMessage } from './server-message';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the core messages in the UI', () => {
  const keys = Object.keys(SERVER_MESSAGES) as ServerMessageKey[];

  it('has a Korean text for every key of the core catalogue, with the same placeholders', () => {
    // The Record type already fails the build on a missing key; this also catches extra or empty ones.
    expect(Object.keys(serverMessagesKo).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(serverMessagesKo[key], key).toMatch(/[가-힣]/);
      expect(placeholders(serverMessagesKo[key]), key).toEqual(placeholders(SERVER_MESSAGES[key]));
    }
  });

  it('renders a keyed message in Korean with states translated and the moment in the Korean format', () => {
    const since = '2026-12-07T05:03:05.000Z';
    const text = serverMessage(
      'ko',
      'event.host.silent',
      { name: 'kvm-01', from: 'Up', to: 'Disconnected', since, id: 'h-1' },
      'Host kvm-01 is Disconnected (was Up): …',
    );
    expect(text).toBe(
      `호스트 kvm-01이(가) ${formatDateTime(since, 'ko')} 이후 하트비트에 응답하지 않아 정상에서 연결 끊김 상태가 되었습니다 (ID: h-1)`,
    );
    expect(formatDateTime(since, 'ko')).toMatch(/^\d{4}\. \d{2}\. \d{2}\. \d{2}:\d{2}:\d{2}$/);
  });

  it('renders English from the same key, type values as CloudStack names them', () => {
    expect(serverMessage('en', 'event.trafficType.added', { trafficType: 'Guest', network: 'pn', id: 'x' }, '')).toBe(
      'Added Guest traffic to physical network pn (id: x)',
    );
    expect(serverMessage('ko', 'event.trafficType.added', { trafficType: 'Guest', network: 'pn', id: 'x' }, '')).toBe(
      '물리 네트워크 pn에 게스트 트래픽을 추가했습니다 (ID: x)',
    );
    expect(serverMessage('ko', 'error.notFound', { resource: 'physical network', id: 'x' }, '')).toBe(
      'ID가 x인 물리 네트워크을(를) 찾을 수 없습니다.',
    );
  });

  it('says a refused state change in Korean: the resource kind, its state and the event', () => {
    const params = { subject: 'Host', name: 'kvm-01', state: 'Maintenance' };
    expect(serverMessage('ko', 'error.transition.prepareMaintenance', params, '')).toBe(
      '호스트 kvm-01이(가) 유지보수 상태이므로 유지보수를 준비할 수 없습니다.',
    );
    const pool = { subject: 'Storage pool', name: 'p1', state: 'Up' };
    expect(serverMessage('ko', 'error.transition.delete', pool, '')).toBe(
      '기본 스토리지 p1이(가) 정상 상태이므로 삭제할 수 없습니다.',
    );
    // English reads as the core's errortext, the kind capitalized as the sentence begins.
    expect(serverMessage('en', 'error.transition.delete', pool, '')).toBe('Storage pool p1 cannot delete: it is Up');
    const t = (key: Parameters<typeof translate>[1]) => translate('ko', key);
    for (const subject of TRANSITION_SUBJECTS) {
      expect(serverMessage('en', 'error.transition.enable', { subject, name: 'n', state: 'Disabled' }, '')).toBe(
        `${subject} n cannot enable: it is Disabled`,
      );
      const ko = serverMessage('ko', 'error.transition.enable', { subject, name: 'n', state: 'Disabled' }, '');
      // No English left but Zone and Pod, which the glossary keeps as CloudStack's Korean UI does.
      expect(ko.replace(/^(Zone|Pod) /, ''), subject).not.toMatch(/[A-Za-z]{2}/);
    }
    // Every state a state machine refuses from has a Korean label.
    for (const state of [
      ...ALLOCATION_STATES,
      ...HOST_STATUSES,
      ...HOST_RESOURCE_STATES,
      ...STORAGE_POOL_STATUSES,
      ...['Queued', 'Running', 'Succeeded', 'Failed'],
    ]) {
      expect(stateLabel(t, state), state).toMatch(/[가-힣]/);
    }
  });

  it('names the field a refused name was given for in the language', () => {
    expect(serverMessage('ko', 'error.name.blank', { field: 'Zone name' }, 'Zone name cannot be empty or blank')).toBe(
      'Zone 이름은(는) 비워 둘 수 없습니다.',
    );
    expect(serverMessage('ko', 'error.name.tooLong', { field: 'Firstname', max: '255' }, '')).toBe(
      '이름은(는) 255자를 넘을 수 없습니다.',
    );
    expect(serverMessage('en', 'error.name.blank', { field: 'Zone name' }, '')).toBe(
      'Zone name cannot be empty or blank',
    );
    // A field the UI has no label for shows as the core sent it.
    expect(serverMessage('ko', 'error.zone.badIpAddress', { field: 'DNS1' }, '')).toBe(
      'DNS1에 올바른 IP 주소를 입력하세요.',
    );
  });

  it('says what is wrong with a refused parameter value in Korean, the English as CloudStack words it', () => {
    const where = { command: 'listzones', param: 'page', value: '0' };
    expect(serverMessage('ko', 'error.api.invalidValue.tooSmall', { ...where, min: '1' }, '')).toBe(
      'API 명령 listzones을(를) 실행할 수 없습니다: 매개변수 page의 값 0이(가) 올바르지 않습니다. 1 이상이어야 합니다.',
    );
    expect(serverMessage('en', 'error.api.invalidValue.tooSmall', { ...where, min: '1' }, '')).toBe(
      'Unable to execute API command listzones due to invalid value. Invalid parameter page value: 0 (Too small: expected number to be >=1)',
    );
    const sort = { command: 'listzones', param: 'sortorder', value: 'up', values: 'asc, desc' };
    expect(serverMessage('ko', 'error.api.invalidValue.notOneOf', sort, '')).toBe(
      'API 명령 listzones을(를) 실행할 수 없습니다: 매개변수 sortorder의 값 up이(가) 올바르지 않습니다. asc, desc 중 하나여야 합니다.',
    );
    const id = { command: 'listzones', param: 'id', value: 'zone-1' };
    expect(serverMessage('ko', 'error.api.invalidValue.notUuid', id, '')).toBe(
      'API 명령 listzones을(를) 실행할 수 없습니다: 매개변수 id의 값 zone-1이(가) 올바르지 않습니다. UUID 형식이 아닙니다.',
    );
  });

  it('lists counts in the language and says so when there are none', () => {
    expect(serverMessage('ko', 'event.datacenter.rolledBack', { removed: 'zones:1,hosts:3' }, '')).toBe(
      '데이터센터 가져오기로 만든 것을 삭제했습니다: Zone 1개, 호스트 3대',
    );
    expect(serverMessage('ko', 'event.datacenter.rolledBack', { removed: '' }, '')).toBe(
      '데이터센터 가져오기로 만든 것을 삭제했습니다: 없음',
    );
  });

  it('shows the English text the core sent when there is no key or an unknown one', () => {
    expect(serverMessage('ko', undefined, undefined, 'user has logged in')).toBe('user has logged in');
    expect(serverMessage('ko', 'event.fromANewerCore', { a: '1' }, 'Something new')).toBe('Something new');
  });

  it('translates type values and leaves proper names and unknown values as sent', () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate('ko', key, vars);
    expect(enumLabel(t, 'networkType', 'Advanced')).toBe('고급');
    expect(enumLabel(t, 'storageScope', 'ZONE')).toBe('Zone 전체');
    expect(enumLabel(t, 'eventLevel', 'ERROR')).toBe('오류');
    expect(enumLabel(t, 'hypervisor', 'Simulator')).toBe('Simulator');
    expect(enumLabel(t, 'trafficType', 'Overlay')).toBe('Overlay');
  });
});
