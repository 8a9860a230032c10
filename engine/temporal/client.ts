import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { quietCallContext } from './call-deadline';
import { AesGcmPayloadCodec, type CodecKey } from './codec';
import { connectNamingTarget, type TemporalConnectionOptions } from './connection-options';

export const failureConverterPath = require.resolve('./failure-converter');

export function dataConverter(keys: CodecKey[]): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)], failureConverterPath };
}

/** A client of `namespace`; the rest of `opts` is how to connect (temporalConnectionOptions: the address, and for TEMPORAL_ADDRESS its TLS and API key). */
export async function connectTemporal(opts: TemporalConnectionOptions & { namespace: string; keys: CodecKey[] }): Promise<Client> {
  const { namespace, keys, ...connectionOptions } = opts;
  const connection = await connectNamingTarget(connectionOptions, () => Connection.connect(connectionOptions));
  // Connect ran its first call under a deadline, which left promise hooks on for every later promise (call-deadline.ts).
  quietCallContext(connection);
  return new Client({ connection, namespace, dataConverter: dataConverter(keys) });
}
