// The master keys that wrap tenant data keys: from DATA_MASTER_KEYS, or in development generated once into DATA_DIR.
import type { Config } from '../config';
import { developmentKeySpec, parseKeySpec, type NamedKey } from './key-spec';

export function loadMasterKeys(config: Config): NamedKey[] {
  if (config.DATA_MASTER_KEYS) return parseKeySpec(config.DATA_MASTER_KEYS);
  if (config.NODE_ENV === 'production') throw new Error('DATA_MASTER_KEYS is required in production');
  return parseKeySpec(developmentKeySpec(config.DATA_DIR, 'data-master-keys', 'dev1'));
}
