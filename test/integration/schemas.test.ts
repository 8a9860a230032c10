import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTypes, typesDir } from '../../schemas/generate';
import { loadSchemaFiles } from '../../schemas/registry';

describe('schemas and generated types', () => {
  it('every schema has an $id that matches its path', () => {
    expect(loadSchemaFiles().length).toBeGreaterThanOrEqual(5);
  });

  it('schemas/types is up to date with the schemas (run `npm run gen:types`)', async () => {
    const expected = await generateTypes();
    const onDisk = new Map(readdirSync(typesDir).map((f) => [f, readFileSync(join(typesDir, f), 'utf8')]));
    expect([...onDisk.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect({ name, content: onDisk.get(name) }).toEqual({ name, content });
  });
});
