/** Placeholder until this page lands. */
export function ZoneWizardPage() {
  return null;
}
