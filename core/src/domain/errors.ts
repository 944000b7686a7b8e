/**
 * Domain errors carry a stable code (AREA.REASON) and a kind. The API edge maps the kind to
 * CloudStack's errorcode/cserrorcode; nothing below the API knows about HTTP.
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

  constructor(kind: ErrorKind, code: string, message: string) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
  }
}

export const invalidParameter = (code: string, message: string) => new DomainError('invalid-parameter', code, message);
export const notFound = (code: string, message: string) => new DomainError('not-found', code, message);
export const permissionDenied = (code: string, message: string) => new DomainError('permission-denied', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
export const inUse = (code: string, message: string) => new DomainError('in-use', code, message);
export const unauthenticated = (code: string, message: string) => new DomainError('unauthenticated', code, message);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
