import type { CoreServices } from '../core-services';
import { AccountService } from './accounts';
import { DomainService } from './domains';
import { RoleService } from './roles';
import { UserService } from './users';

export interface Tenancy {
  domains: DomainService;
  accounts: AccountService;
  users: UserService;
  roles: RoleService;
}

const cache = new WeakMap<CoreServices, Tenancy>();

/** The tenancy services (domains, accounts, users, roles) over a core's services; built once per core. */
export function tenancy(services: CoreServices): Tenancy {
  let t = cache.get(services);
  if (!t) {
    const accounts = new AccountService(services);
    t = {
      accounts,
      domains: new DomainService(services, () => accounts),
      users: new UserService(services, accounts),
      roles: new RoleService(services),
    };
    cache.set(services, t);
  }
  return t;
}
