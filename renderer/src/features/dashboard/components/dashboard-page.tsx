/** Placeholder until this page lands. */
export function DashboardPage() {
  return null;
}
