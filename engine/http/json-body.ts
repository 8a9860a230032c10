// Every JSON body and query string the platform reads passes here first, so what reaches a command is text
// PostgreSQL can store and JavaScript cannot be tricked by — one check for every route, not one per schema:
// - strings and keys without NUL (PostgreSQL text and jsonb refuse it) and without lone UTF-16 surrogates
//   (not Unicode: they cannot be stored as UTF-8 and break whatever reads them back);
// - no prototype keys (`__proto__`, `constructor`, `prototype`): JSON.parse makes them own properties, but a
//   later spread or merge may not;
// - finite numbers only (`1e400` parses to Infinity, which JSON.stringify writes back as null);
// - nesting at most MAX_DEPTH deep (a 64 KB body can nest 30,000 levels; the walk is iterative anyway).
// A problem answers 400 naming the field by its JSON pointer, before any handler runs.
import express, { type RequestHandler } from 'express';
import { ValidationError } from '../errors';
import { fieldError, type FieldError } from '../../forms/validation';

export const MAX_DEPTH = 32;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The codes of these problems (each translated in the sites' locale files, `codes.value.*`). */
export const JSON_VALUE_CODES = ['value.nul', 'value.loneSurrogate', 'value.prototypeKey', 'value.notFinite', 'value.tooDeep'] as const;

/** What is wrong with one string, or undefined when it is fine. */
function stringProblem(s: string): { code: (typeof JSON_VALUE_CODES)[number]; message: string } | undefined {
  if (s.includes('\u0000')) return { code: 'value.nul', message: 'must not contain NUL characters' };
  if (LONE_SURROGATE.test(s)) return { code: 'value.loneSurrogate', message: 'must be well-formed Unicode (a lone surrogate was found)' };
  return undefined;
}

/** The problems of a parsed JSON value (or a parsed query string), each named by its JSON pointer. */
export function unsafeJsonValues(root: unknown): FieldError[] {
  const problems: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const { value, path, depth } = stack.pop()!;
    const field = path || '/';
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) problems.push(fieldError(field, problem.code, {}, problem.message));
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(fieldError(field, 'value.notFinite', {}, 'must be a finite number'));
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) {
        problems.push(fieldError(field, 'value.tooDeep', { limit: MAX_DEPTH }, `must not nest deeper than ${MAX_DEPTH} levels`));
        continue;
      }
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}/${escapePointer(key)}`;
        const keyProblem = PROTOTYPE_KEYS.has(key) ? { code: 'value.prototypeKey' as const, message: 'is not an allowed name' } : stringProblem(key);
        if (keyProblem) problems.push(fieldError(childPath, keyProblem.code, {}, keyProblem.message));
        else stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return problems;
}

/** Refuses a request whose query string or parsed body holds something unsafe (see above). */
export const refuseUnsafeValues: RequestHandler = (req, _res, next) => {
  // Query parameters are named like the body's fields: validateQuery reports them as `/name` too.
  const problems = [...unsafeJsonValues(req.query), ...(req.body === undefined ? [] : unsafeJsonValues(req.body))];
  next(problems.length > 0 ? new ValidationError(problems) : undefined);
};

/** express.json with the platform's checks after it: the one JSON body parser of every route. */
export function jsonBody(limit: string): RequestHandler[] {
  return [express.json({ limit }), refuseUnsafeValues];
}
