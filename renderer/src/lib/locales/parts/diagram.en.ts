/** English messages of the diagram screens (merged into en.ts). */
export const diagramEn = {} as const;
