import type { connectionEn } from './connection.en';

/** 연결 상태 메시지: 상단 바의 서버 칩, 연결 끊김 배너, 화면 불러오기. */
export const connectionKo: Record<keyof typeof connectionEn, string> = {
  'connection.state.connected': '연결됨: 실시간 업데이트 중',
  'connection.state.connecting': '연결 중…',
  'connection.state.lost': '서버에 연결할 수 없음',
  'connection.lost': '{server} 서버와 연결이 끊겼습니다. 다시 연결하는 중이며, 화면의 데이터는 {time} 기준입니다',
  'connection.lostNoTime': '{server} 서버와 연결이 끊겼습니다. 다시 연결하는 중입니다',
  'connection.profile': '{server}에 연결됨',
  'connection.pageUnavailable': '이 화면을 내려받지 못했습니다',
  'connection.pageUnavailableHint':
    '{server} 서버와의 연결이 끊겼을 수 있습니다. 다시 시도해 보세요. 연결이 끊겼던 경우에는 서버가 돌아오면 화면을 자동으로 불러옵니다.',
  'connection.pageRetry': '다시 시도',
};
