// The one place errors become responses: problem+json (RFC 9457) with a stable `code`. Validation errors
// list their fields; anything unexpected is a 500 that hides its details and is logged once with the request id.
import type { ErrorRequestHandler, Request, Response } from 'express';
import { AppError, MalformedRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors';
import type { Problem } from '../../schemas/types/api-problem';

const TYPE_BASE = 'https://tingvalla.dev/problems/';

function fromBodyParser(err: { type?: string; status?: number }): AppError | undefined {
  if (err.type === 'entity.too.large') return new PayloadTooLargeError();
  if (err.type === 'entity.parse.failed') return new MalformedRequestError('The body is not valid JSON.');
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return new UnsupportedMediaTypeError();
  return undefined;
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').json(problem);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A person who navigated to a page (not a script calling the API) gets the problem as a small HTML page. */
function isPageNavigation(req: Request): boolean {
  return req.method === 'GET' && !req.path.startsWith('/api/') && req.accepts(['application/json', 'text/html']) === 'text/html';
}

function sendProblemPage(res: Response, error: AppError, requestId: string): void {
  const detail = error.message ? `<p>${escapeHtml(error.message)}</p>` : '';
  res
    .status(error.status)
    .type('html')
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(error.title)}</title></head><body><main><h1>${escapeHtml(error.title)}</h1>${detail}<p><a href="/">Back to the start page</a></p><p><small>Request ${escapeHtml(requestId)}</small></p></main></body></html>`);
}

export const problemHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) return next(err);
  const known = err instanceof AppError ? err : fromBodyParser(err as { type?: string });
  const requestId = String(req.id);
  if (known && isPageNavigation(req)) {
    sendProblemPage(res, known, requestId);
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
  // pino-http writes the request's one log line when the response finishes; with res.err set, that line is
  // at error level and carries the error and its stack, next to the request id.
  res.err = err instanceof Error ? err : new Error(String(err));
  sendProblem(res, { type: TYPE_BASE + 'internal_error', title: 'Something went wrong on our side', status: 500, code: 'internal_error', requestId });
};
