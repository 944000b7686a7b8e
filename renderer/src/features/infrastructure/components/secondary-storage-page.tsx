/** Placeholder until this page lands. */
export function SecondaryStoragePage() {
  return null;
}
