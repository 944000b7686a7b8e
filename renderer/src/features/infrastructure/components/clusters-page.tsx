/** Placeholder until this page lands. */
export function ClustersPage() {
  return null;
}
