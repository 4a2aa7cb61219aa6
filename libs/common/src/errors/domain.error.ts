/**
 * Domain errors carry an HTTP-independent `code` and the status they map to. The single global
 * exception filter (apps/api) turns them into application/problem+json, so services never import
 * HTTP classes and every error answer has the same shape.
 */
export interface FieldError {
  /** 1-based data row (assessment uploads), absent for plain request validation. */
  row?: number;
  ref?: string;
  field: string;
  value?: unknown;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, errors?: FieldError[], code = 'bad_request') {
    super(code, message, 400, errors);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Authentication required') {
    super('unauthorized', message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role may not do this') {
    super('forbidden', message, 403);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super('not_found', id ? `${entity} ${id} was not found` : `${entity} was not found`, 404);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extra?: Record<string, unknown>, code = 'conflict') {
    super(code, message, 409, undefined, extra);
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super('payload_too_large', message, 413);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super('unsupported_media_type', message, 415);
  }
}

/** Content that parses but breaks the rules (bad rows and fields). */
export class UnprocessableError extends DomainError {
  constructor(message: string, errors?: FieldError[], code = 'validation_failed') {
    super(code, message, 422, errors);
  }
}
