/** English messages of the zone-wizard screens (merged into en.ts). */
export const zoneWizardEn = {} as const;
