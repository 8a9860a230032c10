// The paths of the proxied Temporal Web UI, normalised before anything is matched. The UI server behind the
// proxy collapses doubled slashes, resolves dot segments and decodes percent-encoding more than once, so a
// path that reads one way here could name another route there. Only the plain form passes: no empty or dot
// segments, no backslash, no encoded slash, backslash or percent sign — except that a workflow's id (which
// contains slashes) arrives percent-encoded as one segment, right after `namespaces/<ns>/workflows/`.
import { MalformedRequestError } from '../../errors';

export const TEMPORAL_UI_PATH = '/temporal';

export type UiPath =
  /** One of the UI's pages or assets: forwarded as it was sent (it passed the checks). */
  | { kind: 'page' }
  /** An API call, `/temporal/api/…`: its segments after `api`, each decoded once. */
  | { kind: 'api'; segments: string[] };

const refuse = (why: string): never => {
  throw new MalformedRequestError(`The path is not in plain form: ${why}.`);
};

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return refuse('broken percent-encoding');
  }
}

const hasControlOrSpace = (s: string): boolean => [...s].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f);

/** Where a workflow id may stand: `[api, v1,] namespaces, <ns>, workflows, <id>`. */
function workflowIdIndex(segments: string[]): number | undefined {
  const offset = segments[0] === 'api' && segments[1] === 'v1' ? 2 : 0;
  return segments[offset] === 'namespaces' && segments[offset + 2] === 'workflows' && segments.length > offset + 3 ? offset + 3 : undefined;
}

/** Reads the path part of a request target under /temporal; throws MalformedRequestError when it is not plain. */
export function readUiPath(rawPath: string): UiPath {
  if (rawPath === TEMPORAL_UI_PATH) return { kind: 'page' };
  if (!rawPath.startsWith(`${TEMPORAL_UI_PATH}/`)) refuse('outside the Web UI');
  if (rawPath.includes('\\') || hasControlOrSpace(rawPath)) refuse('backslash, space or control character');
  const raw = rawPath.slice(TEMPORAL_UI_PATH.length + 1).split('/');
  // `/temporal/` is the UI's start page; a trailing slash elsewhere is an empty segment like any other.
  if (raw.length === 1 && raw[0] === '') return { kind: 'page' };
  const segments = raw.map(decodeSegment);
  const idAt = workflowIdIndex(segments);
  segments.forEach((segment, i) => {
    if (segment === '') refuse('empty segment');
    if (segment === '.' || segment === '..') refuse('dot segment');
    if (/[\\%]/.test(segment) || hasControlOrSpace(segment)) refuse('encoded backslash, percent sign, space or control character');
    if (segment.includes('/') && i !== idAt) refuse('encoded slash outside the workflow id');
    if (i === idAt && segment.split('/').some((part) => part === '' || part === '.' || part === '..')) refuse('empty or dot segment in the workflow id');
  });
  if (segments[0] === 'api') return { kind: 'api', segments: segments.slice(1) };
  // The UI server would serve `API/…` as a page; refused all the same, so no spelling is a way around the list.
  if (segments[0]!.toLowerCase() === 'api') refuse('the API is spelt api');
  return { kind: 'page' };
}
