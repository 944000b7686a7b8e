import type { healthEn } from './health.en';

/**
 * 상태 요약 막대의 한국어 메시지 (ko.ts에 합쳐진다). 숫자는 상태 이름 뒤에 온다. 호스트의 Up은
 * '정상'으로 적는다: '활성'은 이미 리소스 상태 Enabled의 번역이라 한 줄에 둘이 함께 보인다.
 */
export const healthKo: Record<keyof typeof healthEn, string> = {
  'health.part': '{state} {count}',
  'health.hosts': '호스트',
  'health.hosts.label': '호스트 상태',
  'health.pools': '기본 스토리지',
  'health.pools.label': '기본 스토리지 상태',
  'health.hosts.problems': '점검이 필요한 호스트 {count}대',
  'health.hosts.allUp': '모든 호스트가 정상이거나 유지보수 중입니다',
  'health.noAlertsButHosts': '열린 알림은 없지만 응답하지 않거나 중지된 호스트가 {count}대 있습니다.',
  'health.showPart': '{part}만 보기',
  'health.clearPart': '{part}만 보는 중입니다. 누르면 전체를 봅니다',
  'health.none': '아직 없음',
  'health.state.Up': '정상',
  'health.state.Down': '다운',
  'health.state.Error': '오류',
  'health.state.Alert': '경고',
  'health.state.Disconnected': '연결 끊김',
  'health.state.Connecting': '연결 중',
  'health.state.Creating': '생성 중',
  'health.state.ErrorInMaintenance': '유지보수 오류',
  'health.state.PrepareForMaintenance': '유지보수 준비 중',
  'health.state.Maintenance': '유지보수',
  'health.state.CancelMaintenance': '유지보수 취소 중',
  'health.state.Disabled': '비활성',
};
