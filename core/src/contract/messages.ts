/**
 * The messages the core writes for people: event descriptions, alert subjects and error texts.
 * Each has a stable key and an English template whose `{name}` placeholders are its parameters.
 * CloudStack's fields (an event's `description`, an alert's `description`, `errortext`) carry
 * the English rendering, unchanged for CloudStack clients; Stackyard adds the key and the
 * parameters beside them (`descriptionkey`/`descriptionparams`, `errorkey`/`errorparams`) so a UI
 * renders the same message in its user's language. Dependency-free: the renderer reads the keys,
 * the parameter kinds and, for unknown locales, the English templates from here.
 */
export const SERVER_MESSAGES = {
  // Zones, pods, clusters, hosts
  'event.zone.created': 'Created zone {name} (id: {id})',
  'event.zone.updated': 'Updated zone {name} (id: {id})',
  'event.zone.allocationChanged': 'Updated zone {name} (id: {id}), allocation state {state}',
  'event.zone.storageTrafficAdded': 'Added Storage traffic to the management physical network of zone {name}',
  'event.zone.deleted': 'Deleted zone {name} (id: {id})',
  'event.zone.enabled': 'Enabled zone {name} (id: {id})',
  'event.zone.disabled': 'Disabled zone {name} (id: {id})',
  'event.pod.enabled': 'Enabled pod {name} (id: {id})',
  'event.pod.disabled': 'Disabled pod {name} (id: {id})',
  'event.cluster.enabled': 'Enabled cluster {name} (id: {id})',
  'event.cluster.disabled': 'Disabled cluster {name} (id: {id})',
  'event.host.enabled': 'Enabled host {name} (id: {id})',
  'event.host.disabled': 'Disabled host {name} (id: {id})',
  'event.host.enabledWithChanges': 'Enabled host {name} (id: {id}); name or host tags updated too',
  'event.host.disabledWithChanges': 'Disabled host {name} (id: {id}); name or host tags updated too',
  'event.pod.created': 'Created pod {name} ({cidr}, reserved {startIp}-{endIp}) in zone {zone}',
  'event.pod.updated': 'Updated pod {name} (id: {id})',
  'event.pod.deleted': 'Deleted pod {name} (id: {id})',
  'event.cluster.created': 'Created {hypervisor} cluster {name} in pod {pod} (id: {id})',
  'event.cluster.updated': 'Updated cluster {name} (id: {id})',
  'event.cluster.deleted': 'Deleted cluster {name} (id: {id})',
  'event.host.added': 'Added {hypervisor} host {name} ({url}) to cluster {cluster} (id: {id})',
  'event.host.updated': 'Updated host {name} (id: {id})',
  'event.host.deleted': 'Deleted host {name} (id: {id})',
  'event.host.silent': 'Host {name} is {to} (was {from}): no answer to heartbeats since {since} (id: {id})',
  'event.host.answered': 'Host {name} is Up (was {from}): it answered a heartbeat (id: {id})',
  'event.host.reconnected': 'Reconnected host {name} (id: {id})',
  'event.host.reconnectFailed': 'Failed to reconnect host {name} (id: {id})',
  'event.host.inMaintenance': 'Host {name} is in maintenance (id: {id})',
  'event.host.maintenanceFailed': 'Failed to prepare host {name} for maintenance (id: {id})',
  'event.host.maintenanceCancelled': 'Cancelled maintenance of host {name} (id: {id})',

  // Networks
  'event.physicalNetwork.created': 'Created physical network {name} (id: {id}) in zone {zone}',
  'event.physicalNetwork.updated': 'Updated physical network {name} (id: {id})',
  'event.physicalNetwork.stateChanged': 'Updated physical network {name} (id: {id}), state {state}',
  'event.physicalNetwork.deleted': 'Deleted physical network {name} (id: {id})',
  'event.trafficType.added': 'Added {trafficType} traffic to physical network {network} (id: {id})',
  'event.trafficType.updated': 'Updated {trafficType} traffic of physical network {network}',
  'event.trafficType.deleted': 'Deleted {trafficType} traffic of physical network {network}',
  'event.provider.updated': 'Updated network service provider {name} (id: {id})',
  'event.provider.stateChanged': 'Updated network service provider {name} (id: {id}), state {state}',
  'event.routerElement.enabled': 'Enabled {elementType} element (id: {id})',
  'event.routerElement.disabled': 'Disabled {elementType} element (id: {id})',
  'event.ipRange.createdPublic': 'Created public IP range {startIp}-{endIp} ({vlan}) in zone {zone}',
  'event.ipRange.createdPublicInPod': 'Created public IP range {startIp}-{endIp} ({vlan}) in zone {zone} pod {pod}',
  'event.ipRange.createdGuest': 'Created guest IP range {startIp}-{endIp} ({vlan}) in zone {zone}',
  'event.ipRange.createdGuestInPod': 'Created guest IP range {startIp}-{endIp} ({vlan}) in zone {zone} pod {pod}',
  'event.ipRange.deleted': 'Deleted IP range {startIp}-{endIp} ({vlan})',
  'event.ipRange.dedicatedToDomain': 'Dedicated public IP range {startIp}-{endIp} to domain {domain}',
  'event.ipRange.dedicatedToAccount':
    'Dedicated public IP range {startIp}-{endIp} to account {account} in domain {domain}',
  'event.ipRange.released': 'Released public IP range {startIp}-{endIp}',

  // Storage
  'event.storagePool.createdInCluster': 'Created storage pool {name} ({url}) in cluster {cluster}',
  'event.storagePool.createdInZone': 'Created storage pool {name} ({url}) in zone {zone} (hypervisor {hypervisor})',
  'event.storagePool.updated': 'Updated storage pool {name}',
  'event.storagePool.stateChanged': 'Updated storage pool {name} (state {state})',
  'event.storagePool.deleted': 'Deleted storage pool {name}',
  'event.storagePool.inMaintenance': 'Storage pool {name} is in maintenance',
  'event.storagePool.maintenanceFailed': 'Failed to prepare storage pool {name} for maintenance: {reason}',
  'event.storagePool.leftMaintenance': 'Storage pool {name} left maintenance',
  'event.imageStore.added': 'Added image store {name} ({url}) to zone {zone}',
  'event.imageStore.deleted': 'Deleted image store {name}',

  // Offerings
  'event.serviceOffering.created': 'Created service offering {name} (id: {id})',
  'event.serviceOffering.updated': 'Updated service offering {name} (id: {id})',
  'event.serviceOffering.deleted': 'Deleted service offering {name} (id: {id})',
  'event.diskOffering.created': 'Created disk offering {name} (id: {id})',
  'event.diskOffering.updated': 'Updated disk offering {name} (id: {id})',
  'event.diskOffering.deleted': 'Deleted disk offering {name} (id: {id})',
  'event.networkOffering.created': 'Created network offering {name} (id: {id})',
  'event.networkOffering.updated': 'Updated network offering {name} (id: {id})',
  'event.networkOffering.deleted': 'Deleted network offering {name} (id: {id})',
  // Templates and ISOs
  'event.template.created': 'Created template {name} (id: {id})',
  'event.template.updated': 'Updated template {name} (id: {id})',
  'event.template.deleted': 'Deleted template {name} (id: {id})',
  'event.template.copied': 'Copied template {name} (id: {id}) to another zone',
  'event.template.downloaded': 'Template {name} (id: {id}) is downloaded and ready',
  'event.iso.created': 'Created ISO {name} (id: {id})',
  'event.iso.updated': 'Updated ISO {name} (id: {id})',
  'event.iso.deleted': 'Deleted ISO {name} (id: {id})',
  'event.iso.copied': 'Copied ISO {name} (id: {id}) to another zone',
  'event.iso.downloaded': 'ISO {name} (id: {id}) is downloaded and ready',

  // Accounts, users, domains, roles, sign-in
  'event.account.created': 'Created account {name} in domain {domain} with user {username}',
  'event.account.updated': 'Updated account {name}',
  'event.account.renamed': 'Updated account {name} (renamed to {newName})',
  'event.account.roleChanged': 'Updated account {name} (role {role})',
  'event.account.renamedAndRoleChanged': 'Updated account {name} (renamed to {newName}) (role {role})',
  'event.account.enabled': 'Enabled account {name} in domain {domain}',
  'event.account.disabled': 'Disabled account {name} in domain {domain}',
  'event.account.locked': 'Locked account {name} in domain {domain}',
  'event.account.deleted': 'Deleted account {name} in domain {domain}',
  'event.user.created': 'Created user {username} in account {account} of domain {domain}',
  'event.user.updated': 'Updated user {username} ({fields})',
  'event.user.unchanged': 'Updated user {username} (no changes)',
  'event.user.enabled': 'Enabled user {username} of account {account}',
  'event.user.disabled': 'Disabled user {username} of account {account}',
  'event.user.locked': 'Locked user {username} of account {account}',
  'event.user.deleted': 'Deleted user {username} of account {account}',
  'event.user.keysRegistered': 'register for the developer API keys of user {username}',
  'event.user.loggedIn': 'user has logged in',
  'event.user.loggedInFrom': 'user has logged in from IP Address {address}',
  'event.user.loginFailed': 'user failed to log in',
  'event.user.loginFailedFrom': 'user failed to log in from IP Address {address}',
  'event.user.loggedOut': 'user has logged out',
  'event.user.lockedAfterFailures': 'user locked after {count} failed login attempts',
  'event.domain.created': 'Created domain {path} (id: {id})',
  'event.domain.updated': 'Updated domain {path} (id: {id})',
  'event.domain.deleted': 'Deleted domain {path} (id: {id})',
  'event.domain.deletedWithCleanup': 'Deleted domain {path} (id: {id}) with cleanup',
  'event.role.created': 'Created role {name} of type {roleType}',
  'event.role.cloned': 'Created role {name} of type {roleType} (cloned from {source})',
  'event.role.updated': 'Updated role {name}',
  'event.role.deleted': 'Deleted role {name}',
  'event.role.ruleAdded': 'Added rule {rule} ({permission}) to role {role}',
  'event.role.ruleChanged': 'Set rule {rule} of role {role} to {permission}',
  'event.role.rulesReordered': 'Reordered the rules of role {role}',
  'event.role.ruleRemoved': 'Removed rule {rule} from role {role}',

  // Settings, simulator, datacenter import
  'event.setting.updated': 'Value of configuration {name} updated to {value}',
  'event.setting.updatedAfterRestart': 'Value of configuration {name} updated to {value} (applies after a restart)',
  'event.setting.reset': 'Value of configuration {name} reset to its default {value}',
  'event.setting.resetSecret': 'Value of configuration {name} reset to its default',
  'event.setting.updatedOn': 'Value of configuration {name} for {resource} {target} (id: {id}) updated to {value}',
  'event.setting.resetOn': 'Value of configuration {name} for {resource} {target} (id: {id}) reset; {value} applies',
  'event.alert.acknowledged': 'Acknowledged alert {name} (id: {id})',
  'event.alert.assigned': 'Assigned alert {name} (id: {id}) to {user}',
  'event.alert.unassigned': 'Unassigned alert {name} (id: {id})',
  'event.simulatorMock.configured': 'Configured simulator mock {name} {value} (id: {id})',
  'event.simulatorMock.removed': 'Removed simulator mock {name} {value} (id: {id})',
  'event.datacenter.imported': 'Imported datacenter (zones {zones}): {created} in {calls} API calls',
  'event.datacenter.importedWithWarnings':
    'Imported datacenter (zones {zones}): {created} in {calls} API calls; {warnings} warnings',
  'event.datacenter.resumed':
    'Imported datacenter (zones {zones}): {created} in {calls} API calls (continuing an interrupted import)',
  'event.datacenter.resumedWithWarnings':
    'Imported datacenter (zones {zones}): {created} in {calls} API calls (continuing an interrupted import); {warnings} warnings',
  'event.datacenter.rolledBack': 'Removed what the datacenter import created: {removed}.',
  'event.datacenter.rolledBackSettingKept':
    'Removed what the datacenter import created: {removed}. The 1 global setting the import changed keeps its new value.',
  'event.datacenter.rolledBackSettingsKept':
    'Removed what the datacenter import created: {removed}. The {settings} global settings the import changed keep their new values.',

  // Alerts (CloudStack's subjects)
  'alert.host.disconnected': 'Host disconnected, name: {name} (id: {id}), availability zone: {zone}, pod: {pod}',
  'alert.host.alert': 'Host is in alert state, name: {name} (id: {id}), availability zone: {zone}, pod: {pod}',
  'alert.host.down': 'Host is down, name: {name} (id: {id}), availability zone: {zone}, pod: {pod}',
  'alert.capacity.cpu':
    'System Alert: Low Available CPU in cluster {cluster} pod {pod} of availability zone {zone} ({used}% used, threshold {threshold}%)',
  'alert.capacity.memory':
    'System Alert: Low Available Memory in cluster {cluster} pod {pod} of availability zone {zone} ({used}% used, threshold {threshold}%)',
  'alert.capacity.storage':
    'System Alert: Low Available Storage in cluster {cluster} pod {pod} of availability zone {zone} ({used}% used, threshold {threshold}%)',
  'alert.capacity.storageAllocated':
    'System Alert: Remaining unallocated Storage is low in cluster {cluster} pod {pod} of availability zone {zone} ({used}% used, threshold {threshold}%)',
  'alert.capacity.localStorage':
    'System Alert: Low Available Local Storage in cluster {cluster} pod {pod} of availability zone {zone} ({used}% used, threshold {threshold}%)',
  'alert.capacity.privateIp':
    'System Alert: Number of unallocated private IPs is low in pod {pod} of availability zone {zone} ({used}% used, threshold {threshold}%)',
  'alert.capacity.publicIp':
    'System Alert: Number of unallocated virtual network public IPs is low in availability zone {zone} ({used}% used, threshold {threshold}%)',
  'alert.capacity.directIp':
    'System Alert: Number of unallocated shared network IPs is low in availability zone {zone} ({used}% used, threshold {threshold}%)',
  'alert.capacity.secondaryStorage':
    'System Alert: Low Available Secondary Storage in availability zone {zone} ({used}% used, threshold {threshold}%)',
  'alert.capacity.vlan':
    'System Alert: Number of unallocated VLANs is low in availability zone {zone} ({used}% used, threshold {threshold}%)',

  // Errors a UI user meets
  // Errors: accounts, users, roles, domains, settings, alerts, events
  'error.name.notAllowedCharacters': '{field} contains characters that are not allowed',
  'error.name.blank': '{field} cannot be empty or blank',
  'error.name.tooLong': '{field} is longer than {max} characters',
  'error.name.controlCharacters': '{field} may not contain control characters',
  'error.name.bidiCharacters': '{field} may not contain bidirectional override, embedding or isolate characters',
  'error.name.invalidUnicode': '{field} is not valid Unicode text',
  'error.domain.nameHasSlash': 'Domain name may not contain "/"',
  'error.user.badEmail': 'Invalid email address: {email}',
  'error.user.badTimezone': 'Invalid timezone: {timezone}',
  'error.user.emptyPassword': 'Password cannot be empty or blank.',
  'error.domain.badNetworkDomain':
    "Invalid network domain. Total length shouldn't exceed 190 chars. Each domain label must be between 1 and 63 characters long, can contain ASCII letters 'a' through 'z', the digits '0' through '9', and the hyphen ('-'); can't start or end with \"-\"",
  'error.user.system': 'User id: {id} is a system user; the operation is not allowed',
  'error.access.user': 'Caller {caller} may only manage its own user, not user id={id}',
  'error.account.notFoundInDomain': 'Unable to find account {account} in domain id={domain}',
  'error.user.idTaken': 'A user with id {id} already exists',
  'error.user.currentPasswordRequired': 'To set a new password the current password must be provided.',
  'error.user.currentPasswordIncorrect': 'Current password is incorrect.',
  'error.user.cannotDisableSelf': 'A user cannot disable itself',
  'error.user.cannotLockSelf': 'A user cannot lock itself',
  'error.user.cannotDeleteSelf': 'A user cannot delete itself',
  'error.user.defaultNoDisable': "The user {username} is a default user and can't be disabled",
  'error.user.defaultNoLock': "The user {username} is a default user and can't be locked",
  'error.user.defaultNoDelete': "The user {username} is a default user and can't be removed",
  'error.user.lockNotEnabled': 'Attempting to lock a non-enabled user, current state is {state}; locking failed',
  'error.user.notFound': 'Unable to find the user',
  'error.user.notFoundById': 'Unable to find user by id',
  'error.user.notFoundWithId': 'Unable to find user with id {id}',
  'error.user.systemKeys': 'user: system is system account, update is not allowed',
  'error.access.userKeys': 'Caller {caller} does not have permission to read the keys of user id={id}',
  'error.account.missingRef': 'Either id or account name (with domainid) must be specified',
  'error.account.notFoundByRef': 'Unable to find account by accountId: {id} OR by name: {account} in domain {domain}',
  'error.account.system': 'Account id: {id} is a system account; the operation is not allowed',
  'error.account.typeMismatch': 'Account type {accountType} does not match the type {roleType} of role {role}',
  'error.account.missingRole': 'Neither account type nor role ID is provided; specify accounttype or roleid',
  'error.account.badType': 'Invalid account type {accountType} given; use 0 (user), 1 (root admin) or 2 (domain admin)',
  'error.role.defaultNotFound': 'Unable to find the default role of type {roleType}',
  'error.account.adminOutsideRoot':
    'Unable to create or make an account of admin role type in non-ROOT domain {domain}',
  'error.account.domainBeingDeleted': 'The account cannot be created as domain {domain} is being deleted',
  'error.account.idTaken': 'An account with id {id} already exists',
  'error.account.defaultNoRoleChange': 'Unable to change the role of a default account',
  'error.account.ownRole': 'An account cannot change its own role',
  'error.account.renameTaken': "The account with the proposed name '{name}' exists in the domain {domain}",
  'error.account.cannotDisableSelf': 'An account cannot disable or lock itself',
  'error.account.defaultNoDisable': "The account {name} is a default account and can't be disabled or locked",
  'error.account.isDefault': "The account is default and can't be removed",
  'error.account.cannotDeleteSelf': 'An account cannot delete itself',
  'error.account.defaultNoDelete': "The account {name} is a default account and can't be removed",
  'error.account.notFound': 'Unable to find the account',
  'error.domain.parentNotFound': 'Unable to find the parent domain',
  'error.domain.idTaken': 'A domain with id {id} already exists',
  'error.domain.parentBeingDeleted': 'The domain cannot be created as the parent domain {parent} is being deleted',
  'error.domain.nameTaken': 'Domain with name [{name}] already exists for the parent with ID [{parentId}]',
  'error.domain.callerDomainNotFound': "Unable to find the caller's domain",
  'error.domain.rootRename': 'ROOT domain can not be edited with a new name',
  'error.domain.renameTaken':
    "Failed to update specified domain id with name '{name}' since it already exists in the system",
  'error.domain.deleteRoot': "Can't delete ROOT domain",
  'error.domain.deleteOwn': 'Caller {caller} cannot delete its own domain or a parent of it',
  'error.domain.hasSubdomains':
    "Can't delete the domain yet because it has {subdomains} subdomain(s); delete them first or use cleanup=true",
  'error.domain.hasAccounts':
    "Can't delete the domain yet because it has {accounts} account(s); delete them first or use cleanup=true",
  'error.domain.hasSubdomainsAndAccounts':
    "Can't delete the domain yet because it has {subdomains} subdomain(s) and {accounts} account(s); delete them first or use cleanup=true",
  'error.domain.strongerAccount':
    'Caller {caller} may not delete account {account}: its role {role} allows more than the caller may',
  'error.domain.notEmpty': "Can't delete the domain yet because it has subdomains or accounts",
  'error.domain.accountsLeft': "Can't delete the domain yet because it has {accounts} account(s) left",
  'error.domain.notFound': 'Unable to find the domain',
  'error.role.rootOnly': 'Caller {caller} is not a root admin; only root admins may manage roles',
  'error.role.defaultRules': 'The rules of the default role {name} cannot be changed',
  'error.role.typeAndId': 'Specify either a role type or a role id to clone, not both',
  'error.role.missingType': 'Neither role type nor role id to clone is provided',
  'error.role.defaultNoUpdate': 'Default role {name} cannot be updated',
  'error.role.typeInUse': 'The type of role {name} cannot change while accounts use it',
  'error.role.defaultNoDelete': 'Default role {name} cannot be deleted',
  'error.role.badRule': "Invalid rule '{rule}': use an API name or a wildcard pattern of letters, digits and '*'",
  'error.role.unknownApi': "Invalid rule '{rule}': no API command has that name",
  'error.role.ruleExists': 'Role {role} already has a rule for {rule}',
  'error.role.ruleUpdateEither': 'Specify either ruleorder, or ruleid with permission',
  'error.role.ruleUpdateBoth': 'Both ruleid and permission are needed to change a rule',
  'error.role.ruleOrder': 'ruleorder must list each of the {count} rule id(s) of role {role} exactly once',
  'error.role.ruleNotFound': 'Unable to find rule {id} in role {role}',
  'error.setting.invalidName': 'Configuration name {name} is invalid',
  'error.setting.invalidScope': 'Invalid scope id provided for the parameter {name}',
  'error.setting.notInteger': 'Invalid value for configuration {name}: "{value}" is not an integer',
  'error.setting.secretNotInteger': 'Invalid value for configuration {name}: the value is not an integer',
  'error.setting.notNumber': 'Invalid value for configuration {name}: "{value}" is not a number',
  'error.setting.secretNotNumber': 'Invalid value for configuration {name}: the value is not a number',
  'error.setting.notBetween':
    'Invalid value for configuration {name}: "{value}" is out of range; it must be between {min} and {max}',
  'error.setting.secretNotBetween':
    'Invalid value for configuration {name}: the value is out of range; it must be between {min} and {max}',
  'error.setting.belowMin':
    'Invalid value for configuration {name}: "{value}" is out of range; it must be at least {min}',
  'error.setting.secretBelowMin':
    'Invalid value for configuration {name}: the value is out of range; it must be at least {min}',
  'error.setting.aboveMax':
    'Invalid value for configuration {name}: "{value}" is out of range; it must be at most {max}',
  'error.setting.secretAboveMax':
    'Invalid value for configuration {name}: the value is out of range; it must be at most {max}',
  'error.setting.notBoolean': 'Invalid value for configuration {name}: "{value}" is not a boolean; use true or false',
  'error.setting.secretNotBoolean':
    'Invalid value for configuration {name}: the value is not a boolean; use true or false',
  'error.setting.tooLong': 'Invalid value for configuration {name}: the value is longer than {max} characters',
  'error.setting.notOneOf': 'Invalid value for configuration {name}: "{value}" is not one of {values}',
  'error.setting.secretNotOneOf': 'Invalid value for configuration {name}: the value is not one of {values}',
  'error.setting.multipleScopeIds': 'cannot handle multiple IDs, provide only one ID corresponding to the scope',
  'error.setting.scopeNotFound': 'unable to find {resource} by id {id}',
  'error.setting.scopeAccess':
    'Caller {caller} does not have permission to operate with resource of {resource} id={id}',
  'error.alert.openNotFound': 'Unable to find open alert with id {id}',
  'error.alert.notFound': 'Unable to find alert with id {id}',
  'error.alert.assigneeNotAdmin':
    'User {username} cannot look after alerts: only root and resource admins can see them',
  'error.alert.assigneeNotEnabled': 'User {username} is {state}',
  'error.alert.badType': 'Invalid alert type {type}: expected a number',
  'error.alert.noSelection': 'either ids, type, startdate or enddate must be specified',
  'error.alert.badId': 'Invalid alert id {id}',
  'error.alert.noIds': 'ids must name at least one alert',
  'error.event.notFound': 'Unable to find event with id {id}',
  'error.event.pendingParamsTogether': 'entrytime and duration must be specified together',
  'error.event.entryTimeNotAfterDuration': 'Entry time must be greater than duration',
  'error.event.noSelection': 'either ids, type or enddate must be specified',
  'error.event.badId': 'Invalid event id {id}',
  'error.list.startDateWithoutEndDate': 'enddate must be specified with startdate parameter',
  'error.date.unparsable': 'Unable to parse {param} "{value}"; use yyyy-MM-dd or yyyy-MM-dd HH:mm:ss',
  'error.paging.badPageSize': 'Page size must be a positive number or -1 for no limit',
  'error.paging.pageSizeTooLarge': "Page size can't exceed max allowed page size value: {max}",
  'error.capacity.endBeforeStart': 'enddate must not be before startdate',
  'error.capacity.sortBy': 'Only value supported for sortBy parameter is : usage',
  'error.capacity.clusterNotFound': 'Unable to find cluster by clusterids {id}',
  'error.capacity.negativeHostLimit': 'hostlimit must not be negative',
  'error.search.emptyQuery': 'The search query must not be empty',
  'error.search.unknownKind': 'Unknown kind {kinds}; the kinds are {known}',
  'error.managementServer.badState': 'Invalid state {value}: expected one of {states}',
  'error.secrets.otherKey':
    "A secret stored in the database cannot be decrypted: it was sealed under another secret key than this server's (key fingerprint {fingerprint}). Every server sharing the database must use the same secret key; see {doc}",
  'error.job.ownerUserDeleted':
    'The job was stopped because its owner lost access: the user who queued it has been deleted. Nothing more was changed.',
  'error.job.ownerAccountDeleted':
    'The job was stopped because its owner lost access: account {account} of user {username} has been deleted. Nothing more was changed.',
  'error.job.ownerUserNotEnabled':
    'The job was stopped because its owner lost access: user {username} is {state}. Nothing more was changed.',
  'error.job.ownerAccountNotEnabled':
    'The job was stopped because its owner lost access: account {account} of user {username} is {state}. Nothing more was changed.',
  'error.access.makeRoleType':
    'Caller {caller} may not make role {role}: the role is of the more privileged type {roleType}',
  'error.access.makeRoleCommand':
    'Caller {caller} may not make role {role}: the role allows {command}, which the caller may not call',
  'error.access.grantRoleType':
    'Caller {caller} may not grant role {role}: the role is of the more privileged type {roleType}',
  'error.access.grantRoleCommand':
    'Caller {caller} may not grant role {role}: the role allows {command}, which the caller may not call',
  'error.access.editRoleType':
    'Caller {caller} may not edit role {role}: the role is of the more privileged type {roleType}',
  'error.access.editRoleCommand':
    'Caller {caller} may not edit role {role}: the role allows {command}, which the caller may not call',
  'error.access.deleteRoleType':
    'Caller {caller} may not delete role {role}: the role is of the more privileged type {roleType}',
  'error.access.deleteRoleCommand':
    'Caller {caller} may not delete role {role}: the role allows {command}, which the caller may not call',
  'error.access.actOnUserRoleType':
    'Caller {caller} may not act on a user of role {role}: the role is of the more privileged type {roleType}',
  'error.access.actOnUserRoleCommand':
    'Caller {caller} may not act on a user of role {role}: the role allows {command}, which the caller may not call',
  'error.access.registerKeysRoleType':
    'Caller {caller} may not register keys for a user of role {role}: the role is of the more privileged type {roleType}',
  'error.access.registerKeysRoleCommand':
    'Caller {caller} may not register keys for a user of role {role}: the role allows {command}, which the caller may not call',
  'error.access.actOnAccountRoleType':
    'Caller {caller} may not act on an account of role {role}: the role is of the more privileged type {roleType}',
  'error.access.actOnAccountRoleCommand':
    'Caller {caller} may not act on an account of role {role}: the role allows {command}, which the caller may not call',

  'error.login.failed': 'Failed to authenticate user {username} in domain {domain}; please provide valid credentials',
  'error.login.throttled':
    'Too many failed login attempts for this user or from this address; the password was not checked. Try again in {seconds} seconds.',
  'error.login.throttledOneSecond':
    'Too many failed login attempts for this user or from this address; the password was not checked. Try again in 1 second.',
  'error.session.expired': 'unable to verify user credentials',
  'error.unauthenticated': 'unable to verify user credentials and/or request signature',
  'error.internal': 'Internal error executing command, please contact your system administrator',
  'error.api.missingParameter': 'Unable to execute API command {command} due to missing parameter {param}',
  // No longer raised (refused values are keyed by error.api.invalidValue.*); kept so that job
  // results stored before still render in the user's language.
  'error.api.invalidParameter':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {reason}',
  'error.api.invalidName.blank':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (the name cannot be empty or blank)',
  'error.api.invalidName.tooLong':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (the name is longer than {max} characters)',
  'error.api.invalidName.controlCharacters':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (the name may not contain control characters)',
  'error.api.invalidName.bidiCharacters':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (the name may not contain bidirectional override, embedding or isolate characters)',
  'error.api.invalidName.invalidUnicode':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (the name is not valid Unicode text)',
  // A refused parameter value, by problem (api/schemas/params.ts): each English text is the one
  // CloudStack clients have always read, zod's own wording included (notNumeric, notFinite,
  // tooSmall, tooLarge, notText, notMap), so two problems may say the same in Korean.
  'error.api.invalidValue.tooLong':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (value greater than max allowed length {max})',
  'error.api.invalidValue.notUuid':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (not a valid UUID)',
  'error.api.invalidValue.notInteger':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (must be an integer)',
  'error.api.invalidValue.notNumber':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (must be a number)',
  'error.api.invalidValue.notNumeric':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (Invalid input: expected number, received NaN)',
  'error.api.invalidValue.notFinite':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (Invalid input: expected number, received {received})',
  'error.api.invalidValue.tooSmall':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (Too small: expected number to be >={min})',
  'error.api.invalidValue.tooLarge':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (Too big: expected number to be <={max})',
  'error.api.invalidValue.notDate':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (not a valid date)',
  'error.api.invalidValue.notBoolean':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (Invalid input)',
  'error.api.invalidValue.notOneOf':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (must be one of {values})',
  'error.api.invalidValue.listItemTooLong':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (an item is longer than {max} characters)',
  'error.api.invalidValue.notText':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (Invalid input: expected string, received array)',
  'error.api.invalidValue.notList':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (Invalid input)',
  'error.api.invalidValue.notMap':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} (Invalid input: expected array, received string)',
  'error.api.invalidValue.other':
    'Unable to execute API command {command} due to invalid value. Invalid parameter {param} value: {value} ({reason})',
  'error.api.notAllowed': 'The given command does not exist or it is not available for user',
  'error.access.domain': 'Caller {caller} does not have permission to operate within domain id={id}',
  'error.access.account': 'Caller {caller} does not have permission to operate with resource of account id={id}',
  'error.notFound': 'Unable to find {resource} by id {id}',
  'error.zone.nameTaken': 'A zone with that name already exists. Please specify a unique zone name.',
  'error.pod.nameTaken': 'A pod with name: {name} already exists in zone {zone}. Please specify a different pod name.',
  'error.pod.hasHosts': 'The pod cannot be deleted because there are servers in this pod.',
  'error.pod.hasClusters': 'The pod cannot be deleted because there are clusters in this pod.',
  'error.pod.hasStoragePools': 'The pod cannot be deleted because there are primary storage pools in this pod.',
  'error.pod.hasIpRanges':
    'The pod cannot be deleted because there are guest IP ranges in this pod; delete them first.',
  'error.cluster.nameTaken': 'A cluster with name {name} already exists in pod {pod}',
  'error.cluster.hasHosts': 'Cluster {name} cannot be deleted: it still has hosts. Delete its hosts first.',
  'error.cluster.hasStoragePools':
    'Cluster {name} cannot be deleted: it still has primary storage pools. Delete them first.',
  'error.storagePool.nameTaken': 'A storage pool named {name} already exists in zone {zone}',
  'error.physicalNetwork.nameTaken': 'A physical network with name {name} already exists in zone {zone}',
  'error.account.nameTaken': 'The specified account: {name} already exists in domain {domain}',
  'error.user.nameTaken': 'The user {username} already exists in domain {domain}',
  'error.role.nameTaken': 'Role with name {name} already exists',
  'error.role.inUse': 'Role {name} is in use by {count} account(s) and cannot be deleted',

  // Errors: infrastructure, imports, API
  'error.physicalNetwork.badIsolation': 'Invalid isolation method {method}; supported methods are {methods}',
  'error.vlan.emptyRange': 'Please provide a valid vlan range: Empty VLAN range',
  'error.vlan.rangeFormat':
    'Please provide a valid vlan range: Invalid VLAN range "{range}": expected a number or start-end',
  'error.vlan.rangeBounds':
    'Please provide a valid vlan range: Invalid VLAN range "{range}": VLANs must be within {min}-{max}',
  'error.vlan.rangeOrder':
    'Please provide a valid vlan range: Invalid VLAN range "{range}": the start is greater than the end',
  'error.vlan.rangesOverlap': 'Please provide a valid vlan range: VLAN ranges {range} and {otherRange} overlap',
  'error.vlan.badTag': 'Invalid VLAN "{vlan}": VLANs must be within {min}-{max} or untagged',
  'error.physicalNetwork.oneTag': 'Only one tag can be specified for a physical network at this time',
  'error.physicalNetwork.oneIsolationMethod':
    'Only one isolationMethod can be specified for a physical network at this time',
  'error.physicalNetwork.basicZoneVlan': "Can't add vnet range to the physical network in the Basic zone",
  'error.physicalNetwork.basicBroadcast': 'Basic zone can have broadcast domain type of value POD only',
  'error.physicalNetwork.advancedBroadcast': 'Advance zone can have broadcast domain type of value ZONE only',
  'error.physicalNetwork.vlanOverlap':
    'The vlan range {vlan} overlaps with the vlan range {otherVlan} of physical network {network} in zone {zone}',
  'error.physicalNetwork.emptyName': 'Physical network name cannot be empty or blank',
  'error.physicalNetwork.zoneEnabled':
    'Cannot create PhysicalNetwork since the Zone is currently enabled, zone: {zone}',
  'error.physicalNetwork.basicZoneTaken':
    'Cannot add the physical network to basic zone: {zone}, there is a physical network already existing in this basic Zone',
  'error.zone.notFoundByZoneId': 'Unable to find zone by zoneid {id}',
  'error.physicalNetwork.moreThanOneTag': 'Unable to support more than one tag on network yet',
  'error.physicalNetwork.hasIpRanges':
    'The Physical Network is not deletable because there are IP ranges associated with this physical network',
  'error.physicalNetwork.notFound': 'Unable to find the physical network',
  'error.cluster.badType': 'Invalid cluster type "{value}"; valid values: {values}',
  'error.hypervisor.unsupported': 'Hypervisor {hypervisor} is not supported yet; supported: {supported}',
  'error.hypervisor.notInBuild': 'Hypervisor {hypervisor} is not supported yet; this build supports: {supported}',
  'error.hypervisor.unknown': 'Unable to resolve hypervisor type "{value}"; known types: {known}',
  'error.host.emptyUrl': 'The host url cannot be empty',
  'error.host.noCluster': 'Either clusterid or clustername is required to add a host',
  'error.host.clusterNotInPod': 'Cluster {cluster} (id: {clusterId}) does not belong to pod {pod} (id: {podId})',
  'error.host.hypervisorMismatch':
    "Cannot add a {hostHypervisor} host to cluster {cluster}: the cluster's hypervisor is {hypervisor}",
  'error.host.cannotEnable': 'Cannot enable host {name}: it is in resource state {state}',
  'error.host.cannotDisable': 'Cannot disable host {name}: it is in resource state {state}',
  'error.host.changed': 'Host {name} changed meanwhile; try again',
  'error.host.deleteBadState':
    'Host {name} cannot be deleted as it is in resource state {state}. Put it into maintenance or disable it first, or delete it with forced=true.',
  'error.host.reconnectDuringMaintenance': 'Cannot reconnect host {name}: it is being prepared for maintenance',
  'error.host.alreadyInMaintenance': 'Host {name} is already in maintenance',
  'error.host.maintenanceBadState': 'Cannot prepare host {name} for maintenance: it is in resource state {state}',
  'error.host.maintenanceNotUp':
    'Cannot prepare host {name} for maintenance: it is {state}, not Up. Disable it instead, or reconnect it first.',
  'error.host.notInMaintenance': 'Host {name} is not in maintenance: it is in resource state {state}',
  'error.host.usageHistoryIds': 'id and ids are mutually exclusive',
  'error.host.usageHistoryDates': 'enddate must not be before startdate',
  'error.host.unsupportedHypervisor': 'Host {name} runs {hypervisor}, which this build does not support yet',
  'error.host.tagTooLong': 'Host tag "{tag}..." is too long',
  'error.host.duplicateUrl': 'A host with url {url} already exists in cluster {cluster}',
  'error.host.addFailed': 'Unable to add host {url}: {reason}',
  'error.host.reconnectFailed': 'Failed to reconnect host {name}: {reason}',
  'error.host.maintenanceFailed': 'Failed to prepare host {name} for maintenance: {reason}',
  'error.storage.badUrl.noPath': 'Invalid storage URL "{url}": a path such as /export/primary is required',
  'error.storage.badUrl.dotDot': 'Invalid storage URL "{url}": the path may not contain \'..\'',
  'error.storage.badUrl.tooLong': 'Invalid storage URL "{url}": the URL is longer than 1024 characters',
  'error.storage.badUrl.controlChars': 'Invalid storage URL "{url}": control characters are not allowed',
  'error.storage.badUrl.format':
    'Invalid storage URL "{url}": expected nfs://server/path, file:///path or an absolute path',
  'error.storage.badUrl.credentials': 'Invalid storage URL "{url}": credentials are not allowed in the URL',
  'error.storage.badUrl.server': 'Invalid storage URL "{url}": the server part is not valid',
  'error.storage.badUrl.noServer':
    'Invalid storage URL "{url}": an NFS server name or address is required (nfs://server/path)',
  'error.storage.badUrl.fileHost': 'Invalid storage URL "{url}": a file:// URL names a local path (file:///path)',
  'error.storage.badUrl.scheme':
    'Invalid storage URL "{url}": unsupported scheme "{scheme}"; use nfs://server/path, file:///path, sharedmountpoint:///path or an absolute path',
  'error.storage.emptyUrl': 'The storage URL cannot be empty',
  'error.storage.badCapacityOverride':
    'Invalid capacitygb={value} in the storage URL: expected a whole number of GiB from 1 to {max}',
  'error.simulatorHost.badUrl': 'Invalid Simulator host URL "{url}": expected a URL like http://sim/c0/h0',
  'error.simulatorHost.badAddress':
    'Invalid Simulator host URL "{url}": Simulator hosts are addressed as http://sim/<path>, e.g. http://sim/c0/h0',
  'error.simulatorHost.credentials':
    'Invalid Simulator host URL "{url}": credentials and fragments are not allowed, e.g. http://sim/c0/h0',
  'error.simulatorHost.noPath':
    'Invalid Simulator host URL "{url}": the path must name the host, e.g. http://sim/c0/h0',
  'error.simulatorHost.badSegment':
    "Invalid Simulator host URL \"{url}\": path segments may only use letters, digits, '.', '_' and '-'",
  'error.simulatorHost.badHostPart': 'Invalid Simulator host URL "{url}": bad host part',
  'error.simulatorHost.pathTooLong': 'Invalid Simulator host URL "{url}": the path is too long',
  'error.simulatorHost.unknownParam':
    'Unknown parameter "{param}" in the Simulator host URL; supported: cpunumber, cpuspeed (MHz), memory (MiB), cpusockets',
  'error.simulatorHost.badCount':
    'Invalid {param}={value} in the Simulator host URL: expected a whole number from {min} to {max}',
  'error.simulatorHost.badSpeed':
    'Invalid {param}={value} in the Simulator host URL: expected a whole number from {min} to {max} MHz',
  'error.simulatorHost.badMemory':
    'Invalid {param}={value} in the Simulator host URL: expected a whole number from {min} to {max} MiB',
  'error.storagePool.tagTooLong': 'Storage tag "{tag}..." is too long',
  'error.storagePool.tagControlChars': 'Storage tags may not contain control characters',
  'error.storagePool.capacityBytes': "'capacityBytes' must be greater than 0.",
  'error.storagePool.capacityIops': "'capacityIops' must be greater than 0.",
  'error.storagePool.badProvider': "can't find storage provider: {provider} (supported: DefaultPrimary)",
  'error.storagePool.managed': 'Managed storage is not supported by the DefaultPrimary provider',
  'error.storagePool.noCluster': "cluster id can't be null, if scope is cluster",
  'error.storagePool.clusterNotInZone': 'Cluster {cluster} does not belong to zone {zone}',
  'error.storagePool.clusterNotInPod': 'Cluster {cluster} does not belong to pod {pod}',
  'error.storagePool.unsupportedHypervisor': 'Hypervisor {hypervisor} is not supported',
  'error.storagePool.badScope': 'invalid scope for pool {scope}; use cluster or zone',
  'error.storagePool.noHypervisor':
    'Missing parameter hypervisor. Hypervisor type is required to create zone wide primary storage.',
  'error.storagePool.badHypervisor': 'invalid hypervisor type {value}',
  'error.storagePool.duplicateUrl': 'Storage pool {host}:{path} is already in use by storage pool {pool}',
  'error.storagePool.cannotEnable': 'Primary storage with id {id} cannot be enabled. Storage pool state : {state}',
  'error.storagePool.cannotDisable': 'Primary storage with id {id} cannot be disabled. Storage pool state : {state}',
  'error.storagePool.nameTakenInZone': 'A storage pool named {name} already exists in this zone',
  'error.storagePool.changed': 'Storage pool {name} changed state meanwhile; try again',
  'error.storagePool.deleteBadState':
    'Unable to delete storage pool {name}: it is {state}; put it in maintenance (or disable it) first, or use forced=true',
  'error.storagePool.detachFailed':
    'Failed to delete storage pool on host ({reason}); use forced=true to remove it anyway',
  'error.storagePool.noHostInCluster': 'No host up to associate a storage pool with in cluster {cluster}',
  'error.storagePool.noHostInZone':
    'No host up to associate a storage pool with in zone {zone} (hypervisor {hypervisor})',
  'error.storagePool.noHostInTheZone': 'No host up to associate a storage pool with in the zone',
  'error.storagePool.noHostInTheCluster': 'No host up to associate a storage pool with in the cluster',
  'error.storagePool.attachFailed':
    'Failed to add data store: Can not create storage pool through host {host} due to {reason}',
  'error.storagePool.notReadyForMaintenance':
    'Primary storage with id {id} is not ready for migration, as the status is:{state}',
  'error.storagePool.notReadyToCancelMaintenance':
    'Primary storage with id {id} is not ready to complete migration, as the status is:{state}',
  'error.imageStore.badProvider':
    'Image store provider {provider} is not supported; use NFS (nfs://server/path) or a local directory',
  'error.imageStore.noUrl': 'The url is required for an {provider} image store',
  'error.imageStore.badUrl': 'Invalid image store URL "{url}": use nfs://server/path or a local directory',
  'error.imageStore.filesystemUrl': 'The Filesystem provider takes a local directory (file:///path or /path)',
  'error.imageStore.duplicateUrl': 'The image store {name} already uses {url}',
  'error.imageStore.noZone': 'A zone id is required for NFS secondary storage',
  'error.localPath.missing': 'The path {path} does not exist on the management server',
  'error.localPath.notDirectory': 'The path {path} is not a directory',
  'error.pod.badGateway': 'The gateway {gateway} is not a valid IP address.',
  'error.pod.badNetmask': 'The netmask {netmask} is invalid: it must be a contiguous mask such as 255.255.255.0.',
  'error.pod.badStartIp': 'The start address of the IP range ({ip}) is not a valid IP address.',
  'error.pod.badEndIp': 'The end address of the IP range ({ip}) is not a valid IP address.',
  'error.pod.startIpOutside': 'The start address of the IP range ({ip}) is not in the CIDR subnet {cidr}.',
  'error.pod.endIpOutside': 'The end address of the IP range ({ip}) is not in the CIDR subnet {cidr}.',
  'error.pod.startAfterEnd':
    'The start IP address ({startIp}) must have a lower value than the end IP address ({endIp}).',
  'error.pod.gatewayInRange': "The gateway {gateway} shouldn't overlap the start/end IP addresses {startIp}-{endIp}.",
  'error.pod.cidrExcludesRange':
    "The pod's CIDR cannot change to {cidr}: its IP range {startIp}-{endIp} would fall outside it. Give a startip and endip within the new CIDR.",
  'error.pod.cidrExcludesHost':
    "The pod's CIDR cannot change to {cidr}: host {host} has the management address {ip} outside it.",
  'error.pod.cidrOverlapsPod':
    'The subnet of the pod ({cidr}) conflicts with the subnet of pod {pod} ({podCidr}) in zone {zone}. Please specify a different CIDR.',
  'error.pod.cidrOverlapsGuestCidr':
    'The subnet of the pod ({cidr}) conflicts with the guest CIDR {guestCidr} of zone {zone}. Please specify a different CIDR.',
  'error.pod.rangeOverlapsPublic':
    "The pod's IP range {startIp}-{endIp} overlaps the public IP range {otherStartIp}-{otherEndIp} ({vlan}) of zone {zone}.",
  'error.pod.rangeOverlapsGuest':
    "The pod's IP range {startIp}-{endIp} overlaps the guest IP range {otherStartIp}-{otherEndIp} ({vlan}) of zone {zone}.",
  'error.cluster.badArch': 'Invalid arch "{value}"; valid values: {values}',
  'error.cluster.badManagedState': 'Invalid managed state "{value}"; valid values: {values}',
  'error.cluster.badRatio': '{param} must be a number from 1 to 100 (got {value})',
  'error.pod.notInZone': 'Pod {pod} (id: {podId}) does not belong to zone {zone} (id: {zoneId})',
  'error.cluster.nameTakenInPod': 'A cluster with name {name} already exists in this pod',
  'error.ipRange.noStartIp': 'Please specify the start IP address of the range (startip).',
  'error.ipRange.noGateway': 'Please specify a valid gateway.',
  'error.ipRange.badGateway': 'Please specify a valid gateway: {gateway} is not an IPv4 address.',
  'error.ipRange.noNetmask': 'Please specify a valid netmask.',
  'error.ipRange.badNetmask':
    'Please specify a valid netmask: {netmask} is not a contiguous mask such as 255.255.255.0.',
  'error.ipRange.badStartIp': 'The start IP address {ip} is not a valid IPv4 address.',
  'error.ipRange.badEndIp': 'The end IP address {ip} is not a valid IPv4 address.',
  'error.ipRange.startIpOutside':
    'Please specify a valid IP range or valid netmask or valid gateway: the start IP address {ip} is not in {cidr} (gateway {gateway}, netmask {netmask}).',
  'error.ipRange.endIpOutside':
    'Please specify a valid IP range or valid netmask or valid gateway: the end IP address {ip} is not in {cidr} (gateway {gateway}, netmask {netmask}).',
  'error.ipRange.overlapsRange':
    'The IP range {startIp}-{endIp} overlaps the existing IP range {otherStartIp}-{otherEndIp} ({vlan}) in zone {zone}. Please specify a different start IP/end IP.',
  'error.ipRange.otherGateway':
    'The IP range has already been added on {vlan} with gateway {gateway} and netmask {netmask}; use the same gateway/netmask to extend it, or a subnet that does not overlap {cidr}.',
  'error.ipRange.subnetOverlaps':
    'The IP range with tag: {vlan} in zone {zone} has overlapped with the subnet {cidr}. Please specify a different gateway/netmask.',
  'error.ipRange.overlapsPodRange':
    'The IP range {startIp}-{endIp} overlaps the reserved system IP range {podStartIp}-{podEndIp} of pod {pod}.',
  'error.ipRange.guestVlan':
    'The VLAN tag {vlan} is already being used for dynamic vlan allocation for the guest network in zone {zone} (guest VLAN range {guestVlans} of physical network {network}).',
  'error.ipRange.systemVmsDedicated':
    'An IP range for system VMs (forsystemvms=true) cannot be dedicated to an account or a domain.',
  'error.ipRange.dedicateNotPublic':
    'IP range {startIp}-{endIp} is not a public IP range; only public ranges can be dedicated.',
  'error.ipRange.dedicateSystemVms':
    'Public IP range {startIp}-{endIp} is reserved for system VMs and cannot be dedicated.',
  'error.ipRange.dedicateNoDomain':
    'Please specify the domain (domainid), and optionally the account, to dedicate the range to.',
  'error.ipRange.alreadyDedicated': 'Public IP range {startIp}-{endIp} is already dedicated; release it first.',
  'error.ipRange.notDedicated': 'Public IP range {startIp}-{endIp} is not dedicated to an account or a domain.',
  'error.ipRange.directUnsupported':
    'Direct IP ranges (forvirtualnetwork=false) belong to shared guest networks, which are not supported yet; zone {zone} takes public IP ranges only.',
  'error.ipRange.podInAdvancedZone':
    'A pod (podid) can be given only for guest IP ranges in a Basic zone; {zone} is Advanced.',
  'error.ipRange.publicInBasicZone':
    'Basic zone {zone} has no public IP ranges: its ranges are guest ranges of a pod (forvirtualnetwork=false).',
  'error.ipRange.noPod': 'A pod (podid) is required for a guest IP range in Basic zone {zone}.',
  'error.ipRange.systemVmsGuest': 'forsystemvms applies to public IP ranges only.',
  'error.ipRange.dedicateInBasicZone':
    'An IP range can be dedicated to an account or a domain only in an Advanced zone.',
  'error.ipRange.networkUnsupported':
    'Adding IP ranges to a guest network (networkid) is not supported yet; give a zone (public range) or a pod (basic zone guest range).',
  'error.ipRange.podNotInZone': "Pod {pod} doesn't belong to zone {zone}.",
  'error.ipRange.networkNotInZone': "Physical network {network} doesn't belong to zone {zone}.",
  'error.ipRange.noZone': 'Please specify a zone (zoneid), a pod (podid) or a physical network.',
  'error.ipRange.networkNotPublic':
    'Physical network {network} does not carry Public traffic; add the Public traffic type to it before adding public IP ranges.',
  'error.ipRange.noPublicNetwork':
    'No physical network in zone {zone} carries Public traffic; add the Public traffic type to a physical network before adding public IP ranges.',
  'error.ipRange.noAccountDomain': 'Please specify the domain (domainid) of the account.',
  'error.domain.notFoundByDomainId': 'Unable to find domain by domainid {id}',
  'error.zone.badIpAddress': 'Please enter a valid IP address for {field}',
  'error.zone.badIpSixAddress': 'Please enter a valid IPv6 address for {field}',
  'error.zone.badGuestCidr': 'Please enter a valid guest cidr: {cidr} is not an RFC 1918 private IPv4 CIDR',
  'error.zone.badDomain': 'Please specify a valid domain id',
  'error.zone.guestCidrInBasicZone': 'guestCidrAddress parameter is not supported for Basic zone',
  'error.zone.cannotEnable':
    'Cannot enable this Zone since: Unable to find the default physical network with traffic={trafficType} in the specified zone id {id}',
  'error.zone.hasHosts': 'The zone cannot be deleted because there are servers in this zone.',
  'error.zone.hasPods': 'The zone cannot be deleted because there are pods in this zone.',
  'error.zone.hasIpRanges': 'The zone cannot be deleted because there are IP ranges in this zone.',
  'error.zone.hasPhysicalNetworks': 'The zone cannot be deleted because there are physical networks in this zone.',
  'error.zone.hasStoragePools': 'The zone cannot be deleted because there are primary storages in this zone.',
  'error.zone.hasImageStores': 'The zone cannot be deleted because there are Secondary storages in this zone.',
  'error.notFoundBy': 'Unable to find {resource} by {param} {id}',
  'error.provider.notFound': "Network Service Provider id={id} doesn't exist in the system",
  'error.provider.shutdown': "Updating the provider state to 'Shutdown' is not supported",
  'error.provider.fixedServices': "Cannot update set of Services for this Service Provider '{name}'",
  'error.provider.badService': '{provider} Provider cannot provide this Service specified={service}',
  'error.provider.notReady':
    'Provider is not ready, cannot Enable the provider, please configure the provider first (enable its virtual router element with configureVirtualRouterElement)',
  'error.trafficType.blankLabel': '{param} cannot be blank',
  'error.trafficType.publicInBasicZone': 'Public traffic type is not supported in a Basic zone',
  'error.trafficType.exists': 'This physical network already supports the traffic type: {trafficType}',
  'error.trafficType.zoneHasIt':
    'Fail to add the traffic type to physical network because Zone already has a physical network with this traffic type: {trafficType}',
  'error.trafficType.untagged':
    'There are more than 1 physical network without tags in the zone: {zone}; tag the physical networks that carry Guest traffic',
  'error.simulatorMock.unknownOperation': 'Unknown Simulator operation "{name}"; valid names: {names}',
  'error.simulatorMock.hostNotInCluster': 'The host given does not belong to the cluster given',
  'error.simulatorMock.hostNotInPod': 'The host given does not belong to the pod given',
  'error.simulatorMock.hostNotInZone': 'The host given does not belong to the zone given',
  'error.simulatorMock.clusterNotInPod': 'The cluster given does not belong to the pod given',
  'error.simulatorMock.clusterNotInZone': 'The cluster given does not belong to the zone given',
  'error.simulatorMock.podNotInZone': 'The pod given does not belong to the zone given',
  'error.simulatorMock.badJson': 'jsonresponse must be a JSON document',
  'error.simulatorMock.emptyValue': "Empty mock value: use 'result:fail' and/or 'wait:<ms>'",
  'error.simulatorMock.badValue': "Invalid mock value \"{value}\": use 'result:fail' and/or 'wait:<ms>'",
  'error.simulatorMock.resultTwice': 'Mock value "{value}" gives result twice',
  'error.simulatorMock.waitTwice': 'Mock value "{value}" gives wait twice',
  'error.simulatorMock.badResult': 'Invalid result "{result}" in mock value: use result:fail',
  'error.simulatorMock.badWait': 'Invalid wait "{wait}" in mock value: use wait:<milliseconds> up to {max}',
  'error.datacenterImport.notFound': 'Unable to find a datacenter import with id {id}',
  'error.datacenterImport.finished':
    'The datacenter import {id} is {state}: only an Interrupted or Failed import can be resumed or removed',
  'error.datacenterImport.removing':
    'Removing what the datacenter import {id} created has started: it cannot be resumed; remove the rest instead',
  'error.datacenterImport.invalidConfig': 'Invalid datacenter description: {problems}',
  'error.datacenterImport.invalidConfigMore': 'Invalid datacenter description: {problems} (and {more} more)',
  'error.datacenterImport.planChanged':
    'The datacenter import {id} plans differently in this version of Stackyard: it cannot be resumed; remove what it created instead',
  'error.datacenterImport.stepFailed':
    'Datacenter import failed at step {step} of {total}: {label}: {reason}. Nothing was changed.',
  'error.datacenterImport.stepFailedOneKept':
    'Datacenter import failed at step {step} of {total}: {label}: {reason}. What the 1 earlier step created was kept; nothing after this step was run.',
  'error.datacenterImport.stepFailedKept':
    'Datacenter import failed at step {step} of {total}: {label}: {reason}. What the {kept} earlier steps created was kept; nothing after this step was run.',
  'error.api.unknownCommand': 'Unknown API command: {command}',

  // Errors: a state machine refusing an event (domain/state-machine.ts), one per event
  'error.transition.enable': '{subject} {name} cannot enable: it is {state}',
  'error.transition.disable': '{subject} {name} cannot disable: it is {state}',
  'error.transition.prepareMaintenance': '{subject} {name} cannot prepare maintenance: it is {state}',
  'error.transition.resumeMaintenance': '{subject} {name} cannot resume maintenance: it is {state}',
  'error.transition.maintenanceDone': '{subject} {name} cannot maintenance done: it is {state}',
  'error.transition.maintenanceFailed': '{subject} {name} cannot maintenance failed: it is {state}',
  'error.transition.cancelMaintenance': '{subject} {name} cannot cancel maintenance: it is {state}',
  'error.transition.delete': '{subject} {name} cannot delete: it is {state}',
  'error.transition.connect': '{subject} {name} cannot connect: it is {state}',
  'error.transition.connected': '{subject} {name} cannot connected: it is {state}',
  'error.transition.connectFailed': '{subject} {name} cannot connect failed: it is {state}',
  'error.transition.pingAnswered': '{subject} {name} cannot ping answered: it is {state}',
  'error.transition.pingTimeout': '{subject} {name} cannot ping timeout: it is {state}',
  'error.transition.claim': '{subject} {name} cannot claim: it is {state}',
  'error.transition.complete': '{subject} {name} cannot complete: it is {state}',
  'error.transition.fail': '{subject} {name} cannot fail: it is {state}',
  'error.transition.release': '{subject} {name} cannot release: it is {state}',
  'error.transition.abandon': '{subject} {name} cannot abandon: it is {state}',

  // Errors: compute and disk offerings
  'error.offering.domainNotFound': 'Please specify a valid domain id: no domain has id {id}',
  'error.offering.zoneNotFound': 'Please specify a valid zone id: no zone has id {id}',
  'error.offering.emptyDisplayText': 'The display text of {resource} {name} cannot be empty',
  'error.offering.badStorageType': "Invalid storage type {value} specified, valid types are: 'local' and 'shared'",
  'error.offering.badProvisioningType':
    'Invalid provisioning type {value} specified, valid types are: thin, sparse, fat',
  'error.offering.badCacheMode':
    'Invalid cache mode ({value}). Please specify one of the following valid cache mode parameters: none, writeback, writethrough',
  'error.offering.minIopsNotPositive': 'The min IOPS must be greater than 0.',
  'error.offering.minIopsAboveMax': 'The min IOPS must be less than or equal to the max IOPS.',
  'error.offering.rateAboveMax': '{param} ({value}) cannot be greater than its maximum {maxParam} ({max})',
  'error.offering.createNotAdmin':
    'Unable to create {resource} {name}: caller {caller} is neither a root admin nor a domain admin',
  'error.offering.updateNotAdmin':
    'Unable to update {resource} {name}: caller {caller} is neither a root admin nor a domain admin',
  'error.offering.deleteNotAdmin':
    'Unable to delete {resource} {name}: caller {caller} is neither a root admin nor a domain admin',
  'error.offering.publicByDomainAdmin':
    'Unable to create public {resource} {name}: caller {caller} is a domain admin; name the domains it is for (domainid)',
  'error.offering.otherDomain':
    'Unable to offer {resource} {name} to domain {id}: caller {caller} is a domain admin, and the domain is neither its own nor one of its subdomains',
  'error.offering.taggedByDomainAdmin':
    'Unable to create {resource} {name} with storage tags or host tags: caller {caller} is a domain admin',
  'error.offering.systemByDomainAdmin':
    'Unable to create system offering {name}: caller {caller} is a domain admin; system offerings are made by root admins',
  'error.offering.updatePublicByDomainAdmin':
    'Unable to update public {resource} {name}: caller {caller} is a domain admin',
  'error.offering.makePublicByDomainAdmin':
    'Unable to make {resource} {name} public: caller {caller} is a domain admin',
  'error.offering.zonesByDomainAdmin':
    'Unable to change the zones of {resource} {name}: caller {caller} is a domain admin',
  'error.offering.foreignDomainsByDomainAdmin':
    'Unable to update {resource} {name}: it is also offered to domains outside the domains of domain admin {caller}',
  'error.offering.deletePublicByDomainAdmin':
    'Unable to delete public {resource} {name}: caller {caller} is a domain admin',
  'error.offering.deleteForeignByDomainAdmin':
    'Unable to delete {resource} {name}: it is also offered to domains outside the domains of domain admin {caller}',
  'error.offering.defaultNoDelete': 'Default service offering {name} cannot be deleted',
  'error.offering.systemNotRoot': 'Only ROOT admins can access system offerings.',
  'error.offering.recursiveByUser': 'Only ROOT admins and Domain admins can list offerings with isrecursive=true',
  'error.offering.domainOutOfReach': 'The account {caller} does not fall in the same domain hierarchy as domain {id}',
  'error.serviceOffering.customWithSize': 'For creating a custom compute offering cpu and memory all should be null',
  'error.serviceOffering.customBoundsPartial':
    'For creating a custom compute offering min/max cpu and min/max memory/cpu speed should all be null or all specified',
  'error.serviceOffering.fixedWithoutSize':
    'Failed to create service offering {name}: cpunumber and memory are required unless the offering is customized',
  'error.serviceOffering.badCpuNumber':
    'Failed to create service offering {name}: specify the cpu number value between 1 and {max}',
  'error.serviceOffering.badCpuBounds':
    'Failed to create service offering {name}: specify the minimum or maximum cpu number value between 1 and {max}',
  'error.serviceOffering.badCpuSpeed':
    'Failed to create service offering {name}: specify the cpu speed value between 0 and {max}',
  'error.serviceOffering.badMemory':
    'Failed to create service offering {name}: specify the memory value between {min} and {max} MB',
  'error.serviceOffering.cpuBoundsReversed':
    'Failed to create service offering {name}: the minimum cpu number ({min}) is greater than the maximum ({max})',
  'error.serviceOffering.memoryBoundsReversed':
    'Failed to create service offering {name}: the minimum memory ({min} MB) is greater than the maximum ({max} MB)',
  'error.serviceOffering.localHa': 'HA offering with local storage is not supported.',
  'error.serviceOffering.badSystemVmType':
    'Invalid systemVmType {value}. Supported types are: domainrouter, consoleproxy, secondarystoragevm, internalloadbalancervm',
  'error.serviceOffering.systemCustomizedIops': 'Customized IOPS is not a valid parameter for a system VM.',
  'error.serviceOffering.networkRateNotAllowed':
    'Network rate can be specified only for non-System offering and system offerings having "domainrouter" systemvmtype',
  'error.serviceOffering.negativeNetworkRate':
    'Failed to create service offering {name}: specify the network rate value more than 0',
  'error.diskOffering.sizeRequired': 'Disksize is required for a non-customized disk offering',
  'error.diskOffering.sizeWithCustomized': 'Disksize is not allowed for a customized disk offering',
  'error.diskOffering.sizeTooSmall': 'Please specify a disk size of at least 1 GB.',
  'error.diskOffering.sizeTooLarge': 'The maximum size for a disk is {max} GB.',
  'error.networkOffering.requiredNeedsSourceNat':
    'Availability can be Required only for network offerings of type Isolated and with SourceNat enabled',
  'error.networkOffering.requiredTaken':
    'System already has network offering {name} (id: {id}) with availability Required',
  'error.networkOffering.badService': 'Invalid service {value}',
  'error.networkOffering.badProvider': 'Invalid service provider: {value}',
  'error.networkOffering.providerNotForService': "Provider {provider} doesn't support service {service}",
  'error.networkOffering.vpcProvider':
    'Provider {provider} serves VPC tiers only; network offerings for VPCs (forvpc=true) are not supported',
  'error.networkOffering.forVpc': 'Network offerings for VPCs (forvpc=true) are not supported',
  'error.networkOffering.providerWithoutService':
    "Service {service} is not enabled for the network offering, can't add a provider to it",
  'error.networkOffering.twoProviders':
    'Service {service} can have one provider only: {provider} and {other} were given',
  'error.networkOffering.mapEntry': 'Each {param} entry needs {keys}',
  'error.networkOffering.sourceNatNotIsolated': 'SourceNat service is supported only for Isolated network offerings',
  'error.networkOffering.securityGroupNotShared':
    'SecurityGroup service is supported only for Shared network offerings',
  'error.networkOffering.sharedSpecifyVlan': "specifyvlan should be true if network offering's type is Shared",
  'error.networkOffering.sharedSpecifyIpRanges': "specifyipranges should be true if network offering's type is Shared",
  'error.networkOffering.ipRangesWithSourceNat':
    'specifyipranges can only be true for Shared network offerings and Isolated with no SourceNat service',
  'error.networkOffering.egressNotIsolated': 'egressdefaultpolicy can be set only for Isolated network offerings',
  'error.networkOffering.persistentNotIsolated': 'Persistent network offerings can be made only for Isolated networks',
  'error.networkOffering.negativeNetworkRate': 'Invalid network rate {value}: specify 0 or more megabits per second',
  'error.networkOffering.badCapability':
    'Capability {capability} of service {service} cannot be chosen: only SupportedSourceNatTypes of SourceNat and SupportedLBIsolation of Lb can',
  'error.networkOffering.capabilityWithoutService':
    "Service {service} is not enabled for the network offering, can't set its capability {capability}",
  'error.networkOffering.badCapabilityValue':
    'Invalid value {value} of capability {capability}: valid values are {values}',
  'error.networkOffering.defaultNoDelete': "Default network offering {name} can't be deleted",
  // Errors: templates and ISOs
  'error.template.badUrl': 'Invalid URL: {url}',
  'error.template.badUrlScheme': 'Unsupported scheme for url: {url}; only http and https are allowed',
  'error.template.urlUnresolved': 'Unable to resolve the host {host} of url {url}',
  'error.template.urlInternal':
    'URL {url} resolves to the internal address {address}; downloads from it are refused unless secstorage.allowed.internal.sites contains it',
  'error.template.badHypervisor': 'Hypervisor {value} is not supported for templates; use KVM or Simulator',
  'error.template.badFormat': 'Image format: {value} is incorrect. Supported formats are QCOW2, RAW, VHD, OVA',
  'error.template.formatForHypervisor': 'Image format {format} is not supported by hypervisor {hypervisor}',
  'error.template.badBits': 'Invalid bits {value}: a template is 32 or 64 bits',
  'error.template.featuredNotRoot': 'Only root admins can make templates featured; {caller} is not one',
  'error.template.badChecksum':
    'Invalid checksum {value}: give the algorithm name in curly brackets followed by its hex digest (MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512), or an MD5 hex digest',
  'error.template.accountWithoutDomain': 'Account and domainid must be given together',
  'error.template.osTypeNotFound': 'Please specify a valid OS type: no OS type has id {id}',
  'error.template.zoneRequired': 'Please specify zoneid (or zoneids); -1 registers in every zone',
  'error.template.zoneNotFound': 'Please specify a valid zone id: no zone has id {id}',
  'error.template.noImageStore': 'Unable to find an image store in zone {zone} to download to',
  'error.template.noImageStoreAnywhere': 'Unable to find an image store in any zone to download to',
  'error.template.allFilterNotAdmin': 'Filter {filter} can be specified by admin only',
  'error.template.idAndIds': 'Specify either id or ids, not both',
  'error.template.notFound': 'Unable to find {resource} with id {id}',
  'error.template.emptyDisplayText': 'The display text of {name} cannot be empty',
  'error.template.notInZone': '{resource} {name} is not in zone {zone}',
  'error.template.destZoneRequired': 'Please specify destzoneid or destzoneids',
  'error.template.notReadyInSource': '{resource} {name} is not ready in the source zone {zone}',
  'error.template.copySameZone': 'Please specify different source and destination zones',
  'error.template.alreadyInZone': '{resource} {name} is already in the destination zone',
  'error.template.badPermissionOp': 'Invalid permission operator {value}: use add or remove with accounts, or reset',
  'error.template.nothingToChange':
    'Please specify at least one of ispublic, isfeatured, isextractable, accounts with op=add or op=remove, or op=reset',
  'error.imageStore.hasTemplates': 'Cannot delete image store {name} with active templates backup!',
  'error.template.permissionAccountNotFound': "Unable to find account {account} in the template's domain",
} as const;

export type ServerMessageKey = keyof typeof SERVER_MESSAGES;

/** The placeholder names of a template: 'Deleted {name} (id: {id})' -> 'name' | 'id'. */
type PlaceholdersOf<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? P | PlaceholdersOf<Rest>
  : never;

/** The parameters a key takes, each named after its placeholder. */
export type ServerMessageParams<K extends ServerMessageKey> = Record<
  PlaceholdersOf<(typeof SERVER_MESSAGES)[K]>,
  string | number
>;

/** A message by key with its parameters, as stored (JSON) and sent beside the English text. */
export interface ServerMessage {
  key: ServerMessageKey;
  params: Record<string, string>;
}

/**
 * What a parameter holds when it is not a plain value (a name, an id, a number): the UI translates
 * it. One meaning per parameter name across the catalogue: a `state` is always a state value.
 * - state: a state name (Up, Disconnected, Enabled...), shown with the state labels;
 * - enum kinds (hypervisor, trafficType, roleType, permission, resource, elementType): shown with
 *   the labels of that kind;
 * - subject: a kind of resource as an English sentence begins with it (TRANSITION_SUBJECTS: Host,
 *   Storage pool), shown with the resource labels;
 * - field: the English label of what the caller filled in ("Zone name", "Username"), shown with
 *   the field labels (a label the UI does not know shows as sent);
 * - time: a moment (ISO-8601), shown in the locale's date-time format;
 * - counts: `kind:number` pairs joined by commas (`zones:1,pods:2`), shown as a localized list.
 */
export const SERVER_MESSAGE_PARAM_KINDS = {
  state: 'state',
  from: 'state',
  to: 'state',
  hypervisor: 'hypervisor',
  trafficType: 'trafficType',
  roleType: 'roleType',
  permission: 'permission',
  resource: 'resource',
  elementType: 'elementType',
  subject: 'subject',
  field: 'field',
  since: 'time',
  created: 'counts',
  removed: 'counts',
} as const satisfies Record<string, string>;

/** The values of the `subject` parameter: what a state machine's refusal is about. */
export const TRANSITION_SUBJECTS = ['Zone', 'Pod', 'Cluster', 'Host', 'Storage pool', 'Job'] as const;
export type TransitionSubjectKind = (typeof TRANSITION_SUBJECTS)[number];

export type ServerMessageParamKind = (typeof SERVER_MESSAGE_PARAM_KINDS)[keyof typeof SERVER_MESSAGE_PARAM_KINDS];

/** The kind of a parameter by its name; undefined for plain values. */
export function serverMessageParamKind(name: string): ServerMessageParamKind | undefined {
  return (SERVER_MESSAGE_PARAM_KINDS as Record<string, ServerMessageParamKind>)[name];
}

/** Counts as the `counts` kind carries them: the non-zero ones, in the given order. */
export function countsParam(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind}:${n}`)
    .join(',');
}

/** The pairs of a `counts` parameter. */
export function readCounts(value: string): { kind: string; count: number }[] {
  if (value === '') return [];
  return value.split(',').map((pair) => {
    const [kind = '', n = '0'] = pair.split(':');
    return { kind, count: Number(n) };
  });
}

/** Whether a string names a key of the catalogue (a stored or received key may be from a newer core). */
export function isServerMessageKey(key: unknown): key is ServerMessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(SERVER_MESSAGES, key);
}

/** Fills a template's placeholders; a missing parameter stays as its placeholder. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}

/** The English text of a message, as CloudStack clients read it (counts as `2 pods, 1 zones`). */
export function renderServerMessage(message: ServerMessage): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params)) {
    params[name] =
      serverMessageParamKind(name) === 'counts'
        ? readCounts(value)
            .map((c) => `${c.count} ${c.kind}`)
            .join(', ') || 'nothing'
        : value;
  }
  return fillTemplate(SERVER_MESSAGES[message.key], params);
}
