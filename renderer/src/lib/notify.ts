import { notifications } from '@mantine/notifications';
import { ApiError, errorText } from './api-error';
import { translate, useLocaleStore, type MessageKey } from './i18n';

/** The "what to do about it" line for a CloudStack error code. */
export function errorHintKey(error: unknown): MessageKey | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const known = [0, 401, 431, 432, 530, 531, 536];
  return known.includes(error.errorcode) ? (`error.hint.${error.errorcode}` as MessageKey) : undefined;
}

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', autoClose: 3000 });
}

/** Shows CloudStack's errortext, its codes and a hint in the current language. */
export function notifyError(error: unknown, title?: string): void {
  const locale = useLocaleStore.getState().locale;
  const hint = errorHintKey(error);
  const text = errorText(error, locale);
  notifications.show({
    title: title ?? translate(locale, 'error.title'),
    message: hint ? `${text}\n${translate(locale, hint)}` : text,
    color: 'red',
    autoClose: 8000,
    style: { whiteSpace: 'pre-line' },
  });
}

/** The one notification of a finished bulk action: "Disabled 30 hosts: 28 OK, 2 failed". */
export function notifyBatch(summary: { title: string; ok: number; failed: number }): void {
  const locale = useLocaleStore.getState().locale;
  const { title, ok, failed } = summary;
  notifications.show({
    message: translate(locale, 'batch.summary', { title, ok, failed }),
    title: failed > 0 ? translate(locale, 'batch.seeTray') : undefined,
    color: failed === 0 ? 'green' : ok === 0 ? 'red' : 'orange',
    autoClose: failed === 0 ? 4000 : 10000,
  });
}
