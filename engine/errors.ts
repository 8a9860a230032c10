// Errors as classes with stable codes. engine/http/problem.ts maps them to problem+json (RFC 9457) in one place.
import type { FieldError } from '../forms/validation';

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  abstract readonly title: string;
  readonly fields?: FieldError[];

  constructor(detail?: string, fields?: FieldError[]) {
    super(detail);
    this.name = new.target.name;
    if (fields) this.fields = fields;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'validation_failed';
  readonly title = 'The request has invalid fields';
  constructor(fields: FieldError[], detail = 'See errors for each field.') {
    super(detail, fields);
  }
}

export class MalformedRequestError extends AppError {
  readonly status = 400;
  readonly code = 'malformed_request';
  readonly title = 'The request body could not be read';
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code = 'unauthenticated';
  readonly title = 'Log in to do this';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
  readonly title = 'You may not do this';
}

export class CsrfError extends AppError {
  readonly status = 403;
  readonly code = 'csrf_failed';
  readonly title = 'The request lacks the session’s CSRF token';
}

/** Also the answer for another tenant's id: nobody learns that it exists. */
export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  readonly title = 'Not found';
}

/** A site whose municipality has not yet set up its IdP (and no test IdP in development): nothing to log in with. */
export class LoginUnavailableError extends AppError {
  readonly status = 404;
  readonly code = 'login_unavailable';
  readonly title = 'Logging in is not available on this site yet';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
  readonly title = 'The change conflicts with the current state';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'payload_too_large';
  readonly title = 'The request body is too large';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
  readonly title = 'Send application/json';
}

/** Too many requests from one client, or about one address, in a while: try again after `retryAfterSeconds` (sent as Retry-After). */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'too_many_requests';
  readonly title = 'Too many requests; try again later';
  constructor(
    readonly retryAfterSeconds: number,
    detail?: string,
    fields?: FieldError[],
  ) {
    super(detail, fields);
  }
}

/** The civil registry (or its simulator) did not answer in time, answered 5xx after the retries, or refused our credentials. */
export class RegistryUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'registry_unavailable';
  readonly title = 'The civil registry cannot be reached right now';
}

/** The civil registry answered something that is not its protocol (an unexpected status, a body that fails its schema). */
export class RegistryBadResponseError extends AppError {
  readonly status = 502;
  readonly code = 'registry_bad_response';
  readonly title = 'The civil registry answered something we cannot read';
}
