import type { dashboardEn } from './dashboard.en';

/** dashboard 화면의 한국어 메시지 (ko.ts에 합쳐진다). */
export const dashboardKo: Record<keyof typeof dashboardEn, string> = {};
