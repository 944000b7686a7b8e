import { DomainError, type ErrorKind } from '../domain/errors';
import { englishText, message, type ServerMessage } from '../domain/messages';
import type { NameProblem } from '../domain/names';
import { quoteValue } from '../domain/quote-value';
import type { ValueIssue, ValueProblem } from './schemas/params';

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

const quoted = (value: unknown) => quoteValue(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

const NAME_PROBLEMS = {
  blank: 'error.api.invalidName.blank',
  controlCharacters: 'error.api.invalidName.controlCharacters',
  bidiCharacters: 'error.api.invalidName.bidiCharacters',
  invalidUnicode: 'error.api.invalidName.invalidUnicode',
} as const satisfies Record<Exclude<NameProblem, 'tooLong'>, string>;

/** The value problems whose message takes no parameter of its own. */
type PlainValueProblem = Exclude<
  ValueProblem,
  'tooLong' | 'tooLarge' | 'listItemTooLong' | 'tooSmall' | 'notOneOf' | 'notFinite'
>;

const PLAIN_VALUE_PROBLEMS = {
  notUuid: 'error.api.invalidValue.notUuid',
  notInteger: 'error.api.invalidValue.notInteger',
  notNumber: 'error.api.invalidValue.notNumber',
  notNumeric: 'error.api.invalidValue.notNumeric',
  notDate: 'error.api.invalidValue.notDate',
  notBoolean: 'error.api.invalidValue.notBoolean',
  notText: 'error.api.invalidValue.notText',
  notList: 'error.api.invalidValue.notList',
  notMap: 'error.api.invalidValue.notMap',
} as const satisfies Record<PlainValueProblem, string>;

interface Where {
  command: string;
  param: string;
  value: string;
}

function valueMessage(where: Where, issue: ValueIssue): ServerMessage {
  switch (issue.valueProblem) {
    case 'tooLong':
      return message('error.api.invalidValue.tooLong', { ...where, max: issue.max });
    case 'tooLarge':
      return message('error.api.invalidValue.tooLarge', { ...where, max: issue.max });
    case 'listItemTooLong':
      return message('error.api.invalidValue.listItemTooLong', { ...where, max: issue.max });
    case 'tooSmall':
      return message('error.api.invalidValue.tooSmall', { ...where, min: issue.min });
    case 'notOneOf':
      return message('error.api.invalidValue.notOneOf', { ...where, values: issue.values });
    case 'notFinite':
      return message('error.api.invalidValue.notFinite', { ...where, received: issue.received });
    default:
      return message(PLAIN_VALUE_PROBLEMS[issue.valueProblem], where);
  }
}

export const errors = {
  missingParameter: (command: string, name: string) =>
    new ApiError(
      431,
      9999,
      message('error.api.missingParameter', { command: command.toLowerCase(), param: name }),
      'API.MISSING_PARAMETER',
    ),
  /**
   * An invalid value, quoted short and readable (domain/quote-value.ts), and what is wrong with it:
   * `problem` is the English CloudStack clients read, `issue` the problem that keys it
   * (error.api.invalidValue.*). A problem whose message would not read exactly as `problem` (a
   * check worded its own way) and an unknown one are keyed as error.api.invalidValue.other, which
   * carries `problem` as it is.
   */
  invalidValue: (command: string, name: string, value: unknown, problem: string, issue?: ValueIssue) => {
    const where = { command: command.toLowerCase(), param: name, value: quoted(value) };
    const other = message('error.api.invalidValue.other', { ...where, reason: problem });
    const keyed = issue && valueMessage(where, issue);
    return new ApiError(
      431,
      9999,
      keyed && englishText(keyed) === englishText(other) ? keyed : other,
      'API.INVALID_PARAMETER',
    );
  },
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
