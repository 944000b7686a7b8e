/** Placeholder until this page lands. */
export function PrimaryStoragePage() {
  return null;
}
