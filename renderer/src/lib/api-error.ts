/** A CloudStack error as the UI shows it: HTTP-ish errorcode, CloudStack's cserrorcode and errortext. */
export class ApiError extends Error {
  readonly errorcode: number;
  readonly cserrorcode: number;
  readonly errortext: string;

  constructor(errorcode: number, cserrorcode: number, errortext: string) {
    super(errortext);
    this.name = 'ApiError';
    this.errorcode = errorcode;
    this.cserrorcode = cserrorcode;
    this.errortext = errortext;
  }

  /** The session is gone or was never there: the UI returns to the login page. */
  get isUnauthenticated(): boolean {
    return this.errorcode === 401;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The text to show for any error a query or mutation may throw. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.errortext;
  if (error instanceof Error) return error.message;
  return String(error);
}
