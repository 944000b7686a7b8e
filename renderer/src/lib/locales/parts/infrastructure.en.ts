/** English messages of the infrastructure screens (merged into en.ts). */
export const infrastructureEn = {} as const;
