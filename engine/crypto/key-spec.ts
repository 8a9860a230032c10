// Key lists in configuration: `id:base64(32 bytes)`, comma-separated; the first key is the one that encrypts
// or wraps, every key listed can still decrypt (rotation). Used for the Temporal payload codec and the
// master keys that wrap tenant keys.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NamedKey {
  id: string;
  key: Buffer;
}

export function parseKeySpec(spec: string): NamedKey[] {
  const keys = spec.split(',').map((pair) => {
    const [id, b64] = pair.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`key "${id ?? ''}" must be 32 bytes of base64`);
    return { id, key };
  });
  if (keys.length === 0) throw new Error('no keys');
  return keys;
}

export function generateKeySpec(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** Development only: the key list kept in a 0600 file under DATA_DIR, generated the first time. */
export function developmentKeySpec(dataDir: string, fileName: string, firstId: string): string {
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, generateKeySpec(firstId), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
