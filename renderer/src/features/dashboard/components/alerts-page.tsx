/** Placeholder until this page lands. */
export function AlertsPage() {
  return null;
}
