import { DomainError, type ErrorKind } from '../domain/errors';
import { quoteValue } from '../domain/quote-value';

/** CloudStack's ApiErrorCode (HTTP status and errorcode) and CSExceptionErrorCode (cserrorcode). */
const MAPPING: Record<ErrorKind, { errorcode: number; cserrorcode: number }> = {
  'missing-parameter': { errorcode: 431, cserrorcode: 9999 },
  'invalid-parameter': { errorcode: 431, cserrorcode: 4350 },
  unauthenticated: { errorcode: 401, cserrorcode: 9999 },
  'permission-denied': { errorcode: 531, cserrorcode: 4365 },
  'not-found': { errorcode: 431, cserrorcode: 4350 },
  conflict: { errorcode: 431, cserrorcode: 4350 },
  'in-use': { errorcode: 536, cserrorcode: 4515 },
  unsupported: { errorcode: 432, cserrorcode: 9999 },
  unavailable: { errorcode: 534, cserrorcode: 4520 },
  internal: { errorcode: 530, cserrorcode: 4250 },
};

export interface ApiErrorBody {
  uuidList: string[];
  errorcode: number;
  cserrorcode: number;
  errortext: string;
}

export class ApiError extends Error {
  readonly errorcode: number;
  readonly cserrorcode: number;
  readonly code: string;

  constructor(errorcode: number, cserrorcode: number, errortext: string, code = 'API.ERROR') {
    super(errortext);
    this.name = 'ApiError';
    this.errorcode = errorcode;
    this.cserrorcode = cserrorcode;
    this.code = code;
  }

  get body(): ApiErrorBody {
    return { uuidList: [], errorcode: this.errorcode, cserrorcode: this.cserrorcode, errortext: this.message };
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) {
    const m = MAPPING[error.kind];
    return new ApiError(m.errorcode, m.cserrorcode, error.message, error.code);
  }
  return new ApiError(
    530,
    4250,
    'Internal error executing command, please contact your system administrator',
    'API.INTERNAL',
  );
}

function invalidParameter(command: string, name: string, reason: string): ApiError {
  return new ApiError(
    431,
    9999,
    `Unable to execute API command ${command.toLowerCase()} due to invalid value. Invalid parameter ${name} value: ${reason}`,
    'API.INVALID_PARAMETER',
  );
}

export const errors = {
  missingParameter: (command: string, name: string) =>
    new ApiError(
      431,
      9999,
      `Unable to execute API command ${command.toLowerCase()} due to missing parameter ${name}`,
      'API.MISSING_PARAMETER',
    ),
  invalidParameter: (command: string, name: string, reason: string) => invalidParameter(command, name, reason),
  /** An invalid value, quoted short and readable (domain/quote-value.ts), and what is wrong with it. */
  invalidValue: (command: string, name: string, value: unknown, problem: string) =>
    invalidParameter(
      command,
      name,
      `${quoteValue(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))} (${problem})`,
    ),
  unknownCommand: (command: string) =>
    new ApiError(432, 9999, `Unknown API command: ${quoteValue(command)}`, 'API.UNKNOWN_COMMAND'),
  notAllowed: () =>
    new ApiError(432, 9999, 'The given command does not exist or it is not available for user', 'API.NOT_ALLOWED'),
  unauthenticated: () =>
    new ApiError(401, 9999, 'unable to verify user credentials and/or request signature', 'API.UNAUTHENTICATED'),
};
