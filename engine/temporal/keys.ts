// The codec keys: from TEMPORAL_CODEC_KEYS, or in development generated once into DATA_DIR (0600).
import type { Config } from '../config';
import { developmentKeySpec, parseKeySpec } from '../crypto/key-spec';
import type { CodecKey } from './codec';

export function loadCodecKeys(config: Config): CodecKey[] {
  if (config.TEMPORAL_CODEC_KEYS) return parseKeySpec(config.TEMPORAL_CODEC_KEYS);
  if (config.NODE_ENV === 'production') throw new Error('TEMPORAL_CODEC_KEYS is required in production');
  return parseKeySpec(developmentKeySpec(config.DATA_DIR, 'temporal-codec-keys', 'dev1'));
}
