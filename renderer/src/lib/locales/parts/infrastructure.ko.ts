import type { infrastructureEn } from './infrastructure.en';

/** infrastructure 화면의 한국어 메시지 (ko.ts에 합쳐진다). */
export const infrastructureKo: Record<keyof typeof infrastructureEn, string> = {};
