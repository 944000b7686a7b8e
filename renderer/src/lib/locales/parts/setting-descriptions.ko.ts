import type { SettingName } from '../../contract';
import { descriptionMessages } from './setting-descriptions.en';

/**
 * 설정 설명 (설정 이름별). 레지스트리에 설정이 추가되면 여기에도 설명을 적어야 빌드가 통과한다.
 * 임계값의 0~1 값은 화면에서 백분율로 보이므로 설명도 그렇게 적는다.
 */
export const SETTING_DESCRIPTIONS_KO: Record<SettingName, string> = {
  'agent.lb.enabled':
    '관리 서버 간 에이전트 부하 분산을 켭니다. 새로 합류한 서버가 다른 서버의 호스트를 고르게 나눠 맡습니다.',
  'alert.smtp.host': '알림 메일을 보낼 SMTP 호스트입니다. 비워 두면 알림 메일을 보내지 않습니다.',
  'alert.smtp.password': 'SMTP 인증 비밀번호입니다.',
  'alert.smtp.port': 'SMTP 서버 포트입니다.',
  'alert.smtp.username': 'SMTP 인증 사용자 이름입니다.',
  'allow.user.expunge.recover.vm': '사용자가 삭제된 자신의 VM을 완전 삭제하거나 복구할 수 있는지 정합니다.',
  'api.signature.expiry.seconds':
    'signatureVersion=3과 expires가 있는 서명 요청에 허용하는 최대 유효 시간입니다(시계 오차로 60초를 더 허용). 이런 서명은 한 번만 받아들입니다.',
  'api.trusted.proxies':
    'X-Forwarded-For 헤더의 요청 출발지 주소를 믿을 리버스 프록시 주소 목록(쉼표로 구분)입니다. 로그인 제한과 이벤트에 쓰이며, 비워 두면 연결 자체의 주소를 씁니다.',
  'capacity.check.period': '용량 점검 간격입니다. 점검 때마다 용량을 다시 계산해 이력에 남기고 임계값을 확인합니다.',
  'host.stats.interval':
    '호스트별 사용량 이력에 통계를 남기는 간격(밀리초)입니다. 통계는 하트비트(ping.interval)와 함께 오므로 이보다 짧게 잡으면 하트비트마다 남깁니다.',
  'host.stats.history.detail.retention.hours':
    'host.stats.interval 간격으로 남긴 호스트별 CPU·메모리 기록을 보관하는 시간입니다. 이보다 오래된 기록은 시간별 평균으로만 남습니다.',
  'host.stats.history.retention.days':
    '차트에 쓰는 호스트별 CPU·메모리 이력을 시간별 평균으로 보관하는 기간(일)입니다. 이보다 오래된 기록은 지웁니다.',
  'capacity.history.retention.days': '차트용 용량 이력을 보관하는 기간입니다(Stackyard).',
  'cluster.cpu.allocated.capacity.disablethreshold':
    '클러스터의 CPU 할당률이 이 비율을 넘으면 할당기가 새 VM을 이 클러스터에 배치하지 않습니다.',
  'cluster.cpu.allocated.capacity.notificationthreshold': '클러스터의 CPU 할당률이 이 비율을 넘으면 알림을 보냅니다.',
  'cluster.localStorage.capacity.notificationthreshold':
    '클러스터의 로컬 스토리지 사용률이 이 비율을 넘으면 알림을 보냅니다.',
  'cluster.memory.allocated.capacity.disablethreshold':
    '클러스터의 메모리 할당률이 이 비율을 넘으면 할당기가 새 VM을 이 클러스터에 배치하지 않습니다.',
  'cluster.memory.allocated.capacity.notificationthreshold':
    '클러스터의 메모리 할당률이 이 비율을 넘으면 알림을 보냅니다.',
  'cluster.storage.allocated.capacity.notificationthreshold':
    '클러스터의 기본 스토리지 할당률이 이 비율을 넘으면 알림을 보냅니다.',
  'cluster.storage.capacity.notificationthreshold':
    '클러스터의 기본 스토리지 사용률이 이 비율을 넘으면 알림을 보냅니다.',
  'cpu.overprovisioning.factor': 'CPU 오버프로비저닝 배수입니다. 쓸 수 있는 CPU는 실제 CPU 용량 × 이 배수입니다.',
  'custom.diskoffering.size.max':
    '사용자 지정 디스크 오퍼링으로 만드는 볼륨의 최대 크기(GiB)입니다. 오퍼링 자체에는 크기가 없습니다.',
  'custom.diskoffering.size.min':
    '사용자 지정 디스크 오퍼링으로 만드는 볼륨의 최소 크기(GiB)입니다. 오퍼링 자체에는 크기가 없습니다.',
  'default.page.size': '목록 명령에 page만 있고 pagesize가 없을 때 쓰는 기본 페이지 크기입니다.',
  'enable.account.settings.for.domain':
    '계정 설정을 도메인에도 지정할 수 있게 합니다. 계정에 값이 없으면 소속 도메인의 값을 따릅니다.',
  'enable.domain.settings.for.child.domain':
    '도메인에 값이 없을 때 전역 값보다 먼저 상위 도메인(ROOT까지)의 값을 따르게 합니다.',
  'event.purge.delay': '이 일수보다 오래된 이벤트를 정리합니다. 0이면 이벤트를 계속 보관합니다.',
  'event.purge.interval': '이벤트 정리 작업을 실행하는 간격입니다.',
  'expunge.delay': '삭제된 VM을 완전 삭제하기 전에 기다리는 시간입니다.',
  'expunge.interval': '완전 삭제 작업을 실행하는 간격입니다.',
  'expunge.workers': '완전 삭제를 처리하는 작업자 수입니다.',
  'incorrect.login.attempts.allowed': '사용자를 잠그기 전까지 허용하는 로그인 실패 횟수입니다.',
  'job.cancel.threshold.minutes': '실행 중인 비동기 작업을 취소하기까지 허용하는 시간입니다(0이면 취소하지 않음).',
  'job.expire.minutes': '끝난 비동기 작업을 지우기까지의 시간입니다.',
  'login.throttle.address.failures':
    '한 출발지 주소에서 로그인이 이만큼 실패하면 이후 시도를 대기시킵니다(HTTP 429). 실패할 때마다 대기 시간이 두 배가 됩니다.',
  'login.throttle.delay.seconds': '로그인 제한이 시작될 때의 첫 대기 시간입니다. 이후 실패할 때마다 두 배가 됩니다.',
  'login.throttle.max.delay.seconds': '로그인이 제한된 사용자 이름이나 출발지 주소에 적용하는 최대 대기 시간입니다.',
  'login.throttle.user.failures':
    '한 사용자 이름으로 로그인이 이만큼 실패하면 이후 시도를 대기시킵니다(HTTP 429). 실패할 때마다 대기 시간이 두 배가 되며, 관리자도 대기 대상이지만 잠기지는 않습니다.',
  'login.throttle.window.seconds': '이 시간보다 오래된 로그인 실패는 로그인 제한 계산에서 뺍니다.',
  'management.server.heartbeat.misses':
    '관리 서버가 하트비트를 이만큼 놓치면 다른 서버가 중단된 것으로 보고 그 서버의 호스트와 작업을 넘겨받습니다.',
  'management.server.heartbeat.seconds':
    '관리 서버와 실행 중인 작업이 하트비트를 보내는 간격입니다. 다른 서버도 같은 간격으로 중단된 서버를 확인합니다.',
  'management.server.shutdown.grace.seconds':
    'SIGTERM이나 Ctrl+C를 받은 관리 서버가 실행 중인 작업을 넘기기 전에 기다리는 시간입니다. 재개할 수 있는 작업은 다시 대기열에 넣고 나머지는 실패로 처리합니다.',
  'mem.overprovisioning.factor': '메모리 오버프로비저닝 배수입니다. 쓸 수 있는 메모리는 실제 메모리 × 이 배수입니다.',
  'network.throttling.rate':
    '네트워크 오퍼링에 네트워크 속도가 없을 때 네트워크에 허용하는 기본 데이터 전송 속도(Mbps)입니다.',
  'ping.interval': '호스트에 핑(하트비트)을 보내는 간격입니다.',
  'ping.timeout': '호스트가 ping.interval × 이 배수만큼 응답하지 않으면 연결 끊김(Disconnected)으로 표시합니다.',
  'pod.privateip.capacity.notificationthreshold': 'Pod의 사설 IP 사용률이 이 비율을 넘으면 알림을 보냅니다.',
  'pool.storage.allocated.capacity.disablethreshold':
    '기본 스토리지 풀의 할당률이 이 비율을 넘으면 할당기가 그 풀을 쓰지 않습니다.',
  'pool.storage.capacity.disablethreshold':
    '기본 스토리지 풀의 사용률이 이 비율을 넘으면 할당기가 그 풀을 쓰지 않습니다.',
  'secstorage.allowed.internal.sites':
    '템플릿과 ISO를 다운로드해도 되는 내부 주소의 CIDR 목록(쉼표로 구분)입니다. 여기에 없는 루프백, 링크 로컬, 사설 주소는 거부합니다.',
  'session.timeout': '이 시간 동안 활동이 없으면 로그인 세션이 만료됩니다.',
  'simulator.host.cpu.number': '새 시뮬레이터 호스트의 CPU 코어 수입니다(Stackyard).',
  'simulator.host.cpu.speed': '새 시뮬레이터 호스트의 CPU 속도입니다(Stackyard).',
  'simulator.host.memory.gb': '새 시뮬레이터 호스트의 메모리 크기입니다(Stackyard).',
  'simulator.storage.capacity.gb': '새 시뮬레이터 기본 스토리지 풀이나 이미지 저장소의 크기입니다(Stackyard).',
  'simulator.template.download.interval': '템플릿과 ISO 다운로드 진행을 갱신하는 간격(밀리초)입니다(Stackyard).',
  'simulator.template.download.speed':
    '시뮬레이터가 템플릿이나 ISO를 보조 스토리지로 다운로드하는 속도(MiB/s)입니다(Stackyard).',
  'storage.max.volume.size': '볼륨의 최대 크기(GiB)입니다. 디스크 오퍼링도 이보다 클 수 없습니다.',
  'storage.overprovisioning.factor':
    '스토리지 오버프로비저닝 배수입니다. 쓸 수 있는 스토리지는 실제 스토리지 크기 × 이 배수입니다.',
  'vm.allocation.algorithm': '새 VM을 배치할 때 호스트를 고르는 순서입니다.',
  'vm.serviceoffering.cpu.cores.max': '컴퓨트 오퍼링에 줄 수 있는 최대 CPU 코어 수입니다. 0이면 제한이 없습니다.',
  'vm.serviceoffering.ram.size.max': '컴퓨트 오퍼링에 줄 수 있는 최대 메모리(MiB)입니다. 0이면 제한이 없습니다.',
  'zone.directnetwork.publicip.capacity.notificationthreshold':
    'Zone의 직접 연결 IP 사용률이 이 비율을 넘으면 알림을 보냅니다.',
  'zone.secstorage.capacity.notificationthreshold': 'Zone의 보조 스토리지 사용률이 이 비율을 넘으면 알림을 보냅니다.',
  'zone.virtualnetwork.publicip.capacity.notificationthreshold':
    'Zone의 공인 IP 사용률이 이 비율을 넘으면 알림을 보냅니다.',
  'zone.vlan.capacity.notificationthreshold': 'Zone의 게스트 VLAN 사용률이 이 비율을 넘으면 알림을 보냅니다.',
};

export const settingDescriptionsKo = descriptionMessages(SETTING_DESCRIPTIONS_KO);
