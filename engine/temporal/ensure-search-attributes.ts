// Against a Temporal server we did not start ourselves (and the Java test server), register the platform's
// search attributes if they are missing; the dev server gets them on its command line.
import type { Connection } from '@temporalio/client';
import { status } from '@grpc/grpc-js';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from './search-attributes';

export const isGrpc = (err: unknown, code: status) => (err as { code?: number }).code === code;

/** The platform's search attributes the namespace does not list (yet). */
export async function missingSearchAttributes(connection: Connection, namespace: string): Promise<(typeof SEARCH_ATTRIBUTE_DEFINITIONS)[number][]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  return SEARCH_ATTRIBUTE_DEFINITIONS.filter(({ name }) => !(customAttributes && name in customAttributes));
}

export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  let missing: readonly (typeof SEARCH_ATTRIBUTE_DEFINITIONS)[number][] = SEARCH_ATTRIBUTE_DEFINITIONS;
  try {
    missing = await missingSearchAttributes(connection, namespace);
  } catch (err) {
    // The Java time-skipping test server can add search attributes but not list them.
    if (!isGrpc(err, status.UNIMPLEMENTED)) throw err;
  }
  if (missing.length === 0) return;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map(({ name, indexedValueType }) => [name, indexedValueType])),
    });
  } catch (err) {
    if (!isGrpc(err, status.ALREADY_EXISTS)) throw err;
  }
}
