import type { ServerMessageKey } from '../../contract';

/**
 * 코어가 보내는 메시지(이벤트 설명, 알림 내용, 오류)의 한국어. 키와 {자리표시자}는 코어의 목록
 * (core/src/contract/messages.ts)과 같다. 상태·유형 같은 값은 serverMessage가 번역해 채운다.
 * 용어는 docs/glossary.md를 따른다.
 */
export const serverMessagesKo: Record<ServerMessageKey, string> = {
  'event.zone.created': 'Zone {name}을(를) 만들었습니다 (ID: {id})',
  'event.zone.updated': 'Zone {name}을(를) 수정했습니다 (ID: {id})',
  'event.zone.allocationChanged': 'Zone {name}의 할당 상태를 {state}(으)로 바꿨습니다 (ID: {id})',
  'event.zone.storageTrafficAdded': 'Zone {name}의 관리용 물리 네트워크에 스토리지 트래픽을 추가했습니다',
  'event.zone.deleted': 'Zone {name}을(를) 삭제했습니다 (ID: {id})',
  'event.pod.created': 'Zone {zone}에 Pod {name}을(를) 만들었습니다 ({cidr}, 예약 범위 {startIp}-{endIp})',
  'event.pod.updated': 'Pod {name}을(를) 수정했습니다 (ID: {id})',
  'event.pod.deleted': 'Pod {name}을(를) 삭제했습니다 (ID: {id})',
  'event.cluster.created': 'Pod {pod}에 {hypervisor} 클러스터 {name}을(를) 만들었습니다 (ID: {id})',
  'event.cluster.updated': '클러스터 {name}을(를) 수정했습니다 (ID: {id})',
  'event.cluster.deleted': '클러스터 {name}을(를) 삭제했습니다 (ID: {id})',
  'event.host.added': '클러스터 {cluster}에 {hypervisor} 호스트 {name}({url})을(를) 추가했습니다 (ID: {id})',
  'event.host.updated': '호스트 {name}을(를) 수정했습니다 (ID: {id})',
  'event.host.deleted': '호스트 {name}을(를) 삭제했습니다 (ID: {id})',
  'event.host.silent':
    '호스트 {name}이(가) {since} 이후 하트비트에 응답하지 않아 {from}에서 {to} 상태가 되었습니다 (ID: {id})',
  'event.host.answered': '호스트 {name}이(가) 하트비트에 다시 응답해 {from}에서 정상 상태가 되었습니다 (ID: {id})',
  'event.host.reconnected': '호스트 {name}에 다시 연결했습니다 (ID: {id})',
  'event.host.reconnectFailed': '호스트 {name}에 다시 연결하지 못했습니다 (ID: {id})',
  'event.host.inMaintenance': '호스트 {name}이(가) 유지보수 상태가 되었습니다 (ID: {id})',
  'event.host.maintenanceFailed': '호스트 {name}을(를) 유지보수 상태로 전환하지 못했습니다 (ID: {id})',
  'event.host.maintenanceCancelled': '호스트 {name}의 유지보수를 취소했습니다 (ID: {id})',

  'event.physicalNetwork.created': 'Zone {zone}에 물리 네트워크 {name}을(를) 만들었습니다 (ID: {id})',
  'event.physicalNetwork.updated': '물리 네트워크 {name}을(를) 수정했습니다 (ID: {id})',
  'event.physicalNetwork.stateChanged': '물리 네트워크 {name}의 상태를 {state}(으)로 바꿨습니다 (ID: {id})',
  'event.physicalNetwork.deleted': '물리 네트워크 {name}을(를) 삭제했습니다 (ID: {id})',
  'event.trafficType.added': '물리 네트워크 {network}에 {trafficType} 트래픽을 추가했습니다 (ID: {id})',
  'event.trafficType.updated': '물리 네트워크 {network}의 {trafficType} 트래픽을 수정했습니다',
  'event.trafficType.deleted': '물리 네트워크 {network}의 {trafficType} 트래픽을 삭제했습니다',
  'event.provider.updated': '네트워크 서비스 제공자 {name}을(를) 수정했습니다 (ID: {id})',
  'event.provider.stateChanged': '네트워크 서비스 제공자 {name}의 상태를 {state}(으)로 바꿨습니다 (ID: {id})',
  'event.routerElement.enabled': '{elementType} 요소를 활성화했습니다 (ID: {id})',
  'event.routerElement.disabled': '{elementType} 요소를 비활성화했습니다 (ID: {id})',
  'event.ipRange.createdPublic': 'Zone {zone}에 공인 IP 범위 {startIp}-{endIp}({vlan})을(를) 만들었습니다',
  'event.ipRange.createdPublicInPod':
    'Zone {zone} Pod {pod}에 공인 IP 범위 {startIp}-{endIp}({vlan})을(를) 만들었습니다',
  'event.ipRange.createdGuest': 'Zone {zone}에 게스트 IP 범위 {startIp}-{endIp}({vlan})을(를) 만들었습니다',
  'event.ipRange.createdGuestInPod':
    'Zone {zone} Pod {pod}에 게스트 IP 범위 {startIp}-{endIp}({vlan})을(를) 만들었습니다',
  'event.ipRange.deleted': 'IP 범위 {startIp}-{endIp}({vlan})을(를) 삭제했습니다',
  'event.ipRange.dedicatedToDomain': '공인 IP 범위 {startIp}-{endIp}을(를) 도메인 {domain} 전용으로 지정했습니다',
  'event.ipRange.dedicatedToAccount':
    '공인 IP 범위 {startIp}-{endIp}을(를) 도메인 {domain}의 계정 {account} 전용으로 지정했습니다',
  'event.ipRange.released': '공인 IP 범위 {startIp}-{endIp}의 전용 지정을 해제했습니다',

  'event.storagePool.createdInCluster': '클러스터 {cluster}에 기본 스토리지 {name}({url})을(를) 만들었습니다',
  'event.storagePool.createdInZone':
    'Zone {zone}에 기본 스토리지 {name}({url})을(를) 만들었습니다 (하이퍼바이저 {hypervisor})',
  'event.storagePool.updated': '기본 스토리지 {name}을(를) 수정했습니다',
  'event.storagePool.stateChanged': '기본 스토리지 {name}의 상태를 {state}(으)로 바꿨습니다',
  'event.storagePool.deleted': '기본 스토리지 {name}을(를) 삭제했습니다',
  'event.storagePool.inMaintenance': '기본 스토리지 {name}이(가) 유지보수 상태가 되었습니다',
  'event.storagePool.maintenanceFailed': '기본 스토리지 {name}을(를) 유지보수 상태로 전환하지 못했습니다: {reason}',
  'event.storagePool.leftMaintenance': '기본 스토리지 {name}의 유지보수가 끝났습니다',
  'event.imageStore.added': 'Zone {zone}에 보조 스토리지 {name}({url})을(를) 추가했습니다',
  'event.imageStore.deleted': '보조 스토리지 {name}을(를) 삭제했습니다',

  'event.account.created': '도메인 {domain}에 계정 {name}을(를) 만들었습니다 (사용자 {username})',
  'event.account.updated': '계정 {name}을(를) 수정했습니다',
  'event.account.renamed': '계정 {name}의 이름을 {newName}(으)로 바꿨습니다',
  'event.account.roleChanged': '계정 {name}의 역할을 {role}(으)로 바꿨습니다',
  'event.account.renamedAndRoleChanged': '계정 {name}의 이름을 {newName}(으)로, 역할을 {role}(으)로 바꿨습니다',
  'event.account.enabled': '도메인 {domain}의 계정 {name}을(를) 활성화했습니다',
  'event.account.disabled': '도메인 {domain}의 계정 {name}을(를) 비활성화했습니다',
  'event.account.locked': '도메인 {domain}의 계정 {name}을(를) 잠갔습니다',
  'event.account.deleted': '도메인 {domain}의 계정 {name}을(를) 삭제했습니다',
  'event.user.created': '도메인 {domain} 계정 {account}에 사용자 {username}을(를) 만들었습니다',
  'event.user.updated': '사용자 {username}을(를) 수정했습니다 ({fields})',
  'event.user.unchanged': '사용자 {username}을(를) 수정했습니다 (바뀐 내용 없음)',
  'event.user.enabled': '계정 {account}의 사용자 {username}을(를) 활성화했습니다',
  'event.user.disabled': '계정 {account}의 사용자 {username}을(를) 비활성화했습니다',
  'event.user.locked': '계정 {account}의 사용자 {username}을(를) 잠갔습니다',
  'event.user.deleted': '계정 {account}의 사용자 {username}을(를) 삭제했습니다',
  'event.user.keysRegistered': '사용자 {username}의 API 키를 발급했습니다',
  'event.user.loggedIn': '로그인했습니다',
  'event.user.loggedInFrom': '{address}에서 로그인했습니다',
  'event.user.loginFailed': '로그인에 실패했습니다',
  'event.user.loginFailedFrom': '{address}에서 로그인에 실패했습니다',
  'event.user.loggedOut': '로그아웃했습니다',
  'event.user.lockedAfterFailures': '로그인에 {count}번 실패해 사용자를 잠갔습니다',
  'event.domain.created': '도메인 {path}을(를) 만들었습니다 (ID: {id})',
  'event.domain.updated': '도메인 {path}을(를) 수정했습니다 (ID: {id})',
  'event.domain.deleted': '도메인 {path}을(를) 삭제했습니다 (ID: {id})',
  'event.domain.deletedWithCleanup': '도메인 {path}과(와) 그 안의 리소스를 삭제했습니다 (ID: {id})',
  'event.role.created': '{roleType} 유형의 역할 {name}을(를) 만들었습니다',
  'event.role.cloned': '{source} 역할을 복제해 {roleType} 유형의 역할 {name}을(를) 만들었습니다',
  'event.role.updated': '역할 {name}을(를) 수정했습니다',
  'event.role.deleted': '역할 {name}을(를) 삭제했습니다',
  'event.role.ruleAdded': '역할 {role}에 규칙 {rule}({permission})을(를) 추가했습니다',
  'event.role.ruleChanged': '역할 {role}의 규칙 {rule}을(를) {permission}(으)로 바꿨습니다',
  'event.role.rulesReordered': '역할 {role}의 규칙 순서를 바꿨습니다',
  'event.role.ruleRemoved': '역할 {role}에서 규칙 {rule}을(를) 삭제했습니다',

  'event.setting.updated': '설정 {name}의 값을 {value}(으)로 바꿨습니다',
  'event.setting.updatedAfterRestart': '설정 {name}의 값을 {value}(으)로 바꿨습니다 (재시작 후 적용)',
  'event.setting.reset': '설정 {name}을(를) 기본값 {value}(으)로 되돌렸습니다',
  'event.setting.resetSecret': '설정 {name}을(를) 기본값으로 되돌렸습니다',
  'event.simulatorMock.configured': '시뮬레이터 장애 주입 {name} {value}을(를) 설정했습니다 (ID: {id})',
  'event.simulatorMock.removed': '시뮬레이터 장애 주입 {name} {value}을(를) 해제했습니다 (ID: {id})',
  'event.datacenter.imported': '데이터센터를 가져왔습니다 (Zone {zones}): {created}, API 호출 {calls}번',
  'event.datacenter.importedWithWarnings':
    '데이터센터를 가져왔습니다 (Zone {zones}): {created}, API 호출 {calls}번, 경고 {warnings}건',
  'event.datacenter.resumed':
    '중단된 데이터센터 가져오기를 이어서 마쳤습니다 (Zone {zones}): {created}, API 호출 {calls}번',
  'event.datacenter.resumedWithWarnings':
    '중단된 데이터센터 가져오기를 이어서 마쳤습니다 (Zone {zones}): {created}, API 호출 {calls}번, 경고 {warnings}건',
  'event.datacenter.rolledBack': '데이터센터 가져오기로 만든 것을 삭제했습니다: {removed}',
  'event.datacenter.rolledBackSettingKept':
    '데이터센터 가져오기로 만든 것을 삭제했습니다: {removed}. 가져오기가 바꾼 전역 설정 1개는 새 값을 유지합니다.',
  'event.datacenter.rolledBackSettingsKept':
    '데이터센터 가져오기로 만든 것을 삭제했습니다: {removed}. 가져오기가 바꾼 전역 설정 {settings}개는 새 값을 유지합니다.',

  'alert.host.disconnected': '호스트 연결 끊김: {name} (ID: {id}), Zone {zone}, Pod {pod}',
  'alert.host.alert': '호스트 경고 상태: {name} (ID: {id}), Zone {zone}, Pod {pod}',
  'alert.host.down': '호스트 다운: {name} (ID: {id}), Zone {zone}, Pod {pod}',
  'alert.capacity.cpu': 'CPU 여유 부족: Zone {zone} Pod {pod} 클러스터 {cluster} (사용률 {used}%, 임계값 {threshold}%)',
  'alert.capacity.memory':
    '메모리 여유 부족: Zone {zone} Pod {pod} 클러스터 {cluster} (사용률 {used}%, 임계값 {threshold}%)',
  'alert.capacity.storage':
    '기본 스토리지 여유 부족: Zone {zone} Pod {pod} 클러스터 {cluster} (사용률 {used}%, 임계값 {threshold}%)',
  'alert.capacity.storageAllocated':
    '할당되지 않은 기본 스토리지 부족: Zone {zone} Pod {pod} 클러스터 {cluster} (사용률 {used}%, 임계값 {threshold}%)',
  'alert.capacity.localStorage':
    '로컬 스토리지 여유 부족: Zone {zone} Pod {pod} 클러스터 {cluster} (사용률 {used}%, 임계값 {threshold}%)',
  'alert.capacity.privateIp': '할당되지 않은 사설 IP 부족: Zone {zone} Pod {pod} (사용률 {used}%, 임계값 {threshold}%)',
  'alert.capacity.publicIp': '할당되지 않은 공인 IP 부족: Zone {zone} (사용률 {used}%, 임계값 {threshold}%)',
  'alert.capacity.directIp': '할당되지 않은 공유 네트워크 IP 부족: Zone {zone} (사용률 {used}%, 임계값 {threshold}%)',
  'alert.capacity.secondaryStorage': '보조 스토리지 여유 부족: Zone {zone} (사용률 {used}%, 임계값 {threshold}%)',
  'alert.capacity.vlan': '할당되지 않은 VLAN 부족: Zone {zone} (사용률 {used}%, 임계값 {threshold}%)',

  'error.login.failed':
    '도메인 {domain}의 사용자 {username}을(를) 인증하지 못했습니다. 사용자 이름과 비밀번호를 확인하세요.',
  'error.login.throttled':
    '이 사용자 또는 이 주소에서 로그인에 너무 여러 번 실패해 비밀번호를 확인하지 않았습니다. {seconds}초 뒤에 다시 시도하세요.',
  'error.login.throttledOneSecond':
    '이 사용자 또는 이 주소에서 로그인에 너무 여러 번 실패해 비밀번호를 확인하지 않았습니다. 1초 뒤에 다시 시도하세요.',
  'error.session.expired': '세션이 만료되었습니다. 다시 로그인하세요.',
  'error.unauthenticated': '사용자 인증 정보나 요청 서명을 확인할 수 없습니다.',
  'error.internal': '명령을 실행하는 중에 내부 오류가 발생했습니다. 시스템 관리자에게 문의하세요.',
  'error.api.missingParameter': 'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}이(가) 없습니다.',
  'error.api.invalidParameter':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값이 올바르지 않습니다 ({reason}).',
  'error.api.notAllowed': '없는 명령이거나 이 사용자가 쓸 수 없는 명령입니다.',
  'error.access.domain': '{caller} 계정에는 도메인(ID={id})에서 작업할 권한이 없습니다.',
  'error.access.account': '{caller} 계정에는 계정(ID={id})의 리소스를 다룰 권한이 없습니다.',
  'error.notFound': 'ID가 {id}인 {resource}을(를) 찾을 수 없습니다.',
  'error.zone.nameTaken': '같은 이름의 Zone이 이미 있습니다. 다른 이름을 지정하세요.',
  'error.pod.nameTaken': 'Zone {zone}에 이름이 {name}인 Pod가 이미 있습니다. 다른 이름을 지정하세요.',
  'error.pod.hasHosts': 'Pod에 호스트가 있어 삭제할 수 없습니다.',
  'error.pod.hasClusters': 'Pod에 클러스터가 있어 삭제할 수 없습니다.',
  'error.pod.hasStoragePools': 'Pod에 기본 스토리지가 있어 삭제할 수 없습니다.',
  'error.pod.hasIpRanges': 'Pod에 게스트 IP 범위가 있어 삭제할 수 없습니다. IP 범위를 먼저 삭제하세요.',
  'error.cluster.nameTaken': 'Pod {pod}에 이름이 {name}인 클러스터가 이미 있습니다.',
  'error.cluster.hasHosts': '클러스터 {name}에 호스트가 있어 삭제할 수 없습니다. 호스트를 먼저 삭제하세요.',
  'error.cluster.hasStoragePools':
    '클러스터 {name}에 기본 스토리지가 있어 삭제할 수 없습니다. 기본 스토리지를 먼저 삭제하세요.',
  'error.storagePool.nameTaken': 'Zone {zone}에 이름이 {name}인 기본 스토리지가 이미 있습니다.',
  'error.physicalNetwork.nameTaken': 'Zone {zone}에 이름이 {name}인 물리 네트워크가 이미 있습니다.',
  'error.account.nameTaken': '도메인 {domain}에 계정 {name}이(가) 이미 있습니다.',
  'error.user.nameTaken': '도메인 {domain}에 사용자 {username}이(가) 이미 있습니다.',
  'error.role.nameTaken': '이름이 {name}인 역할이 이미 있습니다.',
  'error.role.inUse': '역할 {name}을(를) 계정 {count}개가 쓰고 있어 삭제할 수 없습니다.',
};
