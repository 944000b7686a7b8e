/**
 * The built-in roles the core creates (core/src/services/bootstrap.ts), by their stored names:
 * shown translated; roles operators create keep what they typed.
 */
export const rolesEn = {
  'roles.builtin.Root Admin.name': 'Root Admin',
  'roles.builtin.Root Admin.description': 'Default root admin role',
  'roles.builtin.Resource Admin.name': 'Resource Admin',
  'roles.builtin.Resource Admin.description': 'Default resource admin role',
  'roles.builtin.Domain Admin.name': 'Domain Admin',
  'roles.builtin.Domain Admin.description': 'Default domain admin role',
  'roles.builtin.User.name': 'User',
  'roles.builtin.User.description': 'Default user role',
  'roles.builtin.rule.rootAdminAll': 'Root admin may call every API',
} as const;
