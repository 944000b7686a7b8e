/** Placeholder until this page lands. */
export function HostsPage() {
  return null;
}
