// How to reach Temporal: the options both SDK connection kinds take — @temporalio/client's Connection.connect
// (the platform's client, the search attributes at start) and @temporalio/worker's NativeConnection.connect
// (the worker) — from the configuration: TEMPORAL_ADDRESS over TLS with an optional private CA, client
// certificate (mTLS), SNI override and API key. engine/config.ts has checked the settings and the files already.
import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { temporalTlsEnabled, type Config } from '../config';

/** The fields Connection.connect and NativeConnection.connect share, so one value serves both. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
  metadata?: Record<string, string>;
}

export type TemporalConnectionConfig = Pick<
  Config,
  'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CA_FILE' | 'TEMPORAL_TLS_CERT_FILE' | 'TEMPORAL_TLS_KEY_FILE' | 'TEMPORAL_TLS_SERVER_NAME' | 'TEMPORAL_API_KEY'
>;

/**
 * The options for connecting to `address`. The TLS settings and the API key describe the cluster at
 * TEMPORAL_ADDRESS; any other address is a Temporal the project or a test started itself (the CLI dev
 * server), which speaks plain gRPC, so it is reached as before: the address alone.
 */
export function temporalConnectionOptions(config: TemporalConnectionConfig, address: string): TemporalConnectionOptions {
  if (address !== config.TEMPORAL_ADDRESS || !temporalTlsEnabled(config)) return { address };
  const tls: TLSConfig = {
    ...(config.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME } : {}),
    // Unset: the system's trusted roots, which is what Temporal Cloud's certificates are issued under.
    ...(config.TEMPORAL_TLS_CA_FILE ? { serverRootCACertificate: readFileSync(config.TEMPORAL_TLS_CA_FILE) } : {}),
    ...(config.TEMPORAL_TLS_CERT_FILE && config.TEMPORAL_TLS_KEY_FILE
      ? { clientCertPair: { crt: readFileSync(config.TEMPORAL_TLS_CERT_FILE), key: readFileSync(config.TEMPORAL_TLS_KEY_FILE) } }
      : {}),
  };
  if (!config.TEMPORAL_API_KEY) return { address, tls };
  return {
    address,
    tls,
    apiKey: config.TEMPORAL_API_KEY,
    // Temporal Cloud routes an API-key call by this header. The client SDK adds it only to workflow-service calls
    // that name a namespace — not to getSystemInfo (/readyz) nor to the operator service (search attributes).
    metadata: { 'temporal-namespace': config.TEMPORAL_NAMESPACE },
  };
}

/** Where the options lead, for logs and errors: never the API key or the key file's content. */
export function describeTemporalConnection(options: TemporalConnectionOptions): string {
  if (!options.tls) return `${options.address} (plain gRPC)`;
  const parts = [
    options.tls.serverRootCACertificate ? 'private CA' : 'system CAs',
    ...(options.tls.serverNameOverride ? [`server name ${options.tls.serverNameOverride}`] : []),
    ...(options.tls.clientCertPair ? ['client certificate'] : []),
    ...(options.apiKey ? ['API key'] : []),
  ];
  return `${options.address} (TLS: ${parts.join(', ')})`;
}

/**
 * Runs `connect` and, when it fails, says where it was going: @temporalio/client reports a refused TLS handshake
 * as no more than "Failed to connect before the deadline", which on its own points nowhere.
 */
export async function connectNamingTarget<T>(options: TemporalConnectionOptions, connect: () => Promise<T>): Promise<T> {
  try {
    return await connect();
  } catch (err) {
    throw new Error(`could not connect to Temporal at ${describeTemporalConnection(options)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
