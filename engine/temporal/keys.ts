// The codec keys: from TEMPORAL_CODEC_KEYS, or in development generated once into DATA_DIR (0600).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { generateCodecKeySpec, parseCodecKeys, type CodecKey } from './codec';

export function loadCodecKeys(config: Config): CodecKey[] {
  if (config.TEMPORAL_CODEC_KEYS) return parseCodecKeys(config.TEMPORAL_CODEC_KEYS);
  if (config.NODE_ENV === 'production') throw new Error('TEMPORAL_CODEC_KEYS is required in production');
  const file = join(config.DATA_DIR, 'temporal-codec-keys');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, generateCodecKeySpec('dev1'), { mode: 0o600 });
  }
  return parseCodecKeys(readFileSync(file, 'utf8').trim());
}
