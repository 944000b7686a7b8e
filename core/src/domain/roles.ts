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
/** A rule as stored: anything but "allow" denies. */
export type StoredRule = { rule: string; permission: string };

/** A rule as a predicate on command names: an API name, or a wildcard pattern ("list*", "*"). */
export function ruleMatcher(rule: string): (command: string) => boolean {
  if (!rule.includes('*')) {
    const name = rule.toLowerCase();
    return (command) => command.toLowerCase() === name;
  }
  const pattern = rule
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${pattern}$`, 'i');
  return (command) => regex.test(command);
}

/** A role rule is an API name or a wildcard pattern ("list*", "*"). */
export function ruleMatches(rule: string, command: string): boolean {
  return ruleMatcher(rule)(command);
}

/** A command as access control sees it: its name and the role types it is declared for. */
export interface CommandGrant {
  name: string;
  roles: readonly RoleType[];
}

/**
 * Whether a role may call a command, as the dispatcher decides: the role's ordered rules first
 * (the first matching rule wins), then the role types the command is declared for.
 */
export function rolePolicy(
  rules: readonly StoredRule[],
  roleType: RoleType,
): (command: string, declared: readonly RoleType[]) => boolean {
  // Compiled on first use: a request usually stops at the first rules.
  const matchers: ((command: string) => boolean)[] = [];
  return (command, declared) => {
    for (const [i, r] of rules.entries()) {
      matchers[i] ??= ruleMatcher(r.rule);
      if (matchers[i](command)) return r.permission === 'allow';
    }
    return declared.includes(roleType);
  };
}

/** The names of the commands a role may call: its effective rights over the given commands. */
export function effectiveRights(
  rules: readonly StoredRule[],
  roleType: RoleType,
  commands: readonly CommandGrant[],
): Set<string> {
  const allowed = rolePolicy(rules, roleType);
  return new Set(commands.filter((c) => allowed(c.name, c.roles)).map((c) => c.name));
}

/** The first command the target may call but the holder may not, if any. */
export function firstRightBeyond(target: ReadonlySet<string>, holder: ReadonlySet<string>): string | undefined {
  for (const command of target) if (!holder.has(command)) return command;
  return undefined;
}

export const RULE_PATTERN = /^[a-zA-Z0-9*]+$/;

/** What a role permission rule does to the APIs it matches. */
export const RULE_PERMISSIONS = ['allow', 'deny'] as const;
export type RulePermission = (typeof RULE_PERMISSIONS)[number];
