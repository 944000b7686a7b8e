import { href } from '../../../lib/router';

/** The list whose `?id=` drawer shows a resource of each type an event or alert names. */
const RESOURCE_PATHS: Readonly<Record<string, string>> = {
  Host: '/hosts',
  Cluster: '/clusters',
  Pod: '/pods',
  Zone: '/zones',
  StoragePool: '/primary-storage',
  ImageStore: '/secondary-storage',
  Account: '/accounts',
  User: '/users',
  Domain: '/domains',
  Role: '/roles',
  Alert: '/alerts',
};

/** The types the drawer links to, for message keys (`events.detail.open.<type>`). */
export const LINKED_RESOURCE_TYPES = Object.keys(RESOURCE_PATHS);

/** `#/hosts?id=...` for a resource the UI can open, or undefined (a type without a page here). */
export function resourceHref(type: string | undefined, id: string | undefined): string | undefined {
  if (!type || !id) return undefined;
  const path = RESOURCE_PATHS[type];
  return path ? href(path, { id }) : undefined;
}
