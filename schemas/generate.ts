// Generates TypeScript types from the platform's JSON Schemas with json-schema-to-typescript.
// `npm run gen:types` writes them to schemas/types/; test/integration/schemas.test.ts fails when they are stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { loadSchemaFiles, localPathOf, SCHEMA_BASE, schemasDir } from './registry';

export const typesDir = join(schemasDir, 'types');

const banner = '/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */';

export function typeFileName(schemaPath: string): string {
  return schemaPath.replace(/\.schema\.json$/, '.ts').replace(/\//g, '-');
}

/** Returns file name → content for every schema. */
export async function generateTypes(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of loadSchemaFiles()) {
    const ts = await compile(file.schema as never, String(file.schema.title ?? file.path), {
      bannerComment: banner,
      cwd: schemasDir,
      additionalProperties: false,
      format: true,
      // Bounded arrays stay arrays (the default spells out every tuple length up to 20).
      maxItems: -1,
      $refOptions: {
        resolve: {
          http: false,
          tingvalla: {
            order: 1,
            canRead: (f: { url: string }) => f.url.startsWith(SCHEMA_BASE),
            read: (f: { url: string }) => readFileSync(localPathOf(f.url), 'utf8'),
          },
        },
      } as never,
    });
    out.set(typeFileName(file.path), ts);
  }
  return out;
}
