// When a failed delivery is tried again, and what the row says about why it failed. Exponential backoff with
// jitter, capped, without end: a row is delivered once Temporal answers again, however long it was away.
import { isGrpcServiceError, ServiceError } from '@temporalio/client';

const FIRST_RETRY_MS = 1000;

/** 1 s, 2 s, 4 s … up to `capMs`, each ±20 % so that many rows failed together do not come back together. */
export function retryDelayMs(attempts: number, capMs: number): number {
  const base = Math.min(capMs, FIRST_RETRY_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return base * (0.8 + Math.random() * 0.4);
}

const GRPC_CODES: Record<number, string> = { 1: 'cancelled', 4: 'deadline_exceeded', 5: 'not_found', 7: 'permission_denied', 8: 'resource_exhausted', 13: 'internal', 14: 'unavailable', 16: 'unauthenticated' };

/** A short code for the row's last_error: a gRPC status or an error class name, never an error's message. */
export function errorCode(err: unknown): string {
  const grpc = isGrpcServiceError(err) ? err : err instanceof ServiceError && isGrpcServiceError(err.cause) ? err.cause : undefined;
  if (grpc) return GRPC_CODES[grpc.code] ?? `grpc_${grpc.code}`;
  if (err instanceof Error) return err.name.replace(/[^A-Za-z0-9_]/g, '').slice(0, 60) || 'error';
  return 'unknown';
}
