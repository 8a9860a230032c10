// The custom search attributes every Tingvalla workflow carries, so an operator can filter the Temporal
// Web UI by municipality and module. They are stored unencrypted: ids and fixed words only, never personal data.
import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';

export const TenantIdKey = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const ModuleKey = defineSearchAttributeKey('Module', SearchAttributeType.KEYWORD);
export const FlowKeyKey = defineSearchAttributeKey('FlowKey', SearchAttributeType.KEYWORD);
export const FlowVersionKey = defineSearchAttributeKey('FlowVersion', SearchAttributeType.INT);
export const FlowStatusKey = defineSearchAttributeKey('FlowStatus', SearchAttributeType.KEYWORD);

/** Registered at dev-server start (`--search-attribute Name=Type`) and by `ensureSearchAttributes` elsewhere. */
export const SEARCH_ATTRIBUTE_DEFINITIONS = [
  { name: TenantIdKey.name, cliType: 'Keyword', indexedValueType: 2 /* INDEXED_VALUE_TYPE_KEYWORD */ },
  { name: ModuleKey.name, cliType: 'Keyword', indexedValueType: 2 },
  { name: FlowKeyKey.name, cliType: 'Keyword', indexedValueType: 2 },
  { name: FlowVersionKey.name, cliType: 'Int', indexedValueType: 3 /* INDEXED_VALUE_TYPE_INT */ },
  { name: FlowStatusKey.name, cliType: 'Keyword', indexedValueType: 2 },
] as const;

/**
 * `platform` for the platform's own workflows (housekeeping), else a module's name from engine/modules/index.ts
 * (a flow carries its definition's module). The list is the module list, so the type is the text.
 */
export type ModuleName = string;

export function platformSearchAttributes(tenantId: string, module: ModuleName): TypedSearchAttributes {
  return new TypedSearchAttributes([
    { key: TenantIdKey, value: tenantId },
    { key: ModuleKey, value: module },
  ]);
}

/** A flow instance's attributes: which flow, which version, which status (keys and numbers only). */
export function flowSearchAttributes(tenantId: string, module: ModuleName, flowKey: string, version: number, status: string): TypedSearchAttributes {
  return new TypedSearchAttributes([
    { key: TenantIdKey, value: tenantId },
    { key: ModuleKey, value: module },
    { key: FlowKeyKey, value: flowKey },
    { key: FlowVersionKey, value: version },
    { key: FlowStatusKey, value: status },
  ]);
}
