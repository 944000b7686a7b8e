/** Placeholder until this page lands. */
export function PodsPage() {
  return null;
}
