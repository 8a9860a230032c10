import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTypes, typesDir } from '../schemas/generate';

async function main(): Promise<void> {
  const files = await generateTypes();
  mkdirSync(typesDir, { recursive: true });
  for (const old of readdirSync(typesDir)) if (!files.has(old)) rmSync(join(typesDir, old));
  for (const [name, content] of files) writeFileSync(join(typesDir, name), content);
  console.log(`wrote ${files.size} type files to schemas/types/`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
