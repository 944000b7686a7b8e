/** Placeholder until this page lands. */
export function DiagramPage() {
  return null;
}
