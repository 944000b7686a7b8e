import type { statesEn } from './states.en';

/** 배지에 보이는 상태 값. 상태 요약 막대(health)와 같은 말을 쓴다: Up은 정상, Enabled는 활성. */
export const statesKo: Record<keyof typeof statesEn, string> = {
  'state.up': '정상',
  'state.down': '다운',
  'state.alert': '경고',
  'state.disconnected': '연결 끊김',
  'state.connecting': '연결 중',
  'state.creating': '생성 중',
  'state.error': '오류',
  'state.maintenance': '유지보수',
  'state.prepareformaintenance': '유지보수 준비 중',
  'state.errorinmaintenance': '유지보수 오류',
  'state.cancelmaintenance': '유지보수 취소 중',
  'state.removed': '삭제됨',
  'state.ready': '준비됨',
  'state.initialized': '초기화됨',
  'state.completed': '완료',
  'state.scheduled': '예약됨',
  'state.started': '시작됨',
  'state.created': '생성됨',
  'state.managed': '관리됨',
  'state.unmanaged': '관리 안 함',
  'state.advanced': '고급',
  'state.basic': '기본',
};
