// The custom search attributes every Tingvalla workflow carries, so an operator can filter the Temporal
// Web UI by municipality and module. They are stored unencrypted: ids and fixed words only, never personal data.
import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';

export const TenantIdKey = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const ModuleKey = defineSearchAttributeKey('Module', SearchAttributeType.KEYWORD);

/** Registered at dev-server start (`--search-attribute Name=Type`) and by `ensureSearchAttributes` elsewhere. */
export const SEARCH_ATTRIBUTE_DEFINITIONS = [
  { name: TenantIdKey.name, cliType: 'Keyword', indexedValueType: 2 /* INDEXED_VALUE_TYPE_KEYWORD */ },
  { name: ModuleKey.name, cliType: 'Keyword', indexedValueType: 2 },
] as const;

export type ModuleName = 'platform' | 'flows' | 'election' | 'petitions';

export function platformSearchAttributes(tenantId: string, module: ModuleName): TypedSearchAttributes {
  return new TypedSearchAttributes([
    { key: TenantIdKey, value: tenantId },
    { key: ModuleKey, value: module },
  ]);
}
