import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, type CodecKey } from './codec';

export const failureConverterPath = require.resolve('./failure-converter');

export function dataConverter(keys: CodecKey[]): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)], failureConverterPath };
}

export async function connectTemporal(opts: { address: string; namespace: string; keys: CodecKey[] }): Promise<Client> {
  const connection = await Connection.connect({ address: opts.address });
  return new Client({ connection, namespace: opts.namespace, dataConverter: dataConverter(opts.keys) });
}
