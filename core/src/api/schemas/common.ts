import { ROLE_TYPES } from '../../domain/roles';

/** Every role type: commands any signed-in caller may use. */
export const ALL_ROLES = ROLE_TYPES;
/** Root admins only. */
export const ADMIN = ['Admin'] as const;
/** Root admins, and resource admins for reading the infrastructure. */
export const INFRA_READERS = ['Admin', 'ResourceAdmin'] as const;
