// Every JSON Schema of the platform, found by its $id. The server's Ajv, the type generator and the
// staleness test all read schemas through here, so a new schema file is picked up everywhere at once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SCHEMA_BASE = 'https://tingvalla.dev/schemas/';
export const schemasDir = __dirname;

export interface SchemaFile {
  /** Path relative to schemas/, e.g. `api/contact-info.schema.json`. */
  path: string;
  id: string;
  schema: Record<string, unknown>;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'types' ? [] : walk(full);
    return name.endsWith('.schema.json') ? [full] : [];
  });
}

export function loadSchemaFiles(): SchemaFile[] {
  return walk(schemasDir)
    .sort()
    .map((full) => {
      const schema = JSON.parse(readFileSync(full, 'utf8')) as Record<string, unknown>;
      const path = relative(schemasDir, full);
      const id = String(schema.$id ?? '');
      if (id !== SCHEMA_BASE + path) throw new Error(`${path}: $id must be ${SCHEMA_BASE + path}, is "${id}"`);
      return { path, id, schema };
    });
}

/** Maps a schema $id (without fragment) to the file that holds it. */
export function localPathOf(id: string): string {
  const bare = id.split('#')[0] ?? '';
  if (!bare.startsWith(SCHEMA_BASE)) throw new Error(`not a Tingvalla schema: ${id}`);
  return join(schemasDir, bare.slice(SCHEMA_BASE.length));
}
