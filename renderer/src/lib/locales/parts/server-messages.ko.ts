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
  'event.zone.enabled': 'Zone {name}을(를) 활성화했습니다 (ID: {id})',
  'event.zone.disabled': 'Zone {name}을(를) 비활성화했습니다 (ID: {id})',
  'event.pod.enabled': 'Pod {name}을(를) 활성화했습니다 (ID: {id})',
  'event.pod.disabled': 'Pod {name}을(를) 비활성화했습니다 (ID: {id})',
  'event.cluster.enabled': '클러스터 {name}을(를) 활성화했습니다 (ID: {id})',
  'event.cluster.disabled': '클러스터 {name}을(를) 비활성화했습니다 (ID: {id})',
  'event.host.enabled': '호스트 {name}을(를) 활성화했습니다 (ID: {id})',
  'event.host.disabled': '호스트 {name}을(를) 비활성화했습니다 (ID: {id})',
  'event.host.enabledWithChanges': '호스트 {name}을(를) 활성화하고 이름이나 호스트 태그도 바꿨습니다 (ID: {id})',
  'event.host.disabledWithChanges': '호스트 {name}을(를) 비활성화하고 이름이나 호스트 태그도 바꿨습니다 (ID: {id})',
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
  'event.serviceOffering.created': '컴퓨트 오퍼링 {name}을(를) 만들었습니다 (ID: {id})',
  'event.serviceOffering.updated': '컴퓨트 오퍼링 {name}을(를) 수정했습니다 (ID: {id})',
  'event.serviceOffering.deleted': '컴퓨트 오퍼링 {name}을(를) 삭제했습니다 (ID: {id})',
  'event.diskOffering.created': '디스크 오퍼링 {name}을(를) 만들었습니다 (ID: {id})',
  'event.diskOffering.updated': '디스크 오퍼링 {name}을(를) 수정했습니다 (ID: {id})',
  'event.diskOffering.deleted': '디스크 오퍼링 {name}을(를) 삭제했습니다 (ID: {id})',
  'event.networkOffering.created': '네트워크 오퍼링 {name}을(를) 만들었습니다 (ID: {id})',
  'event.networkOffering.updated': '네트워크 오퍼링 {name}을(를) 수정했습니다 (ID: {id})',
  'event.networkOffering.deleted': '네트워크 오퍼링 {name}을(를) 삭제했습니다 (ID: {id})',
  'event.template.created': '템플릿 {name}을(를) 등록했습니다 (ID: {id})',
  'event.template.updated': '템플릿 {name}을(를) 수정했습니다 (ID: {id})',
  'event.template.deleted': '템플릿 {name}을(를) 삭제했습니다 (ID: {id})',
  'event.template.copied': '템플릿 {name}을(를) 다른 Zone으로 복사했습니다 (ID: {id})',
  'event.template.downloaded': '템플릿 {name}의 다운로드가 끝나 사용할 수 있습니다 (ID: {id})',
  'event.iso.created': 'ISO {name}을(를) 등록했습니다 (ID: {id})',
  'event.iso.updated': 'ISO {name}을(를) 수정했습니다 (ID: {id})',
  'event.iso.deleted': 'ISO {name}을(를) 삭제했습니다 (ID: {id})',
  'event.iso.copied': 'ISO {name}을(를) 다른 Zone으로 복사했습니다 (ID: {id})',
  'event.iso.downloaded': 'ISO {name}의 다운로드가 끝나 사용할 수 있습니다 (ID: {id})',

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
  'event.setting.updatedOn': '{resource} {target}(ID: {id})의 설정 {name}을(를) {value}(으)로 바꿨습니다',
  'event.setting.resetOn':
    '{resource} {target}(ID: {id})의 설정 {name}을(를) 되돌렸습니다. 이제 {value} 값이 적용됩니다',
  'event.alert.acknowledged': '알림 {name}을(를) 확인했습니다 (ID: {id})',
  'event.alert.assigned': '알림 {name}을(를) {user}에게 맡겼습니다 (ID: {id})',
  'event.alert.unassigned': '알림 {name}의 담당자를 해제했습니다 (ID: {id})',
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

  // Errors: accounts, users, roles, domains, settings, alerts, events
  'error.name.notAllowedCharacters': '{field}에 쓸 수 없는 문자가 있습니다.',
  'error.name.blank': '{field}은(는) 비워 둘 수 없습니다.',
  'error.name.tooLong': '{field}은(는) {max}자를 넘을 수 없습니다.',
  'error.name.controlCharacters': '{field}에는 제어 문자를 쓸 수 없습니다.',
  'error.name.bidiCharacters': '{field}에는 텍스트 방향을 바꾸는 양방향 제어 문자를 쓸 수 없습니다.',
  'error.name.invalidUnicode': '{field}이(가) 올바른 유니코드 텍스트가 아닙니다.',
  'error.domain.nameHasSlash': '도메인 이름에는 "/"를 쓸 수 없습니다.',
  'error.user.badEmail': '이메일 주소가 올바르지 않습니다: {email}',
  'error.user.badTimezone': '시간대가 올바르지 않습니다: {timezone}',
  'error.user.emptyPassword': '비밀번호는 비워 두거나 공백만 쓸 수 없습니다.',
  'error.domain.badNetworkDomain':
    "네트워크 도메인이 올바르지 않습니다. 전체 길이는 190자를 넘을 수 없고, 각 레이블은 1~63자의 영문자(a~z), 숫자(0~9), 하이픈('-')으로 쓰되 하이픈으로 시작하거나 끝날 수 없습니다.",
  'error.user.system': '사용자(ID: {id})는 시스템 사용자라서 이 작업을 할 수 없습니다.',
  'error.access.user': '{caller} 사용자는 자기 자신만 관리할 수 있습니다. 사용자(ID={id})는 관리할 수 없습니다.',
  'error.account.notFoundInDomain': '도메인(ID={domain})에서 계정 {account}을(를) 찾을 수 없습니다.',
  'error.user.idTaken': 'ID가 {id}인 사용자가 이미 있습니다.',
  'error.user.currentPasswordRequired': '새 비밀번호를 설정하려면 현재 비밀번호를 입력하세요.',
  'error.user.currentPasswordIncorrect': '현재 비밀번호가 맞지 않습니다.',
  'error.user.cannotDisableSelf': '자기 자신을 비활성화할 수 없습니다.',
  'error.user.cannotLockSelf': '자기 자신을 잠글 수 없습니다.',
  'error.user.cannotDeleteSelf': '자기 자신을 삭제할 수 없습니다.',
  'error.user.defaultNoDisable': '사용자 {username}은(는) 기본 사용자라서 비활성화할 수 없습니다.',
  'error.user.defaultNoLock': '사용자 {username}은(는) 기본 사용자라서 잠글 수 없습니다.',
  'error.user.defaultNoDelete': '사용자 {username}은(는) 기본 사용자라서 삭제할 수 없습니다.',
  'error.user.lockNotEnabled': '활성 상태인 사용자만 잠글 수 있습니다. 현재 상태: {state}',
  'error.user.notFound': '사용자를 찾을 수 없습니다.',
  'error.user.notFoundById': 'ID로 사용자를 찾을 수 없습니다.',
  'error.user.notFoundWithId': 'ID가 {id}인 사용자를 찾을 수 없습니다.',
  'error.user.systemKeys': 'system 사용자는 시스템 계정이라서 수정할 수 없습니다.',
  'error.access.userKeys': '{caller} 계정에는 사용자(ID={id})의 키를 볼 권한이 없습니다.',
  'error.account.missingRef': '계정 ID나 계정 이름(도메인 ID와 함께)을 지정하세요.',
  'error.account.notFoundByRef': '도메인 {domain}에서 계정을 찾을 수 없습니다 (계정 ID: {id}, 이름: {account}).',
  'error.account.system': '계정(ID: {id})은 시스템 계정이라서 이 작업을 할 수 없습니다.',
  'error.account.typeMismatch': '계정 유형 {accountType}이(가) 역할 {role}의 유형 {roleType}과(와) 맞지 않습니다.',
  'error.account.missingRole': '계정 유형이나 역할 ID가 없습니다. accounttype이나 roleid를 지정하세요.',
  'error.account.badType':
    '계정 유형 {accountType}이(가) 올바르지 않습니다. 0(사용자), 1(루트 관리자), 2(도메인 관리자) 중에서 지정하세요.',
  'error.role.defaultNotFound': '{roleType} 유형의 기본 역할을 찾을 수 없습니다.',
  'error.account.adminOutsideRoot': 'ROOT가 아닌 도메인 {domain}에는 관리자 유형의 계정을 만들거나 둘 수 없습니다.',
  'error.account.domainBeingDeleted': '도메인 {domain}을(를) 삭제하는 중이라서 계정을 만들 수 없습니다.',
  'error.account.idTaken': 'ID가 {id}인 계정이 이미 있습니다.',
  'error.account.defaultNoRoleChange': '기본 계정의 역할은 바꿀 수 없습니다.',
  'error.account.ownRole': '자기 계정의 역할은 바꿀 수 없습니다.',
  'error.account.renameTaken': '도메인 {domain}에 이름이 {name}인 계정이 이미 있습니다.',
  'error.account.cannotDisableSelf': '자기 계정을 비활성화하거나 잠글 수 없습니다.',
  'error.account.defaultNoDisable': '계정 {name}은(는) 기본 계정이라서 비활성화하거나 잠글 수 없습니다.',
  'error.account.isDefault': '기본 계정은 삭제할 수 없습니다.',
  'error.account.cannotDeleteSelf': '자기 계정은 삭제할 수 없습니다.',
  'error.account.defaultNoDelete': '계정 {name}은(는) 기본 계정이라서 삭제할 수 없습니다.',
  'error.account.notFound': '계정을 찾을 수 없습니다.',
  'error.domain.parentNotFound': '상위 도메인을 찾을 수 없습니다.',
  'error.domain.idTaken': 'ID가 {id}인 도메인이 이미 있습니다.',
  'error.domain.parentBeingDeleted': '상위 도메인 {parent}을(를) 삭제하는 중이라서 도메인을 만들 수 없습니다.',
  'error.domain.nameTaken': '상위 도메인(ID: {parentId})에 이름이 {name}인 도메인이 이미 있습니다.',
  'error.domain.callerDomainNotFound': '호출한 계정의 도메인을 찾을 수 없습니다.',
  'error.domain.rootRename': 'ROOT 도메인의 이름은 바꿀 수 없습니다.',
  'error.domain.renameTaken': '이름이 {name}인 도메인이 이미 있어 이름을 바꿀 수 없습니다.',
  'error.domain.deleteRoot': 'ROOT 도메인은 삭제할 수 없습니다.',
  'error.domain.deleteOwn': '{caller} 계정은 자기 도메인이나 그 상위 도메인을 삭제할 수 없습니다.',
  'error.domain.hasSubdomains':
    '하위 도메인 {subdomains}개가 있어 도메인을 아직 삭제할 수 없습니다. 먼저 삭제하거나 cleanup=true를 쓰세요.',
  'error.domain.hasAccounts':
    '계정 {accounts}개가 있어 도메인을 아직 삭제할 수 없습니다. 먼저 삭제하거나 cleanup=true를 쓰세요.',
  'error.domain.hasSubdomainsAndAccounts':
    '하위 도메인 {subdomains}개와 계정 {accounts}개가 있어 도메인을 아직 삭제할 수 없습니다. 먼저 삭제하거나 cleanup=true를 쓰세요.',
  'error.domain.strongerAccount':
    '{caller} 계정은 자기보다 권한이 많은 역할 {role}의 계정 {account}을(를) 삭제할 수 없습니다.',
  'error.domain.notEmpty': '하위 도메인이나 계정이 있어 도메인을 아직 삭제할 수 없습니다.',
  'error.domain.accountsLeft': '계정 {accounts}개가 남아 있어 도메인을 아직 삭제할 수 없습니다.',
  'error.domain.notFound': '도메인을 찾을 수 없습니다.',
  'error.role.rootOnly': '{caller} 계정은 루트 관리자가 아닙니다. 역할은 루트 관리자만 관리할 수 있습니다.',
  'error.role.defaultRules': '기본 역할 {name}의 규칙은 바꿀 수 없습니다.',
  'error.role.typeAndId': '역할 유형과 복제할 역할 ID 중 하나만 지정하세요.',
  'error.role.missingType': '역할 유형이나 복제할 역할 ID를 지정하세요.',
  'error.role.defaultNoUpdate': '기본 역할 {name}은(는) 수정할 수 없습니다.',
  'error.role.typeInUse': '역할 {name}을(를) 쓰는 계정이 있어 유형을 바꿀 수 없습니다.',
  'error.role.defaultNoDelete': '기본 역할 {name}은(는) 삭제할 수 없습니다.',
  'error.role.badRule':
    "규칙 '{rule}'이(가) 올바르지 않습니다. API 이름이나 영문자, 숫자, '*'로 된 와일드카드 패턴을 쓰세요.",
  'error.role.unknownApi': "규칙 '{rule}'이(가) 올바르지 않습니다. 그런 이름의 API 명령이 없습니다.",
  'error.role.ruleExists': '역할 {role}에 {rule} 규칙이 이미 있습니다.',
  'error.role.ruleUpdateEither': 'ruleorder를 지정하거나, ruleid와 permission을 함께 지정하세요.',
  'error.role.ruleUpdateBoth': '규칙을 바꾸려면 ruleid와 permission이 모두 필요합니다.',
  'error.role.ruleOrder': 'ruleorder에는 역할 {role}의 규칙 ID {count}개를 한 번씩 모두 나열해야 합니다.',
  'error.role.ruleNotFound': '역할 {role}에서 규칙 {id}을(를) 찾을 수 없습니다.',
  'error.setting.invalidName': '설정 이름 {name}이(가) 올바르지 않습니다.',
  'error.setting.invalidScope': '설정 {name}에 지정한 범위 ID가 올바르지 않습니다.',
  'error.setting.notInteger': '설정 {name}의 값이 올바르지 않습니다: "{value}"은(는) 정수가 아닙니다.',
  'error.setting.secretNotInteger': '설정 {name}의 값이 올바르지 않습니다: 값이 정수가 아닙니다.',
  'error.setting.notNumber': '설정 {name}의 값이 올바르지 않습니다: "{value}"은(는) 숫자가 아닙니다.',
  'error.setting.secretNotNumber': '설정 {name}의 값이 올바르지 않습니다: 값이 숫자가 아닙니다.',
  'error.setting.notBetween':
    '설정 {name}의 값이 올바르지 않습니다: "{value}"은(는) 범위를 벗어났습니다. {min}에서 {max} 사이여야 합니다.',
  'error.setting.secretNotBetween':
    '설정 {name}의 값이 올바르지 않습니다: 값이 범위를 벗어났습니다. {min}에서 {max} 사이여야 합니다.',
  'error.setting.belowMin':
    '설정 {name}의 값이 올바르지 않습니다: "{value}"은(는) 범위를 벗어났습니다. {min} 이상이어야 합니다.',
  'error.setting.secretBelowMin':
    '설정 {name}의 값이 올바르지 않습니다: 값이 범위를 벗어났습니다. {min} 이상이어야 합니다.',
  'error.setting.aboveMax':
    '설정 {name}의 값이 올바르지 않습니다: "{value}"은(는) 범위를 벗어났습니다. {max} 이하여야 합니다.',
  'error.setting.secretAboveMax':
    '설정 {name}의 값이 올바르지 않습니다: 값이 범위를 벗어났습니다. {max} 이하여야 합니다.',
  'error.setting.notBoolean':
    '설정 {name}의 값이 올바르지 않습니다: "{value}"은(는) 불리언 값이 아닙니다. true나 false를 쓰세요.',
  'error.setting.secretNotBoolean':
    '설정 {name}의 값이 올바르지 않습니다: 값이 불리언 값이 아닙니다. true나 false를 쓰세요.',
  'error.setting.tooLong': '설정 {name}의 값이 올바르지 않습니다: 값이 {max}자를 넘습니다.',
  'error.setting.notOneOf': '설정 {name}의 값이 올바르지 않습니다: "{value}"은(는) 다음 중 하나가 아닙니다: {values}',
  'error.setting.secretNotOneOf': '설정 {name}의 값이 올바르지 않습니다: 값이 다음 중 하나가 아닙니다: {values}',
  'error.setting.multipleScopeIds': 'ID를 여러 개 지정할 수 없습니다. 범위에 맞는 ID를 하나만 지정하세요.',
  'error.setting.scopeNotFound': 'ID가 {id}인 {resource}을(를) 찾을 수 없습니다.',
  'error.setting.scopeAccess': '{caller} 계정에는 {resource}(ID={id})의 리소스를 다룰 권한이 없습니다.',
  'error.alert.openNotFound': 'ID가 {id}인 열린 알림을 찾을 수 없습니다.',
  'error.alert.notFound': 'ID가 {id}인 알림을 찾을 수 없습니다.',
  'error.alert.assigneeNotAdmin':
    '사용자 {username}에게는 알림을 맡길 수 없습니다. 알림은 루트 관리자와 리소스 관리자만 볼 수 있습니다.',
  'error.alert.assigneeNotEnabled': '사용자 {username}은(는) {state} 상태입니다.',
  'error.alert.badType': '알림 유형 {type}이(가) 올바르지 않습니다. 숫자를 지정하세요.',
  'error.alert.noSelection': 'ids, type, startdate, enddate 중 하나 이상을 지정하세요.',
  'error.alert.badId': '알림 ID {id}이(가) 올바르지 않습니다.',
  'error.alert.noIds': 'ids에 알림을 하나 이상 지정하세요.',
  'error.event.notFound': 'ID가 {id}인 이벤트를 찾을 수 없습니다.',
  'error.event.pendingParamsTogether': 'entrytime과 duration은 함께 지정해야 합니다.',
  'error.event.entryTimeNotAfterDuration': 'entrytime은 duration보다 커야 합니다.',
  'error.event.noSelection': 'ids, type, enddate 중 하나 이상을 지정하세요.',
  'error.event.badId': '이벤트 ID {id}이(가) 올바르지 않습니다.',
  'error.list.startDateWithoutEndDate': 'startdate를 지정하면 enddate도 지정해야 합니다.',
  'error.date.unparsable':
    '{param} 값 "{value}"을(를) 해석할 수 없습니다. yyyy-MM-dd 또는 yyyy-MM-dd HH:mm:ss 형식으로 쓰세요.',
  'error.paging.badPageSize': '페이지 크기는 양수이거나, 제한이 없으면 -1이어야 합니다.',
  'error.paging.pageSizeTooLarge': '페이지 크기는 {max}을(를) 넘을 수 없습니다.',
  'error.capacity.endBeforeStart': 'enddate는 startdate보다 앞설 수 없습니다.',
  'error.capacity.sortBy': 'sortBy 매개변수에는 usage만 지정할 수 있습니다.',
  'error.capacity.clusterNotFound': 'clusterids에 지정한 클러스터 {id}을(를) 찾을 수 없습니다.',
  'error.capacity.negativeHostLimit': 'hostlimit는 음수일 수 없습니다.',
  'error.search.emptyQuery': '검색어를 입력하세요.',
  'error.search.unknownKind': '알 수 없는 종류입니다: {kinds}. 지정할 수 있는 종류: {known}',
  'error.managementServer.badState': '상태 {value}이(가) 올바르지 않습니다. {states} 중 하나를 지정하세요.',
  'error.secrets.otherKey':
    '데이터베이스에 저장된 비밀 값을 복호화할 수 없습니다. 이 서버와 다른 비밀 키(이 서버의 키 지문: {fingerprint})로 암호화되었습니다. 데이터베이스를 함께 쓰는 모든 서버는 같은 비밀 키를 써야 합니다. {doc}을(를) 참고하세요.',
  'error.job.ownerUserDeleted':
    '작업 소유자가 권한을 잃어 작업을 중지했습니다: 작업을 요청한 사용자가 삭제되었습니다. 그 뒤로는 아무것도 바꾸지 않았습니다.',
  'error.job.ownerAccountDeleted':
    '작업 소유자가 권한을 잃어 작업을 중지했습니다: 사용자 {username}의 계정 {account}이(가) 삭제되었습니다. 그 뒤로는 아무것도 바꾸지 않았습니다.',
  'error.job.ownerUserNotEnabled':
    '작업 소유자가 권한을 잃어 작업을 중지했습니다: 사용자 {username}이(가) {state} 상태입니다. 그 뒤로는 아무것도 바꾸지 않았습니다.',
  'error.job.ownerAccountNotEnabled':
    '작업 소유자가 권한을 잃어 작업을 중지했습니다: 사용자 {username}의 계정 {account}이(가) {state} 상태입니다. 그 뒤로는 아무것도 바꾸지 않았습니다.',
  'error.access.makeRoleType':
    '{caller} 계정은 역할 {role}을(를) 만들 수 없습니다. 이 역할은 권한이 더 높은 {roleType} 유형입니다.',
  'error.access.makeRoleCommand':
    '{caller} 계정은 역할 {role}을(를) 만들 수 없습니다. 이 역할이 허용하는 {command}을(를) 호출할 권한이 없습니다.',
  'error.access.grantRoleType':
    '{caller} 계정은 역할 {role}을(를) 부여할 수 없습니다. 이 역할은 권한이 더 높은 {roleType} 유형입니다.',
  'error.access.grantRoleCommand':
    '{caller} 계정은 역할 {role}을(를) 부여할 수 없습니다. 이 역할이 허용하는 {command}을(를) 호출할 권한이 없습니다.',
  'error.access.editRoleType':
    '{caller} 계정은 역할 {role}을(를) 수정할 수 없습니다. 이 역할은 권한이 더 높은 {roleType} 유형입니다.',
  'error.access.editRoleCommand':
    '{caller} 계정은 역할 {role}을(를) 수정할 수 없습니다. 이 역할이 허용하는 {command}을(를) 호출할 권한이 없습니다.',
  'error.access.deleteRoleType':
    '{caller} 계정은 역할 {role}을(를) 삭제할 수 없습니다. 이 역할은 권한이 더 높은 {roleType} 유형입니다.',
  'error.access.deleteRoleCommand':
    '{caller} 계정은 역할 {role}을(를) 삭제할 수 없습니다. 이 역할이 허용하는 {command}을(를) 호출할 권한이 없습니다.',
  'error.access.actOnUserRoleType':
    '{caller} 계정은 역할 {role}의 사용자를 다룰 수 없습니다. 이 역할은 권한이 더 높은 {roleType} 유형입니다.',
  'error.access.actOnUserRoleCommand':
    '{caller} 계정은 역할 {role}의 사용자를 다룰 수 없습니다. 이 역할이 허용하는 {command}을(를) 호출할 권한이 없습니다.',
  'error.access.registerKeysRoleType':
    '{caller} 계정은 역할 {role}의 사용자에게 키를 발급할 수 없습니다. 이 역할은 권한이 더 높은 {roleType} 유형입니다.',
  'error.access.registerKeysRoleCommand':
    '{caller} 계정은 역할 {role}의 사용자에게 키를 발급할 수 없습니다. 이 역할이 허용하는 {command}을(를) 호출할 권한이 없습니다.',
  'error.access.actOnAccountRoleType':
    '{caller} 계정은 역할 {role}의 계정을 다룰 수 없습니다. 이 역할은 권한이 더 높은 {roleType} 유형입니다.',
  'error.access.actOnAccountRoleCommand':
    '{caller} 계정은 역할 {role}의 계정을 다룰 수 없습니다. 이 역할이 허용하는 {command}을(를) 호출할 권한이 없습니다.',

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
  'error.api.invalidName.blank':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 이름은 비워 둘 수 없습니다.',
  'error.api.invalidName.tooLong':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 이름은 {max}자를 넘을 수 없습니다.',
  'error.api.invalidName.controlCharacters':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 이름에는 제어 문자를 쓸 수 없습니다.',
  'error.api.invalidName.bidiCharacters':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 이름에는 텍스트 방향을 바꾸는 양방향 제어 문자를 쓸 수 없습니다.',
  'error.api.invalidName.invalidUnicode':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 이름이 올바른 유니코드 텍스트가 아닙니다.',
  'error.api.invalidValue.tooLong':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 값은 {max}자를 넘을 수 없습니다.',
  'error.api.invalidValue.notUuid':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. UUID 형식이 아닙니다.',
  'error.api.invalidValue.notInteger':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 정수여야 합니다.',
  'error.api.invalidValue.notNumber':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 숫자여야 합니다.',
  'error.api.invalidValue.notNumeric':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 숫자여야 합니다.',
  'error.api.invalidValue.notFinite':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 유한한 숫자여야 합니다(값이 {received}(으)로 해석됩니다).',
  'error.api.invalidValue.tooSmall':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. {min} 이상이어야 합니다.',
  'error.api.invalidValue.tooLarge':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. {max} 이하여야 합니다.',
  'error.api.invalidValue.notDate':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 올바른 날짜가 아닙니다.',
  'error.api.invalidValue.notBoolean':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. true 또는 false여야 합니다.',
  'error.api.invalidValue.notOneOf':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. {values} 중 하나여야 합니다.',
  'error.api.invalidValue.listItemTooLong':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 목록의 각 항목은 {max}자를 넘을 수 없습니다.',
  'error.api.invalidValue.notText':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 맵 형식(예: details[0].key=k)이 아닌 단일 값이어야 합니다.',
  'error.api.invalidValue.notList':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 쉼표로 구분한 목록이어야 합니다.',
  'error.api.invalidValue.notMap':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다. 맵 형식이어야 합니다(예: details[0].key=k&details[0].value=v).',
  'error.api.invalidValue.other':
    'API 명령 {command}을(를) 실행할 수 없습니다: 매개변수 {param}의 값 {value}이(가) 올바르지 않습니다 ({reason}).',
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

  // Errors: infrastructure, imports, API
  'error.physicalNetwork.badIsolation': '격리 방식 {method}은(는) 올바르지 않습니다. 지원하는 방식: {methods}',
  'error.vlan.emptyRange': '올바른 VLAN 범위를 입력하세요: VLAN 범위가 비어 있습니다.',
  'error.vlan.rangeFormat': '올바른 VLAN 범위를 입력하세요: "{range}"은(는) 숫자나 시작-끝 형식이 아닙니다.',
  'error.vlan.rangeBounds': '올바른 VLAN 범위를 입력하세요: "{range}"에 {min}-{max} 밖의 VLAN이 있습니다.',
  'error.vlan.rangeOrder': '올바른 VLAN 범위를 입력하세요: "{range}"의 시작이 끝보다 큽니다.',
  'error.vlan.rangesOverlap': '올바른 VLAN 범위를 입력하세요: VLAN 범위 {range}와(과) {otherRange}이(가) 겹칩니다.',
  'error.vlan.badTag':
    'VLAN "{vlan}"이(가) 올바르지 않습니다. VLAN은 {min}-{max} 범위의 번호이거나 untagged여야 합니다.',
  'error.physicalNetwork.oneTag': '물리 네트워크에는 태그를 하나만 지정할 수 있습니다.',
  'error.physicalNetwork.oneIsolationMethod': '물리 네트워크에는 격리 방식을 하나만 지정할 수 있습니다.',
  'error.physicalNetwork.basicZoneVlan': '기본 Zone의 물리 네트워크에는 VNET 범위를 추가할 수 없습니다.',
  'error.physicalNetwork.basicBroadcast': '기본 Zone의 브로드캐스트 도메인 유형은 POD만 쓸 수 있습니다.',
  'error.physicalNetwork.advancedBroadcast': '고급 Zone의 브로드캐스트 도메인 유형은 ZONE만 쓸 수 있습니다.',
  'error.physicalNetwork.vlanOverlap':
    'VLAN 범위 {vlan}이(가) Zone {zone}의 물리 네트워크 {network}의 VLAN 범위 {otherVlan}와(과) 겹칩니다.',
  'error.physicalNetwork.emptyName': '물리 네트워크 이름을 입력하세요.',
  'error.physicalNetwork.zoneEnabled': 'Zone {zone}이(가) 활성 상태라 물리 네트워크를 만들 수 없습니다.',
  'error.physicalNetwork.basicZoneTaken': '기본 Zone {zone}에는 이미 물리 네트워크가 있어 더 추가할 수 없습니다.',
  'error.zone.notFoundByZoneId': 'ID가 {id}인 Zone을 찾을 수 없습니다.',
  'error.physicalNetwork.moreThanOneTag': '네트워크에는 아직 태그를 둘 이상 지정할 수 없습니다.',
  'error.physicalNetwork.hasIpRanges': '물리 네트워크에 연결된 IP 범위가 있어 삭제할 수 없습니다.',
  'error.physicalNetwork.notFound': '물리 네트워크를 찾을 수 없습니다.',
  'error.cluster.badType': '클러스터 유형 "{value}"은(는) 올바르지 않습니다. 쓸 수 있는 값: {values}',
  'error.hypervisor.unsupported': '하이퍼바이저 {hypervisor}은(는) 아직 지원하지 않습니다. 지원: {supported}',
  'error.hypervisor.notInBuild':
    '하이퍼바이저 {hypervisor}은(는) 아직 지원하지 않습니다. 이 빌드가 지원하는 하이퍼바이저: {supported}',
  'error.hypervisor.unknown': '하이퍼바이저 유형 "{value}"을(를) 알 수 없습니다. 알려진 유형: {known}',
  'error.host.emptyUrl': '호스트 URL을 입력하세요.',
  'error.host.noCluster': '호스트를 추가하려면 clusterid나 clustername을 지정하세요.',
  'error.host.clusterNotInPod': '클러스터 {cluster}(ID: {clusterId})은(는) Pod {pod}(ID: {podId})에 속하지 않습니다.',
  'error.host.hypervisorMismatch':
    '클러스터 {cluster}에 {hostHypervisor} 호스트를 추가할 수 없습니다. 이 클러스터의 하이퍼바이저는 {hypervisor}입니다.',
  'error.host.cannotEnable': '호스트 {name}이(가) 리소스 상태 {state}이므로 활성화할 수 없습니다.',
  'error.host.cannotDisable': '호스트 {name}이(가) 리소스 상태 {state}이므로 비활성화할 수 없습니다.',
  'error.host.changed': '그사이 호스트 {name}이(가) 바뀌었습니다. 다시 시도하세요.',
  'error.host.deleteBadState':
    '호스트 {name}이(가) 리소스 상태 {state}이므로 삭제할 수 없습니다. 먼저 유지보수 모드로 전환하거나 비활성화하세요. 또는 forced=true로 삭제하세요.',
  'error.host.reconnectDuringMaintenance': '호스트 {name}이(가) 유지보수 준비 중이라 다시 연결할 수 없습니다.',
  'error.host.alreadyInMaintenance': '호스트 {name}은(는) 이미 유지보수 중입니다.',
  'error.host.maintenanceBadState': '호스트 {name}이(가) 리소스 상태 {state}이므로 유지보수를 준비할 수 없습니다.',
  'error.host.maintenanceNotUp':
    '호스트 {name}이(가) 정상이 아니라 {state} 상태이므로 유지보수를 준비할 수 없습니다. 대신 비활성화하거나 먼저 다시 연결하세요.',
  'error.host.notInMaintenance': '호스트 {name}은(는) 유지보수 중이 아닙니다. 리소스 상태: {state}',
  'error.host.usageHistoryIds': 'id와 ids는 함께 지정할 수 없습니다.',
  'error.host.usageHistoryDates': 'enddate는 startdate보다 앞설 수 없습니다.',
  'error.host.unsupportedHypervisor':
    '호스트 {name}의 하이퍼바이저 {hypervisor}은(는) 이 빌드에서 아직 지원하지 않습니다.',
  'error.host.tagTooLong': '호스트 태그 "{tag}..."이(가) 너무 깁니다.',
  'error.host.duplicateUrl': '클러스터 {cluster}에 URL이 {url}인 호스트가 이미 있습니다.',
  'error.host.addFailed': '호스트 {url}을(를) 추가할 수 없습니다: {reason}',
  'error.host.reconnectFailed': '호스트 {name}을(를) 다시 연결하지 못했습니다: {reason}',
  'error.host.maintenanceFailed': '호스트 {name}의 유지보수를 준비하지 못했습니다: {reason}',
  'error.storage.badUrl.noPath':
    '스토리지 URL "{url}"이(가) 올바르지 않습니다. /export/primary 같은 경로가 필요합니다.',
  'error.storage.badUrl.dotDot': '스토리지 URL "{url}"이(가) 올바르지 않습니다. 경로에 \'..\'를 쓸 수 없습니다.',
  'error.storage.badUrl.tooLong': '스토리지 URL "{url}"이(가) 올바르지 않습니다. URL이 1024자보다 깁니다.',
  'error.storage.badUrl.controlChars': '스토리지 URL "{url}"이(가) 올바르지 않습니다. 제어 문자는 쓸 수 없습니다.',
  'error.storage.badUrl.format':
    '스토리지 URL "{url}"이(가) 올바르지 않습니다. nfs://server/path, file:///path 또는 절대 경로를 입력하세요.',
  'error.storage.badUrl.credentials':
    '스토리지 URL "{url}"이(가) 올바르지 않습니다. URL에 인증 정보를 넣을 수 없습니다.',
  'error.storage.badUrl.server': '스토리지 URL "{url}"이(가) 올바르지 않습니다. 서버 부분이 올바르지 않습니다.',
  'error.storage.badUrl.noServer':
    '스토리지 URL "{url}"이(가) 올바르지 않습니다. NFS 서버 이름이나 주소가 필요합니다(nfs://server/path).',
  'error.storage.badUrl.fileHost':
    '스토리지 URL "{url}"이(가) 올바르지 않습니다. file:// URL에는 로컬 경로를 지정하세요(file:///path).',
  'error.storage.badUrl.scheme':
    '스토리지 URL "{url}"이(가) 올바르지 않습니다. 지원하지 않는 스킴 "{scheme}"입니다. nfs://server/path, file:///path, sharedmountpoint:///path 또는 절대 경로를 입력하세요.',
  'error.storage.emptyUrl': '스토리지 URL을 입력하세요.',
  'error.storage.badCapacityOverride':
    '스토리지 URL의 capacitygb={value}이(가) 올바르지 않습니다. 1에서 {max} 사이의 정수(GiB)를 쓰세요.',
  'error.simulatorHost.badUrl':
    'Simulator 호스트 URL "{url}"이(가) 올바르지 않습니다. http://sim/c0/h0 같은 URL을 쓰세요.',
  'error.simulatorHost.badAddress':
    'Simulator 호스트 URL "{url}"이(가) 올바르지 않습니다. Simulator 호스트는 http://sim/<path> 형식으로 지정합니다(예: http://sim/c0/h0).',
  'error.simulatorHost.credentials':
    'Simulator 호스트 URL "{url}"이(가) 올바르지 않습니다. URL에는 자격 증명이나 프래그먼트(#)를 넣을 수 없습니다(예: http://sim/c0/h0).',
  'error.simulatorHost.noPath':
    'Simulator 호스트 URL "{url}"이(가) 올바르지 않습니다. 경로에 호스트를 지정해야 합니다(예: http://sim/c0/h0).',
  'error.simulatorHost.badSegment':
    "Simulator 호스트 URL \"{url}\"이(가) 올바르지 않습니다. 경로에는 영문자, 숫자, '.', '_', '-'만 쓸 수 있습니다.",
  'error.simulatorHost.badHostPart':
    'Simulator 호스트 URL "{url}"이(가) 올바르지 않습니다. 호스트 부분이 올바르지 않습니다.',
  'error.simulatorHost.pathTooLong': 'Simulator 호스트 URL "{url}"이(가) 올바르지 않습니다. 경로가 너무 깁니다.',
  'error.simulatorHost.unknownParam':
    'Simulator 호스트 URL의 매개변수 "{param}"은(는) 알 수 없습니다. 쓸 수 있는 매개변수: cpunumber, cpuspeed(MHz), memory(MiB), cpusockets',
  'error.simulatorHost.badCount':
    'Simulator 호스트 URL의 {param}={value}이(가) 올바르지 않습니다. {min}에서 {max} 사이의 정수를 쓰세요.',
  'error.simulatorHost.badSpeed':
    'Simulator 호스트 URL의 {param}={value}이(가) 올바르지 않습니다. {min}에서 {max} MHz 사이의 정수를 쓰세요.',
  'error.simulatorHost.badMemory':
    'Simulator 호스트 URL의 {param}={value}이(가) 올바르지 않습니다. {min}에서 {max} MiB 사이의 정수를 쓰세요.',
  'error.storagePool.tagTooLong': '스토리지 태그 "{tag}..."이(가) 너무 깁니다.',
  'error.storagePool.tagControlChars': '스토리지 태그에는 제어 문자를 쓸 수 없습니다.',
  'error.storagePool.capacityBytes': "'capacityBytes'는 0보다 커야 합니다.",
  'error.storagePool.capacityIops': "'capacityIops'는 0보다 커야 합니다.",
  'error.storagePool.badProvider': '스토리지 제공자 {provider}을(를) 찾을 수 없습니다(지원: DefaultPrimary).',
  'error.storagePool.managed': 'DefaultPrimary 제공자는 관리형 스토리지를 지원하지 않습니다.',
  'error.storagePool.noCluster': '범위가 클러스터이면 클러스터 ID를 지정해야 합니다.',
  'error.storagePool.clusterNotInZone': '클러스터 {cluster}은(는) Zone {zone}에 속하지 않습니다.',
  'error.storagePool.clusterNotInPod': '클러스터 {cluster}은(는) Pod {pod}에 속하지 않습니다.',
  'error.storagePool.unsupportedHypervisor': '하이퍼바이저 {hypervisor}은(는) 지원하지 않습니다.',
  'error.storagePool.badScope': '스토리지 범위 {scope}은(는) 올바르지 않습니다. cluster나 zone을 지정하세요.',
  'error.storagePool.noHypervisor':
    'hypervisor 매개변수가 없습니다. Zone 전체 범위의 기본 스토리지를 만들려면 하이퍼바이저 유형을 지정하세요.',
  'error.storagePool.badHypervisor': '하이퍼바이저 유형 {value}은(는) 올바르지 않습니다.',
  'error.storagePool.duplicateUrl': '스토리지 {host}:{path}은(는) 이미 기본 스토리지 {pool}이(가) 쓰고 있습니다.',
  'error.storagePool.cannotEnable': 'ID가 {id}인 기본 스토리지를 활성화할 수 없습니다. 상태: {state}',
  'error.storagePool.cannotDisable': 'ID가 {id}인 기본 스토리지를 비활성화할 수 없습니다. 상태: {state}',
  'error.storagePool.nameTakenInZone': '이 Zone에 이름이 {name}인 기본 스토리지가 이미 있습니다.',
  'error.storagePool.changed': '그사이 기본 스토리지 {name}의 상태가 바뀌었습니다. 다시 시도하세요.',
  'error.storagePool.deleteBadState':
    '기본 스토리지 {name}이(가) {state} 상태라 삭제할 수 없습니다. 먼저 유지보수 모드로 전환(또는 비활성화)하거나 forced=true를 지정하세요.',
  'error.storagePool.detachFailed':
    '호스트에서 기본 스토리지를 삭제하지 못했습니다({reason}). 그래도 제거하려면 forced=true를 지정하세요.',
  'error.storagePool.noHostInCluster': '클러스터 {cluster}에 기본 스토리지를 연결할 정상 호스트가 없습니다.',
  'error.storagePool.noHostInZone': 'Zone {zone}에 기본 스토리지를 연결할 정상 호스트({hypervisor})가 없습니다.',
  'error.storagePool.noHostInTheZone': 'Zone에 기본 스토리지를 연결할 정상 호스트가 없습니다.',
  'error.storagePool.noHostInTheCluster': '클러스터에 기본 스토리지를 연결할 정상 호스트가 없습니다.',
  'error.storagePool.attachFailed':
    '데이터 스토어를 추가하지 못했습니다. 호스트 {host}을(를) 통해 기본 스토리지를 만들 수 없습니다: {reason}',
  'error.storagePool.notReadyForMaintenance':
    'ID가 {id}인 기본 스토리지가 {state} 상태라 유지보수를 준비할 수 없습니다.',
  'error.storagePool.notReadyToCancelMaintenance':
    'ID가 {id}인 기본 스토리지가 {state} 상태라 유지보수를 취소할 수 없습니다.',
  'error.imageStore.badProvider':
    '보조 스토리지 제공자 {provider}은(는) 지원하지 않습니다. NFS(nfs://server/path)나 로컬 디렉터리를 쓰세요.',
  'error.imageStore.noUrl': '{provider} 보조 스토리지에는 URL이 필요합니다.',
  'error.imageStore.badUrl':
    '보조 스토리지 URL "{url}"이(가) 올바르지 않습니다. nfs://server/path나 로컬 디렉터리를 입력하세요.',
  'error.imageStore.filesystemUrl': 'Filesystem 제공자에는 로컬 디렉터리(file:///path 또는 /path)를 지정하세요.',
  'error.imageStore.duplicateUrl': '보조 스토리지 {name}이(가) 이미 {url}을(를) 쓰고 있습니다.',
  'error.imageStore.noZone': 'NFS 보조 스토리지에는 Zone ID가 필요합니다.',
  'error.localPath.missing': '관리 서버에 경로 {path}이(가) 없습니다.',
  'error.localPath.notDirectory': '경로 {path}은(는) 디렉터리가 아닙니다.',
  'error.pod.badGateway': '게이트웨이 {gateway}은(는) 올바른 IP 주소가 아닙니다.',
  'error.pod.badNetmask': '넷마스크 {netmask}이(가) 올바르지 않습니다. 255.255.255.0처럼 연속된 마스크여야 합니다.',
  'error.pod.badStartIp': 'IP 범위의 시작 주소({ip})가 올바른 IP 주소가 아닙니다.',
  'error.pod.badEndIp': 'IP 범위의 끝 주소({ip})가 올바른 IP 주소가 아닙니다.',
  'error.pod.startIpOutside': 'IP 범위의 시작 주소({ip})가 CIDR 서브넷 {cidr}에 속하지 않습니다.',
  'error.pod.endIpOutside': 'IP 범위의 끝 주소({ip})가 CIDR 서브넷 {cidr}에 속하지 않습니다.',
  'error.pod.startAfterEnd': '시작 IP 주소({startIp})는 끝 IP 주소({endIp})보다 작아야 합니다.',
  'error.pod.gatewayInRange': '게이트웨이 {gateway}이(가) IP 범위 {startIp}-{endIp}과(와) 겹치면 안 됩니다.',
  'error.pod.cidrExcludesRange':
    'Pod의 CIDR을 {cidr}(으)로 바꿀 수 없습니다. IP 범위 {startIp}-{endIp}이(가) 그 밖에 놓입니다. 새 CIDR 안의 startip와 endip를 지정하세요.',
  'error.pod.cidrExcludesHost':
    'Pod의 CIDR을 {cidr}(으)로 바꿀 수 없습니다. 호스트 {host}의 관리 주소 {ip}이(가) 그 밖에 있습니다.',
  'error.pod.cidrOverlapsPod':
    'Pod의 서브넷({cidr})이 Zone {zone}의 Pod {pod} 서브넷({podCidr})과 겹칩니다. 다른 CIDR을 지정하세요.',
  'error.pod.cidrOverlapsGuestCidr':
    'Pod의 서브넷({cidr})이 Zone {zone}의 게스트 CIDR {guestCidr}과(와) 겹칩니다. 다른 CIDR을 지정하세요.',
  'error.pod.rangeOverlapsPublic':
    'Pod의 IP 범위 {startIp}-{endIp}이(가) Zone {zone}의 공인 IP 범위 {otherStartIp}-{otherEndIp}({vlan})과(와) 겹칩니다.',
  'error.pod.rangeOverlapsGuest':
    'Pod의 IP 범위 {startIp}-{endIp}이(가) Zone {zone}의 게스트 IP 범위 {otherStartIp}-{otherEndIp}({vlan})과(와) 겹칩니다.',
  'error.cluster.badArch': '아키텍처 "{value}"은(는) 올바르지 않습니다. 쓸 수 있는 값: {values}',
  'error.cluster.badManagedState': '관리 상태 "{value}"은(는) 올바르지 않습니다. 쓸 수 있는 값: {values}',
  'error.cluster.badRatio': '{param}은(는) 1에서 100 사이의 숫자여야 합니다(입력값: {value}).',
  'error.pod.notInZone': 'Pod {pod}(ID: {podId})은(는) Zone {zone}(ID: {zoneId})에 속하지 않습니다.',
  'error.cluster.nameTakenInPod': '이 Pod에 이름이 {name}인 클러스터가 이미 있습니다.',
  'error.ipRange.noStartIp': 'IP 범위의 시작 IP 주소(startip)를 지정하세요.',
  'error.ipRange.noGateway': '올바른 게이트웨이를 지정하세요.',
  'error.ipRange.badGateway': '올바른 게이트웨이를 지정하세요. {gateway}은(는) IPv4 주소가 아닙니다.',
  'error.ipRange.noNetmask': '올바른 넷마스크를 지정하세요.',
  'error.ipRange.badNetmask':
    '올바른 넷마스크를 지정하세요. {netmask}은(는) 255.255.255.0처럼 연속된 마스크가 아닙니다.',
  'error.ipRange.badStartIp': '시작 IP 주소 {ip}은(는) 올바른 IPv4 주소가 아닙니다.',
  'error.ipRange.badEndIp': '끝 IP 주소 {ip}은(는) 올바른 IPv4 주소가 아닙니다.',
  'error.ipRange.startIpOutside':
    'IP 범위, 넷마스크, 게이트웨이를 올바르게 지정하세요. 시작 IP 주소 {ip}이(가) {cidr}(게이트웨이 {gateway}, 넷마스크 {netmask})에 속하지 않습니다.',
  'error.ipRange.endIpOutside':
    'IP 범위, 넷마스크, 게이트웨이를 올바르게 지정하세요. 끝 IP 주소 {ip}이(가) {cidr}(게이트웨이 {gateway}, 넷마스크 {netmask})에 속하지 않습니다.',
  'error.ipRange.overlapsRange':
    'IP 범위 {startIp}-{endIp}이(가) Zone {zone}의 기존 IP 범위 {otherStartIp}-{otherEndIp}({vlan})과(와) 겹칩니다. 다른 시작/끝 IP를 지정하세요.',
  'error.ipRange.otherGateway':
    '{vlan}에 게이트웨이 {gateway}, 넷마스크 {netmask}(으)로 추가된 IP 범위가 이미 있습니다. 범위를 늘리려면 같은 게이트웨이/넷마스크를 쓰고, 아니면 {cidr}과(와) 겹치지 않는 서브넷을 쓰세요.',
  'error.ipRange.subnetOverlaps':
    'Zone {zone}에서 태그가 {vlan}인 IP 범위가 서브넷 {cidr}과(와) 겹칩니다. 다른 게이트웨이/넷마스크를 지정하세요.',
  'error.ipRange.overlapsPodRange':
    'IP 범위 {startIp}-{endIp}이(가) Pod {pod}의 시스템 예약 IP 범위 {podStartIp}-{podEndIp}과(와) 겹칩니다.',
  'error.ipRange.guestVlan':
    'VLAN 태그 {vlan}은(는) 이미 Zone {zone}의 게스트 네트워크 동적 VLAN 할당에 쓰이고 있습니다(물리 네트워크 {network}의 게스트 VLAN 범위 {guestVlans}).',
  'error.ipRange.systemVmsDedicated':
    '시스템 VM용 IP 범위(forsystemvms=true)는 계정이나 도메인에 전용으로 지정할 수 없습니다.',
  'error.ipRange.dedicateNotPublic':
    'IP 범위 {startIp}-{endIp}은(는) 공인 IP 범위가 아닙니다. 공인 IP 범위만 전용으로 지정할 수 있습니다.',
  'error.ipRange.dedicateSystemVms':
    '공인 IP 범위 {startIp}-{endIp}은(는) 시스템 VM용이라 전용으로 지정할 수 없습니다.',
  'error.ipRange.dedicateNoDomain': 'IP 범위를 전용으로 지정할 도메인(domainid)을 지정하세요. 계정은 선택입니다.',
  'error.ipRange.alreadyDedicated':
    '공인 IP 범위 {startIp}-{endIp}은(는) 이미 전용으로 지정되어 있습니다. 먼저 해제하세요.',
  'error.ipRange.notDedicated':
    '공인 IP 범위 {startIp}-{endIp}은(는) 계정이나 도메인에 전용으로 지정되어 있지 않습니다.',
  'error.ipRange.directUnsupported':
    '직접 IP 범위(forvirtualnetwork=false)는 공유 게스트 네트워크용인데, 공유 게스트 네트워크는 아직 지원하지 않습니다. Zone {zone}에는 공인 IP 범위만 추가할 수 있습니다.',
  'error.ipRange.podInAdvancedZone':
    'Pod(podid)는 기본 Zone의 게스트 IP 범위에만 지정할 수 있습니다. {zone}은(는) 고급 Zone입니다.',
  'error.ipRange.publicInBasicZone':
    '기본 Zone {zone}에는 공인 IP 범위가 없습니다. 이 Zone의 IP 범위는 Pod의 게스트 IP 범위입니다(forvirtualnetwork=false).',
  'error.ipRange.noPod': '기본 Zone {zone}의 게스트 IP 범위에는 Pod(podid)를 지정해야 합니다.',
  'error.ipRange.systemVmsGuest': 'forsystemvms는 공인 IP 범위에만 쓸 수 있습니다.',
  'error.ipRange.dedicateInBasicZone': 'IP 범위는 고급 Zone에서만 계정이나 도메인에 전용으로 지정할 수 있습니다.',
  'error.ipRange.networkUnsupported':
    '게스트 네트워크(networkid)에 IP 범위를 추가하는 기능은 아직 지원하지 않습니다. Zone(공인 IP 범위)이나 Pod(기본 Zone의 게스트 IP 범위)를 지정하세요.',
  'error.ipRange.podNotInZone': 'Pod {pod}은(는) Zone {zone}에 속하지 않습니다.',
  'error.ipRange.networkNotInZone': '물리 네트워크 {network}은(는) Zone {zone}에 속하지 않습니다.',
  'error.ipRange.noZone': 'Zone(zoneid), Pod(podid), 물리 네트워크 중 하나를 지정하세요.',
  'error.ipRange.networkNotPublic':
    '물리 네트워크 {network}에는 공인 트래픽이 없습니다. 공인 IP 범위를 추가하기 전에 공인 트래픽 유형을 추가하세요.',
  'error.ipRange.noPublicNetwork':
    'Zone {zone}에 공인 트래픽을 전달하는 물리 네트워크가 없습니다. 공인 IP 범위를 추가하기 전에 물리 네트워크에 공인 트래픽 유형을 추가하세요.',
  'error.ipRange.noAccountDomain': '계정의 도메인(domainid)을 지정하세요.',
  'error.domain.notFoundByDomainId': 'ID가 {id}인 도메인을 찾을 수 없습니다.',
  'error.zone.badIpAddress': '{field}에 올바른 IP 주소를 입력하세요.',
  'error.zone.badIpSixAddress': '{field}에 올바른 IPv6 주소를 입력하세요.',
  'error.zone.badGuestCidr': '올바른 게스트 CIDR을 입력하세요. {cidr}은(는) RFC 1918 사설 IPv4 CIDR이 아닙니다.',
  'error.zone.badDomain': '올바른 도메인 ID를 지정하세요.',
  'error.zone.guestCidrInBasicZone': '기본 Zone에서는 guestCidrAddress 매개변수를 지원하지 않습니다.',
  'error.zone.cannotEnable':
    'Zone을 활성화할 수 없습니다. Zone(ID: {id})에 {trafficType} 트래픽을 전달하는 기본 물리 네트워크가 없습니다.',
  'error.zone.hasHosts': 'Zone에 호스트가 있어 삭제할 수 없습니다.',
  'error.zone.hasPods': 'Zone에 Pod가 있어 삭제할 수 없습니다.',
  'error.zone.hasIpRanges': 'Zone에 IP 범위가 있어 삭제할 수 없습니다.',
  'error.zone.hasPhysicalNetworks': 'Zone에 물리 네트워크가 있어 삭제할 수 없습니다.',
  'error.zone.hasStoragePools': 'Zone에 기본 스토리지가 있어 삭제할 수 없습니다.',
  'error.zone.hasImageStores': 'Zone에 보조 스토리지가 있어 삭제할 수 없습니다.',
  'error.notFoundBy': '{param}이(가) {id}인 {resource}을(를) 찾을 수 없습니다.',
  'error.provider.notFound': 'ID가 {id}인 네트워크 서비스 제공자가 없습니다.',
  'error.provider.shutdown': "제공자 상태를 'Shutdown'으로 바꿀 수 없습니다.",
  'error.provider.fixedServices': "서비스 제공자 '{name}'의 서비스 목록은 바꿀 수 없습니다.",
  'error.provider.badService': '제공자 {provider}은(는) 지정한 서비스 {service}을(를) 제공할 수 없습니다.',
  'error.provider.notReady':
    '제공자가 준비되지 않아 활성화할 수 없습니다. 먼저 제공자를 구성하세요(configureVirtualRouterElement로 가상 라우터 요소 활성화).',
  'error.trafficType.blankLabel': '{param}을(를) 비워 둘 수 없습니다.',
  'error.trafficType.publicInBasicZone': '기본 Zone에서는 공인 트래픽 유형을 지원하지 않습니다.',
  'error.trafficType.exists': '이 물리 네트워크에는 이미 {trafficType} 트래픽 유형이 있습니다.',
  'error.trafficType.zoneHasIt':
    'Zone에 이미 {trafficType} 트래픽 유형을 가진 물리 네트워크가 있어 트래픽 유형을 추가할 수 없습니다.',
  'error.trafficType.untagged':
    'Zone {zone}에 태그 없는 물리 네트워크가 둘 이상 있습니다. 게스트 트래픽을 전달하는 물리 네트워크에 태그를 지정하세요.',
  'error.simulatorMock.unknownOperation': '알 수 없는 시뮬레이터 작업 "{name}"입니다. 쓸 수 있는 이름: {names}',
  'error.simulatorMock.hostNotInCluster': '지정한 호스트가 지정한 클러스터에 속하지 않습니다.',
  'error.simulatorMock.hostNotInPod': '지정한 호스트가 지정한 Pod에 속하지 않습니다.',
  'error.simulatorMock.hostNotInZone': '지정한 호스트가 지정한 Zone에 속하지 않습니다.',
  'error.simulatorMock.clusterNotInPod': '지정한 클러스터가 지정한 Pod에 속하지 않습니다.',
  'error.simulatorMock.clusterNotInZone': '지정한 클러스터가 지정한 Zone에 속하지 않습니다.',
  'error.simulatorMock.podNotInZone': '지정한 Pod가 지정한 Zone에 속하지 않습니다.',
  'error.simulatorMock.badJson': 'jsonresponse는 JSON 문서여야 합니다.',
  'error.simulatorMock.emptyValue': "장애 주입 값이 비어 있습니다. 'result:fail'이나 'wait:<ms>'를 쓰세요.",
  'error.simulatorMock.badValue':
    "장애 주입 값 \"{value}\"이(가) 올바르지 않습니다. 'result:fail'이나 'wait:<ms>'를 쓰세요.",
  'error.simulatorMock.resultTwice': '장애 주입 값 "{value}"에 result가 두 번 있습니다.',
  'error.simulatorMock.waitTwice': '장애 주입 값 "{value}"에 wait가 두 번 있습니다.',
  'error.simulatorMock.badResult': '장애 주입 값의 result "{result}"이(가) 올바르지 않습니다. result:fail을 쓰세요.',
  'error.simulatorMock.badWait':
    '장애 주입 값의 wait "{wait}"이(가) 올바르지 않습니다. wait:<밀리초> 형식으로 {max} 이하를 쓰세요.',
  'error.datacenterImport.notFound': 'ID가 {id}인 데이터센터 가져오기를 찾을 수 없습니다.',
  'error.datacenterImport.finished':
    '데이터센터 가져오기 {id}은(는) {state} 상태입니다. 중단되었거나 실패한 가져오기만 이어서 하거나 제거할 수 있습니다.',
  'error.datacenterImport.removing':
    '데이터센터 가져오기 {id}이(가) 만든 리소스를 이미 제거하기 시작해 이어서 할 수 없습니다. 나머지를 제거하세요.',
  'error.datacenterImport.invalidConfig': '데이터센터 설명이 올바르지 않습니다: {problems}',
  'error.datacenterImport.invalidConfigMore': '데이터센터 설명이 올바르지 않습니다: {problems} (외 {more}건)',
  'error.datacenterImport.planChanged':
    '이 Stackyard 버전에서는 데이터센터 가져오기 {id}의 계획이 달라져 이어서 할 수 없습니다. 대신 가져오기가 만든 리소스를 제거하세요.',
  'error.datacenterImport.stepFailed':
    '데이터센터 가져오기가 {total}단계 중 {step}단계({label})에서 실패했습니다: {reason}. 바뀐 것은 없습니다.',
  'error.datacenterImport.stepFailedOneKept':
    '데이터센터 가져오기가 {total}단계 중 {step}단계({label})에서 실패했습니다: {reason}. 앞선 1단계가 만든 리소스는 남겨 두었고, 이 단계 뒤로는 실행하지 않았습니다.',
  'error.datacenterImport.stepFailedKept':
    '데이터센터 가져오기가 {total}단계 중 {step}단계({label})에서 실패했습니다: {reason}. 앞선 {kept}단계가 만든 리소스는 남겨 두었고, 이 단계 뒤로는 실행하지 않았습니다.',
  'error.api.unknownCommand': '알 수 없는 API 명령입니다: {command}',
  'error.transition.enable': '{subject} {name}이(가) {state} 상태이므로 활성화할 수 없습니다.',
  'error.transition.disable': '{subject} {name}이(가) {state} 상태이므로 비활성화할 수 없습니다.',
  'error.transition.prepareMaintenance': '{subject} {name}이(가) {state} 상태이므로 유지보수를 준비할 수 없습니다.',
  'error.transition.resumeMaintenance': '{subject} {name}이(가) {state} 상태이므로 유지보수 준비를 재개할 수 없습니다.',
  'error.transition.maintenanceDone': '{subject} {name}이(가) {state} 상태이므로 유지보수 준비를 완료할 수 없습니다.',
  'error.transition.maintenanceFailed':
    '{subject} {name}이(가) {state} 상태이므로 유지보수 준비 실패로 처리할 수 없습니다.',
  'error.transition.cancelMaintenance': '{subject} {name}이(가) {state} 상태이므로 유지보수를 취소할 수 없습니다.',
  'error.transition.delete': '{subject} {name}이(가) {state} 상태이므로 삭제할 수 없습니다.',
  'error.transition.connect': '{subject} {name}이(가) {state} 상태이므로 연결할 수 없습니다.',
  'error.transition.connected': '{subject} {name}이(가) {state} 상태이므로 연결 완료로 처리할 수 없습니다.',
  'error.transition.connectFailed': '{subject} {name}이(가) {state} 상태이므로 연결 실패로 처리할 수 없습니다.',
  'error.transition.pingAnswered': '{subject} {name}이(가) {state} 상태이므로 하트비트 응답을 반영할 수 없습니다.',
  'error.transition.pingTimeout': '{subject} {name}이(가) {state} 상태이므로 하트비트 시간 초과를 반영할 수 없습니다.',
  'error.transition.claim': '{subject} {name}이(가) {state} 상태이므로 실행을 시작할 수 없습니다.',
  'error.transition.complete': '{subject} {name}이(가) {state} 상태이므로 완료로 처리할 수 없습니다.',
  'error.transition.fail': '{subject} {name}이(가) {state} 상태이므로 실패로 처리할 수 없습니다.',
  'error.transition.release': '{subject} {name}이(가) {state} 상태이므로 대기열로 되돌릴 수 없습니다.',
  'error.transition.abandon': '{subject} {name}이(가) {state} 상태이므로 중단 처리할 수 없습니다.',
  'error.offering.domainNotFound': '올바른 도메인 ID를 지정하세요. ID가 {id}인 도메인이 없습니다.',
  'error.offering.zoneNotFound': '올바른 Zone ID를 지정하세요. ID가 {id}인 Zone이 없습니다.',
  'error.offering.emptyDisplayText': '{resource} {name}의 설명(표시 텍스트)은 비워 둘 수 없습니다.',
  'error.offering.badStorageType': "스토리지 유형 {value}은(는) 올바르지 않습니다. 'local'이나 'shared'를 지정하세요.",
  'error.offering.badProvisioningType':
    '프로비저닝 유형 {value}은(는) 올바르지 않습니다. thin, sparse, fat 중 하나를 지정하세요.',
  'error.offering.badCacheMode':
    '캐시 모드 {value}은(는) 올바르지 않습니다. none, writeback, writethrough 중 하나를 지정하세요.',
  'error.offering.minIopsNotPositive': '최소 IOPS는 0보다 커야 합니다.',
  'error.offering.minIopsAboveMax': '최소 IOPS는 최대 IOPS보다 클 수 없습니다.',
  'error.offering.rateAboveMax': '{param}({value})은(는) 최대값 {maxParam}({max})보다 클 수 없습니다.',
  'error.offering.createNotAdmin':
    '{resource} {name}을(를) 만들 수 없습니다. {caller} 계정은 루트 관리자도 도메인 관리자도 아닙니다.',
  'error.offering.updateNotAdmin':
    '{resource} {name}을(를) 수정할 수 없습니다. {caller} 계정은 루트 관리자도 도메인 관리자도 아닙니다.',
  'error.offering.deleteNotAdmin':
    '{resource} {name}을(를) 삭제할 수 없습니다. {caller} 계정은 루트 관리자도 도메인 관리자도 아닙니다.',
  'error.offering.publicByDomainAdmin':
    '공개 {resource} {name}을(를) 만들 수 없습니다. {caller} 계정은 도메인 관리자이므로 오퍼링을 쓸 도메인(domainid)을 지정해야 합니다.',
  'error.offering.otherDomain':
    '{resource} {name}을(를) 도메인(ID={id})에 제공할 수 없습니다. 도메인 관리자 {caller}의 도메인도, 그 하위 도메인도 아닙니다.',
  'error.offering.taggedByDomainAdmin':
    '스토리지 태그나 호스트 태그가 있는 {resource} {name}을(를) 만들 수 없습니다. {caller} 계정은 도메인 관리자입니다.',
  'error.offering.systemByDomainAdmin':
    '시스템 오퍼링 {name}을(를) 만들 수 없습니다. {caller} 계정은 도메인 관리자이고, 시스템 오퍼링은 루트 관리자가 만듭니다.',
  'error.offering.updatePublicByDomainAdmin':
    '공개 {resource} {name}은(는) 수정할 수 없습니다. {caller} 계정은 도메인 관리자입니다.',
  'error.offering.makePublicByDomainAdmin':
    '{resource} {name}을(를) 공개로 바꿀 수 없습니다. {caller} 계정은 도메인 관리자입니다.',
  'error.offering.zonesByDomainAdmin':
    '{resource} {name}의 Zone은 바꿀 수 없습니다. {caller} 계정은 도메인 관리자입니다.',
  'error.offering.foreignDomainsByDomainAdmin':
    '{resource} {name}을(를) 수정할 수 없습니다. 도메인 관리자 {caller}의 도메인 밖에도 제공되는 오퍼링입니다.',
  'error.offering.deletePublicByDomainAdmin':
    '공개 {resource} {name}은(는) 삭제할 수 없습니다. {caller} 계정은 도메인 관리자입니다.',
  'error.offering.deleteForeignByDomainAdmin':
    '{resource} {name}을(를) 삭제할 수 없습니다. 도메인 관리자 {caller}의 도메인 밖에도 제공되는 오퍼링입니다.',
  'error.offering.defaultNoDelete': '기본 컴퓨트 오퍼링 {name}은(는) 삭제할 수 없습니다.',
  'error.offering.systemNotRoot': '시스템 오퍼링은 루트 관리자만 볼 수 있습니다.',
  'error.offering.recursiveByUser':
    'isrecursive=true로 오퍼링을 조회하는 것은 루트 관리자와 도메인 관리자만 할 수 있습니다.',
  'error.offering.domainOutOfReach': '{caller} 계정은 도메인(ID={id})과 같은 도메인 계층에 있지 않습니다.',
  'error.serviceOffering.customWithSize': '사용자 지정 컴퓨트 오퍼링에는 CPU 수와 메모리를 지정하지 마세요.',
  'error.serviceOffering.customBoundsPartial':
    '사용자 지정 컴퓨트 오퍼링의 최소·최대 CPU 수, 최소·최대 메모리, CPU 속도는 모두 지정하거나 모두 비워 두세요.',
  'error.serviceOffering.fixedWithoutSize':
    '컴퓨트 오퍼링 {name}을(를) 만들 수 없습니다. 사용자 지정 오퍼링이 아니면 CPU 수(cpunumber)와 메모리(memory)가 필요합니다.',
  'error.serviceOffering.badCpuNumber':
    '컴퓨트 오퍼링 {name}을(를) 만들 수 없습니다. CPU 수는 1부터 {max}까지 지정할 수 있습니다.',
  'error.serviceOffering.badCpuBounds':
    '컴퓨트 오퍼링 {name}을(를) 만들 수 없습니다. 최소·최대 CPU 수는 1부터 {max}까지 지정할 수 있습니다.',
  'error.serviceOffering.badCpuSpeed':
    '컴퓨트 오퍼링 {name}을(를) 만들 수 없습니다. CPU 속도는 0부터 {max}까지 지정할 수 있습니다.',
  'error.serviceOffering.badMemory':
    '컴퓨트 오퍼링 {name}을(를) 만들 수 없습니다. 메모리는 {min}MB부터 {max}MB까지 지정할 수 있습니다.',
  'error.serviceOffering.cpuBoundsReversed':
    '컴퓨트 오퍼링 {name}을(를) 만들 수 없습니다. 최소 CPU 수({min})가 최대 CPU 수({max})보다 큽니다.',
  'error.serviceOffering.memoryBoundsReversed':
    '컴퓨트 오퍼링 {name}을(를) 만들 수 없습니다. 최소 메모리({min}MB)가 최대 메모리({max}MB)보다 큽니다.',
  'error.serviceOffering.localHa': '로컬 스토리지를 쓰는 오퍼링에는 HA를 제공할 수 없습니다.',
  'error.serviceOffering.badSystemVmType':
    '시스템 VM 유형 {value}은(는) 올바르지 않습니다. domainrouter, consoleproxy, secondarystoragevm, internalloadbalancervm 중 하나를 지정하세요.',
  'error.serviceOffering.systemCustomizedIops': '시스템 VM 오퍼링에는 사용자 지정 IOPS를 쓸 수 없습니다.',
  'error.serviceOffering.networkRateNotAllowed':
    '네트워크 속도는 일반 오퍼링과 시스템 VM 유형이 domainrouter인 시스템 오퍼링에만 지정할 수 있습니다.',
  'error.serviceOffering.negativeNetworkRate':
    '컴퓨트 오퍼링 {name}을(를) 만들 수 없습니다. 네트워크 속도는 0 이상이어야 합니다.',
  'error.diskOffering.sizeRequired': '사용자 지정 오퍼링이 아니면 디스크 크기(disksize)를 지정해야 합니다.',
  'error.diskOffering.sizeWithCustomized': '사용자 지정 디스크 오퍼링에는 디스크 크기를 지정할 수 없습니다.',
  'error.diskOffering.sizeTooSmall': '디스크 크기는 1GB 이상이어야 합니다.',
  'error.diskOffering.sizeTooLarge': '디스크 크기는 최대 {max}GB입니다.',
  'error.networkOffering.requiredNeedsSourceNat':
    '가용성을 Required로 지정할 수 있는 것은 Isolated 유형이면서 SourceNat 서비스를 제공하는 네트워크 오퍼링뿐입니다.',
  'error.networkOffering.requiredTaken': '가용성이 Required인 네트워크 오퍼링 {name}(ID: {id})이(가) 이미 있습니다.',
  'error.networkOffering.badService': '서비스 {value}은(는) 올바르지 않습니다.',
  'error.networkOffering.badProvider': '서비스 제공자 {value}은(는) 올바르지 않습니다.',
  'error.networkOffering.providerNotForService': '제공자 {provider}은(는) {service} 서비스를 제공하지 않습니다.',
  'error.networkOffering.vpcProvider':
    '제공자 {provider}은(는) VPC 티어 전용입니다. VPC용 네트워크 오퍼링(forvpc=true)은 아직 지원하지 않습니다.',
  'error.networkOffering.forVpc': 'VPC용 네트워크 오퍼링(forvpc=true)은 아직 지원하지 않습니다.',
  'error.networkOffering.providerWithoutService':
    '{service} 서비스를 제공하지 않는 네트워크 오퍼링이므로 이 서비스의 제공자를 지정할 수 없습니다.',
  'error.networkOffering.twoProviders':
    '{service} 서비스의 제공자는 하나만 지정할 수 있습니다. {provider}와(과) {other}이(가) 지정되었습니다.',
  'error.networkOffering.mapEntry': '{param} 항목마다 {keys}이(가) 필요합니다.',
  'error.networkOffering.sourceNatNotIsolated': 'SourceNat 서비스는 Isolated 네트워크 오퍼링에서만 제공할 수 있습니다.',
  'error.networkOffering.securityGroupNotShared':
    '보안 그룹(SecurityGroup) 서비스는 Shared 네트워크 오퍼링에서만 제공할 수 있습니다.',
  'error.networkOffering.sharedSpecifyVlan': 'Shared 네트워크 오퍼링은 specifyvlan이 true여야 합니다.',
  'error.networkOffering.sharedSpecifyIpRanges': 'Shared 네트워크 오퍼링은 specifyipranges가 true여야 합니다.',
  'error.networkOffering.ipRangesWithSourceNat':
    'specifyipranges는 Shared 네트워크 오퍼링이나 SourceNat 서비스가 없는 Isolated 네트워크 오퍼링에서만 true로 지정할 수 있습니다.',
  'error.networkOffering.egressNotIsolated':
    '기본 송신 정책(egressdefaultpolicy)은 Isolated 네트워크 오퍼링에만 지정할 수 있습니다.',
  'error.networkOffering.persistentNotIsolated': '영구 네트워크 오퍼링은 Isolated 네트워크용으로만 만들 수 있습니다.',
  'error.networkOffering.negativeNetworkRate':
    '네트워크 속도 {value}은(는) 올바르지 않습니다. 0 이상의 Mbps 값을 지정하세요.',
  'error.networkOffering.badCapability':
    '{service} 서비스의 {capability} 기능은 선택할 수 없습니다. 선택할 수 있는 것은 SourceNat의 SupportedSourceNatTypes와 Lb의 SupportedLBIsolation뿐입니다.',
  'error.networkOffering.capabilityWithoutService':
    '{service} 서비스를 제공하지 않는 네트워크 오퍼링이므로 {capability} 기능을 지정할 수 없습니다.',
  'error.networkOffering.badCapabilityValue':
    '{capability} 기능의 값 {value}은(는) 올바르지 않습니다. 지정할 수 있는 값: {values}',
  'error.networkOffering.defaultNoDelete': '기본 네트워크 오퍼링 {name}은(는) 삭제할 수 없습니다.',
  'error.template.badUrl': 'URL이 올바르지 않습니다: {url}',
  'error.template.badUrlScheme': 'URL {url}의 스킴은 쓸 수 없습니다. http와 https만 쓸 수 있습니다.',
  'error.template.urlUnresolved': 'URL {url}의 호스트 {host}을(를) 찾을 수 없습니다.',
  'error.template.urlInternal':
    'URL {url}이(가) 내부 주소 {address}(으)로 연결됩니다. secstorage.allowed.internal.sites에 없는 내부 주소에서는 다운로드할 수 없습니다.',
  'error.template.badHypervisor':
    '하이퍼바이저 {value}은(는) 템플릿에 쓸 수 없습니다. KVM 또는 Simulator를 지정하세요.',
  'error.template.badFormat': '이미지 형식 {value}은(는) 올바르지 않습니다. QCOW2, RAW, VHD, OVA 중 하나를 지정하세요.',
  'error.template.formatForHypervisor': '하이퍼바이저 {hypervisor}은(는) 이미지 형식 {format}을(를) 지원하지 않습니다.',
  'error.template.badBits': '비트 수 {value}은(는) 올바르지 않습니다. 32 또는 64를 지정하세요.',
  'error.template.featuredNotRoot':
    '추천 템플릿은 루트 관리자만 지정할 수 있습니다. {caller}은(는) 루트 관리자가 아닙니다.',
  'error.template.badChecksum':
    '체크섬 {value}이(가) 올바르지 않습니다. 중괄호로 감싼 알고리즘 이름(MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512) 뒤에 16진수 값을 쓰거나 MD5 16진수 값을 쓰세요.',
  'error.template.accountWithoutDomain': '계정(account)과 도메인(domainid)은 함께 지정해야 합니다.',
  'error.template.osTypeNotFound': 'OS 유형을 올바르게 지정하세요. ID가 {id}인 OS 유형이 없습니다.',
  'error.template.zoneRequired': 'Zone(zoneid 또는 zoneids)을 지정하세요. -1은 모든 Zone입니다.',
  'error.template.zoneNotFound': 'Zone을 올바르게 지정하세요. ID가 {id}인 Zone이 없습니다.',
  'error.template.noImageStore': 'Zone {zone}에 다운로드할 보조 스토리지가 없습니다.',
  'error.template.noImageStoreAnywhere': '다운로드할 보조 스토리지가 있는 Zone이 없습니다.',
  'error.template.allFilterNotAdmin': '필터 {filter}은(는) 관리자만 쓸 수 있습니다.',
  'error.template.idAndIds': 'id와 ids 중 하나만 지정하세요.',
  'error.template.notFound': 'ID가 {id}인 {resource}을(를) 찾을 수 없습니다.',
  'error.template.emptyDisplayText': '{name}의 설명은 비워 둘 수 없습니다.',
  'error.template.notInZone': '{resource} {name}은(는) Zone {zone}에 없습니다.',
  'error.template.destZoneRequired': '대상 Zone(destzoneid 또는 destzoneids)을 지정하세요.',
  'error.template.notReadyInSource': '{resource} {name}은(는) 원본 Zone {zone}에서 아직 준비되지 않았습니다.',
  'error.template.copySameZone': '원본 Zone과 대상 Zone을 다르게 지정하세요.',
  'error.template.alreadyInZone': '{resource} {name}은(는) 이미 대상 Zone에 있습니다.',
  'error.template.badPermissionOp':
    '권한 연산 {value}은(는) 올바르지 않습니다. 계정과 함께 add 또는 remove를 쓰거나 reset을 쓰세요.',
  'error.template.nothingToChange':
    'ispublic, isfeatured, isextractable, 계정과 함께 쓴 op=add 또는 op=remove, op=reset 중 하나 이상을 지정하세요.',
  'error.imageStore.hasTemplates': '템플릿이나 ISO가 있는 보조 스토리지 {name}은(는) 삭제할 수 없습니다.',
  'error.template.permissionAccountNotFound': '템플릿의 도메인에 계정 {account}이(가) 없습니다.',
};
