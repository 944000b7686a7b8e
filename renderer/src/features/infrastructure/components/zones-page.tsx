/** Placeholder until this page lands. */
export function ZonesPage() {
  return null;
}
