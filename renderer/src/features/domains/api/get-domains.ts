import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Domain } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

export function getDomains(client: ApiClient) {
  return client.list('listDomains', { listall: true });
}

export function domainsQueryOptions(client: ApiClient) {
  return queryOptions({ queryKey: queryKeys.domains.list(), queryFn: () => getDomains(client) });
}

export function useDomains() {
  return useQuery(domainsQueryOptions(useApi()));
}

/** A node of the domain tree the page draws. */
export interface DomainNode {
  value: string;
  label: string;
  domain: Domain;
  children: DomainNode[];
}

/** Builds the tree from the flat list (parents before children is not assumed). */
export function buildDomainTree(domains: Domain[]): DomainNode[] {
  const nodes = new Map<string, DomainNode>();
  for (const domain of domains) nodes.set(domain.id, { value: domain.id, label: domain.name, domain, children: [] });
  const roots: DomainNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.domain.parentdomainid ? nodes.get(node.domain.parentdomainid) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: DomainNode[]) => {
    list.sort((a, b) => a.label.localeCompare(b.label));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}
