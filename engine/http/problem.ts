// The one place errors become responses: problem+json (RFC 9457) with a stable `code`. Validation errors
// list their fields; anything unexpected is a 500 that hides its details and is logged once with the request id.
import type { ErrorRequestHandler, Request, Response } from 'express';
import { AppError, MalformedRequestError, NotFoundError, PayloadTooLargeError, TooManyRequestsError, UnsupportedMediaTypeError } from '../errors';
import type { Problem } from '../../schemas/types/api-problem';
import { renderProblemPage } from './problem-page';

const TYPE_BASE = 'https://tingvalla.dev/problems/';

/**
 * Errors that Express and its parsers raise for a bad request carry a 4xx `status` (body-parser's http-errors:
 * a body that is not the gzip it claims, an unsupported Content-Encoding; the router's URIError for a path with
 * broken percent-encoding). Each becomes our own error, so no bad input is ever answered with a 5xx.
 */
function fromLibrary(err: { type?: string; status?: unknown }, req: Request): AppError | undefined {
  if (err.type === 'entity.parse.failed') return new MalformedRequestError('The body is not valid JSON.');
  const status = typeof err.status === 'number' ? err.status : undefined;
  if (status === undefined || status < 400 || status > 499) return undefined;
  if (status === 413) return new PayloadTooLargeError();
  if (status === 415) return new UnsupportedMediaTypeError(err.type === 'encoding.unsupported' ? 'Send the body without Content-Encoding, or gzip or deflate.' : undefined);
  if (status === 404) return new NotFoundError();
  if (err instanceof URIError) return new MalformedRequestError('The path is not valid percent-encoded UTF-8.');
  return new MalformedRequestError(req.get('content-encoding') ? `The body is not valid ${req.get('content-encoding')}.` : undefined);
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').json(problem);
}

/** A person who navigated to a page (not a script calling the API) gets the problem as a small HTML page. */
export function isPageNavigation(req: Request): boolean {
  return req.method === 'GET' && !req.path.startsWith('/api/') && req.accepts(['application/json', 'text/html']) === 'text/html';
}

/** The error as one of ours, when it is one we know (ours, or a library's 4xx). */
export function knownError(err: unknown, req: Request): AppError | undefined {
  return err instanceof AppError ? err : err && typeof err === 'object' ? fromLibrary(err as { type?: string; status?: unknown }, req) : undefined;
}

export const problemHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) return next(err);
  const known = knownError(err, req);
  const requestId = String(req.id);
  if (known instanceof TooManyRequestsError) res.set('Retry-After', String(Math.max(1, Math.ceil(known.retryAfterSeconds))));
  // Pages in the tenant's language come from translatedProblemPages; this is the fallback without a tenant.
  if (known && isPageNavigation(req)) {
    res.status(known.status).type('html').send(renderProblemPage({ code: known.code, locale: 'en', site: req.tenant?.site ?? 'public', requestId }));
    return;
  }
  if (known) {
    sendProblem(res, {
      type: TYPE_BASE + known.code,
      title: known.title,
      status: known.status,
      code: known.code,
      ...(known.message ? { detail: known.message } : {}),
      ...(known.fields ? { errors: known.fields } : {}),
      instance: req.originalUrl.split('?')[0],
      requestId,
    });
    return;
  }
  // The request's one log line is written when the response ends (logging.ts); with res.err set, that line is
  // at error level and carries the error and its stack, next to the request id.
  res.err = err instanceof Error ? err : new Error(String(err));
  sendProblem(res, { type: TYPE_BASE + 'internal_error', title: 'Something went wrong on our side', status: 500, code: 'internal_error', requestId });
};
