// Against a Temporal server we did not start ourselves, register the platform's search attributes if the
// operator has not (the dev server gets them on its command line).
import type { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from './search-attributes';

export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = SEARCH_ATTRIBUTE_DEFINITIONS.filter(({ name }) => !(customAttributes && name in customAttributes));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(({ name, indexedValueType }) => [name, indexedValueType])),
  });
}
