import { englishText, type ServerMessage } from './messages';

/**
 * Domain errors carry a stable code (AREA.REASON) and a kind. The API edge maps the kind to
 * CloudStack's errorcode/cserrorcode; nothing below the API knows about HTTP. An error a UI user
 * meets is made from a catalogue message (domain/messages.ts): its English text is the error's
 * message, and the key and parameters travel beside it so the UI can translate it.
 */
export type ErrorKind =
  | 'invalid-parameter'
  | 'missing-parameter'
  | 'unauthenticated'
  | 'permission-denied'
  | 'not-found'
  | 'conflict'
  | 'in-use'
  | 'unsupported'
  | 'unavailable'
  | 'internal';

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  /** The catalogue message the text was rendered from, when it has one. */
  readonly translatable?: ServerMessage;

  constructor(kind: ErrorKind, code: string, message: string | ServerMessage) {
    super(typeof message === 'string' ? message : englishText(message));
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    if (typeof message !== 'string') this.translatable = message;
  }
}

type Text = string | ServerMessage;

export const invalidParameter = (code: string, message: Text) => new DomainError('invalid-parameter', code, message);
export const notFound = (code: string, message: Text) => new DomainError('not-found', code, message);
export const permissionDenied = (code: string, message: Text) => new DomainError('permission-denied', code, message);
export const conflict = (code: string, message: Text) => new DomainError('conflict', code, message);
export const inUse = (code: string, message: Text) => new DomainError('in-use', code, message);
export const unauthenticated = (code: string, message: Text) => new DomainError('unauthenticated', code, message);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
