import type { zoneWizardEn } from './zone-wizard.en';

/** zone-wizard 화면의 한국어 메시지 (ko.ts에 합쳐진다). */
export const zoneWizardKo: Record<keyof typeof zoneWizardEn, string> = {};
