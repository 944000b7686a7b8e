import { useLocaleStore, type Locale } from './i18n';
import { serverMessage } from './server-message';

/** The message key and parameters Stackyard sends beside errortext (`errorkey`, `errorparams`). */
export interface ErrorMessageRef {
  key: string;
  params: Record<string, string>;
}

/** Reads `errorkey`/`errorparams` from an error body or a failed job's result, when present. */
export function errorMessageRef(record: Record<string, unknown> | undefined): ErrorMessageRef | undefined {
  const key = record?.['errorkey'];
  if (typeof key !== 'string') return undefined;
  const raw = record?.['errorparams'];
  const params: Record<string, string> = {};
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw)) params[name] = String(value);
  }
  return { key, params };
}

/**
 * A CloudStack error as the UI shows it: HTTP-ish errorcode, CloudStack's cserrorcode and errortext,
 * and the message key to translate errortext by, when the core sent one.
 */
export class ApiError extends Error {
  readonly errorcode: number;
  readonly cserrorcode: number;
  readonly errortext: string;
  readonly messageRef?: ErrorMessageRef;

  constructor(errorcode: number, cserrorcode: number, errortext: string, messageRef?: ErrorMessageRef) {
    super(errortext);
    this.name = 'ApiError';
    this.errorcode = errorcode;
    this.cserrorcode = cserrorcode;
    this.errortext = errortext;
    if (messageRef) this.messageRef = messageRef;
  }

  /** The session is gone or was never there: the UI returns to the login page. */
  get isUnauthenticated(): boolean {
    return this.errorcode === 401;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * The text to show for any error a query or mutation may throw, in the current language: a
 * CloudStack error the core keyed is translated (lib/server-message.ts), else its errortext.
 */
export function errorText(error: unknown, locale: Locale = useLocaleStore.getState().locale): string {
  if (error instanceof ApiError)
    return serverMessage(locale, error.messageRef?.key, error.messageRef?.params, error.errortext);
  if (error instanceof Error) return error.message;
  return String(error);
}
