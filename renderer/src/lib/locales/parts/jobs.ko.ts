import type { jobsEn } from './jobs.en';

/** 작업 트레이와 일괄 작업 메시지 (ko.ts에 합쳐진다). */
export const jobsKo: Record<keyof typeof jobsEn, string> = {
  'jobs.filter.label': '누구의 작업',
  'jobs.filter.mine': '내 작업',
  'jobs.filter.everyone': '전체 사용자',
  'jobs.showMore': '{count}개 더 보기',
  'jobs.by': '실행: {account}',
  'jobs.loadFailed': '작업 기록을 불러오지 못했습니다: {error}',

  'batch.progress': '{finished}/{total}',
  'batch.counts': '성공 {ok}건, 실패 {failed}건',
  'batch.summary': '{title}: 성공 {ok}건, 실패 {failed}건',
  'batch.seeTray': '일부 항목이 실패했습니다. 작업 트레이에서 실패한 항목과 원인을 확인하세요',
  'batch.showItems': '항목 보기',
  'batch.hideItems': '항목 숨기기',
  'batch.queued': '대기 중',
  'batch.notStarted': '차례가 오기 전에 창이 닫혀 시작하지 못했습니다',

  'batch.run.enable': '{noun} {count}개 활성화',
  'batch.run.disable': '{noun} {count}개 비활성화',
  'batch.run.maintenance': '{noun} {count}개 유지보수 모드 준비',
  'batch.run.cancelMaintenance': '{noun} {count}개 유지보수 모드 취소',
  'batch.run.delete': '{noun} {count}개 삭제',
  'batch.done.enable': '{noun} {count}개 활성화 완료',
  'batch.done.disable': '{noun} {count}개 비활성화 완료',
  'batch.done.maintenance': '{noun} {count}개 유지보수 모드 준비 완료',
  'batch.done.cancelMaintenance': '{noun} {count}개 유지보수 모드 취소 완료',
  'batch.done.delete': '{noun} {count}개 삭제 완료',

  'batch.noun.hosts': '호스트',
  'batch.noun.zones': 'Zone',
  'batch.noun.pods': 'Pod',
  'batch.noun.clusters': '클러스터',
  'batch.noun.storagePools': '기본 스토리지',
  'batch.noun.accounts': '계정',
};
