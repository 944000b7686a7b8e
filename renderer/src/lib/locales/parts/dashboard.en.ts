/** English messages of the dashboard screens (merged into en.ts). */
export const dashboardEn = {} as const;
