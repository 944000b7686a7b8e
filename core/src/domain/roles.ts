/** CloudStack role types, most to least privileged. */
export const ROLE_TYPES = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

/** CloudStack account types as numbers on the wire: 0 user, 1 root admin, 2 domain admin, 3 resource admin. */
export const ACCOUNT_TYPE = { User: 0, Admin: 1, DomainAdmin: 2, ResourceAdmin: 3 } as const;
export type AccountTypeNumber = (typeof ACCOUNT_TYPE)[keyof typeof ACCOUNT_TYPE];

export function accountTypeForRole(roleType: RoleType): AccountTypeNumber {
  return ACCOUNT_TYPE[roleType];
}

export function roleTypeForAccountType(accountType: number): RoleType | undefined {
  return (Object.keys(ACCOUNT_TYPE) as RoleType[]).find((r) => ACCOUNT_TYPE[r] === accountType);
}

/** Lower rank = more privilege. A role may only grant roles at or below its own rank. */
export function roleRank(roleType: RoleType): number {
  return { Admin: 0, ResourceAdmin: 1, DomainAdmin: 2, User: 3 }[roleType];
}

export type PermissionRule = { rule: string; permission: 'allow' | 'deny' };

/** A role rule is an API name or a wildcard pattern ("list*", "*"). */
export function ruleMatches(rule: string, command: string): boolean {
  if (!rule.includes('*')) return rule.toLowerCase() === command.toLowerCase();
  const pattern = rule
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, 'i').test(command);
}

export const RULE_PATTERN = /^[a-zA-Z0-9*]+$/;

/** What a role permission rule does to the APIs it matches. */
export const RULE_PERMISSIONS = ['allow', 'deny'] as const;
export type RulePermission = (typeof RULE_PERMISSIONS)[number];
