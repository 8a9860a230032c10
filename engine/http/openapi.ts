// The OpenAPI 3.1 document of the JSON API, made from the route list (engine/http/route.ts) and the schemas it
// names. Nothing is written twice: a route's params, query, body and responses are the schemas mountRoutes
// checks. OpenAPI 3.1 speaks JSON Schema, so the schemas go in as they are, as components named by their
// title; their references between files (`https://tingvalla.dev/schemas/…#/$defs/x`) become references to
// those components, so the document stands alone and a reader never fetches our schema URLs.
import { loadSchemaFiles, SCHEMA_BASE, type SchemaFile } from '../../schemas/registry';
import type { ResponseSpec, RouteSpec } from './route';

type Json = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  /** Prepended to every route's path: where the list is mounted (`/api`). */
  pathPrefix: string;
}

/** A component name per schema file: its title (unique), else a name made from its path. */
function componentNames(files: SchemaFile[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const file of files) {
    const fromPath = file.path.replace(/\.schema\.json$/, '').replace(/(^|[/-])(\w)/g, (_m, _s, c: string) => c.toUpperCase());
    const title = typeof file.schema.title === 'string' && /^[A-Za-z0-9_]+$/.test(file.schema.title) ? file.schema.title : fromPath;
    const name = taken.has(title) ? fromPath : title;
    taken.add(name);
    names.set(file.path, name);
  }
  return names;
}

/**
 * A copy of the schema of component `self` with `$id` dropped and every reference pointing into the components:
 * to one of our files, at its component; within the file (`#/$defs/x`), at the same place in `self`.
 */
function localize(value: unknown, self: string, names: Map<string, string>, used: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => localize(v, self, names, used));
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value as Json)) {
    if (key === '$id' || key === '$schema') continue;
    if (key === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_BASE)) {
      const [file, fragment] = v.slice(SCHEMA_BASE.length).split('#');
      const name = names.get(file ?? '');
      if (!name) throw new Error(`${v}: no such schema file`);
      used.add(file!);
      out.$ref = `#/components/schemas/${name}${fragment ?? ''}`;
    } else if (key === '$ref' && typeof v === 'string' && v.startsWith('#')) {
      out.$ref = `#/components/schemas/${self}${v.slice(1)}`;
    } else {
      out[key] = localize(v, self, names, used);
    }
  }
  return out;
}

/** `/forms/:id/versions/:version` → `/forms/{id}/versions/{version}`. */
export const openApiPath = (expressPath: string): string => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const PROBLEM = 'api/problem.schema.json';

export function openApiDocument(routes: readonly RouteSpec[], info: OpenApiInfo): Json {
  const files = loadSchemaFiles();
  const byPath = new Map(files.map((f) => [f.path, f]));
  const names = componentNames(files);
  const used = new Set<string>([PROBLEM]);
  const schemaOf = (path: string): SchemaFile => {
    const file = byPath.get(path);
    if (!file) throw new Error(`${path}: no such schema file`);
    return file;
  };
  const ref = (path: string): Json => {
    schemaOf(path);
    used.add(path);
    return { $ref: `#/components/schemas/${names.get(path)}` };
  };
  /** Each property of a params or query schema as one parameter (OpenAPI lists them one by one). */
  const parametersOf = (path: string, where: 'path' | 'query'): Json[] => {
    const schema = localize(schemaOf(path).schema, names.get(path)!, names, used) as { properties?: Record<string, Json>; required?: string[] };
    return Object.entries(schema.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = property;
      return {
        name,
        in: where,
        required: where === 'path' || ((schema.required ?? []).includes(name) && !('default' in property)),
        ...(typeof description === 'string' ? { description } : {}),
        schema: rest,
      };
    });
  };
  const responseOf = (status: number, spec: ResponseSpec): Json => {
    if (spec === 'empty') return { description: status === 204 ? 'No content' : 'No body' };
    if (typeof spec === 'object') return { description: spec.description, content: { [spec.raw]: { schema: { type: 'string' } } } };
    const schema = schemaOf(spec).schema;
    return { description: String(schema.description ?? schema.title ?? 'OK'), content: { 'application/json': { schema: ref(spec) } } };
  };

  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = openApiPath(info.pathPrefix + route.path);
    const operation: Json = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      parameters: [...(route.params ? parametersOf(route.params, 'path') : []), ...(route.query ? parametersOf(route.query, 'query') : [])],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } } : {}),
      responses: {
        ...Object.fromEntries(Object.entries(route.responses).map(([status, spec]) => [status, responseOf(Number(status), spec)])),
        default: { description: 'A problem (RFC 9457): what was wrong, with a stable code; invalid fields listed as JSON pointers.', content: { 'application/problem+json': { schema: ref(PROBLEM) } } },
      },
    };
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }

  // Components: the schemas the routes name and every schema those refer to, each localized once.
  const components: Record<string, unknown> = {};
  const done = new Set<string>();
  for (let pending = [...used]; pending.length; pending = [...used].filter((p) => !done.has(p))) {
    for (const path of pending) {
      done.add(path);
      components[names.get(path)!] = localize(schemaOf(path).schema, names.get(path)!, names, used);
    }
  }

  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/', description: 'This municipality’s site (the API answers on every tenant host)' }],
    tags: [...new Set(routes.flatMap((r) => r.tags))].sort().map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        adminSession: { type: 'apiKey', in: 'cookie', name: 'tv_admin_session', description: 'The admin site’s session, started by SAML login at /saml/login.' },
        publicSession: { type: 'apiKey', in: 'cookie', name: 'tv_session', description: 'The public site’s session, started by SAML login at /saml/login.' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'Required with a session on every state-changing request; handed out by GET /api/site.' },
      },
    },
  };
}
