import { DomainError, type ErrorKind } from '../domain/errors';
import { englishText, message, type ServerMessage } from '../domain/messages';
import type { NameProblem } from '../domain/names';
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

/**
 * CloudStack's error body. Stackyard adds `errorkey` and `errorparams` (the catalogue message the
 * errortext was rendered from, contract/messages.ts) when the error has one; CloudStack clients
 * ignore them.
 */
export interface ApiErrorBody {
  uuidList: string[];
  errorcode: number;
  cserrorcode: number;
  errortext: string;
  errorkey?: string;
  errorparams?: Record<string, string>;
}

/** A failure's translatable message as the error body and a failed job's result carry it. */
export function translatableFields(m: ServerMessage | undefined): Pick<ApiErrorBody, 'errorkey' | 'errorparams'> {
  return m ? { errorkey: m.key, errorparams: m.params } : {};
}

export class ApiError extends Error {
  readonly errorcode: number;
  readonly cserrorcode: number;
  readonly code: string;
  readonly translatable?: ServerMessage;

  constructor(errorcode: number, cserrorcode: number, errortext: string | ServerMessage, code = 'API.ERROR') {
    super(typeof errortext === 'string' ? errortext : englishText(errortext));
    this.name = 'ApiError';
    this.errorcode = errorcode;
    this.cserrorcode = cserrorcode;
    this.code = code;
    if (typeof errortext !== 'string') this.translatable = errortext;
  }

  get body(): ApiErrorBody {
    return {
      uuidList: [],
      errorcode: this.errorcode,
      cserrorcode: this.cserrorcode,
      errortext: this.message,
      ...translatableFields(this.translatable),
    };
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) {
    const m = MAPPING[error.kind];
    return new ApiError(m.errorcode, m.cserrorcode, error.translatable ?? error.message, error.code);
  }
  return new ApiError(530, 4250, message('error.internal', {}), 'API.INTERNAL');
}

function invalidParameter(command: string, name: string, reason: string): ApiError {
  return new ApiError(
    431,
    9999,
    message('error.api.invalidParameter', { command: command.toLowerCase(), param: name, reason }),
    'API.INVALID_PARAMETER',
  );
}

const quoted = (value: unknown) => quoteValue(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

const NAME_PROBLEMS = {
  blank: 'error.api.invalidName.blank',
  controlCharacters: 'error.api.invalidName.controlCharacters',
  bidiCharacters: 'error.api.invalidName.bidiCharacters',
  invalidUnicode: 'error.api.invalidName.invalidUnicode',
} as const satisfies Record<Exclude<NameProblem, 'tooLong'>, string>;

export const errors = {
  missingParameter: (command: string, name: string) =>
    new ApiError(
      431,
      9999,
      message('error.api.missingParameter', { command: command.toLowerCase(), param: name }),
      'API.MISSING_PARAMETER',
    ),
  invalidParameter: (command: string, name: string, reason: string) => invalidParameter(command, name, reason),
  /** An invalid value, quoted short and readable (domain/quote-value.ts), and what is wrong with it. */
  invalidValue: (command: string, name: string, value: unknown, problem: string) =>
    invalidParameter(command, name, `${quoted(value)} (${problem})`),
  /** A name parameter that breaks the name rule (domain/names.ts): invalidValue's text, keyed by the problem. */
  invalidName: (command: string, name: string, value: unknown, problem: NameProblem, max: number) => {
    const where = { command: command.toLowerCase(), param: name, value: quoted(value) };
    return new ApiError(
      431,
      9999,
      problem === 'tooLong'
        ? message('error.api.invalidName.tooLong', { ...where, max })
        : message(NAME_PROBLEMS[problem], where),
      'API.INVALID_PARAMETER',
    );
  },
  unknownCommand: (command: string) =>
    new ApiError(
      432,
      9999,
      message('error.api.unknownCommand', { command: quoteValue(command) }),
      'API.UNKNOWN_COMMAND',
    ),
  notAllowed: () => new ApiError(432, 9999, message('error.api.notAllowed', {}), 'API.NOT_ALLOWED'),
  unauthenticated: () => new ApiError(401, 9999, message('error.unauthenticated', {}), 'API.UNAUTHENTICATED'),
  /** A session key that names no live session (expired, ended or never issued). */
  sessionExpired: () => new ApiError(401, 9999, message('error.session.expired', {}), 'API.UNAUTHENTICATED'),
};
