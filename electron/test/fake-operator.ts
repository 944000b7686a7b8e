import type { Caller } from '../../core/src/index';

/** The desktop app's signed-in operator (the root admin), for IPC tests without a core. */
export const FAKE_OPERATOR: Caller = {
  userId: 2,
  userUuid: 'u-admin',
  username: 'admin',
  accountId: 2,
  accountUuid: 'a-admin',
  accountName: 'admin',
  accountType: 1,
  domainId: 1,
  domainUuid: 'd-root',
  domainIdPath: '/1/',
  domainPath: 'ROOT',
  roleId: 1,
  roleType: 'Admin',
  via: 'ipc',
};
