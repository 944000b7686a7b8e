import type { diagramEn } from './diagram.en';

/** diagram 화면의 한국어 메시지 (ko.ts에 합쳐진다). */
export const diagramKo: Record<keyof typeof diagramEn, string> = {};
