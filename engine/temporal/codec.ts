// Payload codec: every payload the client or worker sends to Temporal is encrypted with AES-256-GCM, so
// histories hold no readable personal data. Each payload is bound to the tenant that owns it: the SDK tells
// the codec which workflow a payload belongs to (its serialization context), our workflow ids start with
// `tenant/<uuid>/`, and the payload is sealed with a key derived for that tenant, the tenant id written into
// the outer metadata and bound as associated data. The Web UI's codec endpoint can therefore decrypt a payload
// for an operator of its tenant only, and a payload moved to another tenant's workflow fails to decrypt.
// Keys rotate by id (the first key encrypts; every key listed decrypts). Runs in Node only.
import { hkdfSync } from 'node:crypto';
import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { open, seal } from '../crypto/aead';
import type { NamedKey } from '../crypto/key-spec';
import { tenantOfWorkflowId } from './ids';

export const ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const TENANT_METADATA = 'tenant-id';
/** Format 2 binds payloads to a tenant; payloads without it were written by the first codec (no binding). */
const FORMAT_METADATA = 'encryption-format';
const FORMAT = '2';
/** Payloads whose owner is no tenant's workflow (none today) are sealed for the platform scope. */
const PLATFORM_SCOPE = 'platform';

export type CodecKey = NamedKey;
export { generateKeySpec as generateCodecKeySpec, parseKeySpec as parseCodecKeys } from '../crypto/key-spec';

export class PayloadTenantMismatchError extends Error {}

function text(payload: Payload, key: string): string | undefined {
  const bytes = payload.metadata?.[key];
  return bytes ? Buffer.from(bytes).toString() : undefined;
}

export function isEncrypted(payload: Payload): boolean {
  return text(payload, METADATA_ENCODING_KEY) === ENCODING;
}

/** The tenant a sealed payload is bound to, read from its (authenticated) metadata. */
export function tenantOfPayload(payload: Payload): string | undefined {
  return isEncrypted(payload) ? text(payload, TENANT_METADATA) : undefined;
}

function tenantOfContext(context?: SerializationContext): string | undefined {
  return tenantOfWorkflowId(context?.workflowId);
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;
  private readonly active: CodecKey;
  private readonly derived = new Map<string, Buffer>();

  constructor(keys: CodecKey[]) {
    if (!keys[0]) throw new Error('AesGcmPayloadCodec needs at least one key');
    this.active = keys[0];
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return this.encodeFor(payloads, tenantOfContext(context));
  }

  /** Decodes for the worker and client; a payload bound to another tenant than its workflow's is refused. */
  async decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const expected = tenantOfContext(context);
    return payloads.map((payload) => {
      const bound = tenantOfPayload(payload);
      if (expected && bound && bound !== expected) {
        throw new PayloadTenantMismatchError('payload is bound to another tenant than its workflow');
      }
      return this.open(payload);
    });
  }

  encodeFor(payloads: Payload[], tenantId: string | undefined): Payload[] {
    const scope = tenantId ?? PLATFORM_SCOPE;
    return payloads.map((payload) => ({
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCODING),
        [FORMAT_METADATA]: Buffer.from(FORMAT),
        [KEY_ID_METADATA]: Buffer.from(this.active.id),
        ...(tenantId ? { [TENANT_METADATA]: Buffer.from(tenantId) } : {}),
      },
      data: seal(this.keyFor(this.active.id, scope), temporal.api.common.v1.Payload.encode(payload).finish(), scope),
    }));
  }

  /**
   * For the Web UI's codec endpoint: decodes only the payloads bound to `tenantId`; every other payload
   * (another tenant's, the platform's, or written before tenant binding) is returned as it came, still sealed.
   */
  decodeFor(payloads: Payload[], tenantId: string): { payloads: Payload[]; decoded: number } {
    let decoded = 0;
    const out = payloads.map((payload) => {
      if (tenantOfPayload(payload) !== tenantId) return payload;
      let opened: Payload;
      try {
        opened = this.open(payload);
      } catch {
        // Labelled with this tenant but sealed for another (relabelled), damaged, or under a key we no longer
        // hold: it does not open, and the operator gets it back as it came, like any other foreign payload.
        return payload;
      }
      decoded += 1;
      return opened;
    });
    return { payloads: out, decoded };
  }

  private open(payload: Payload): Payload {
    if (!isEncrypted(payload)) return payload;
    const keyId = text(payload, KEY_ID_METADATA) ?? '';
    const master = this.byId.get(keyId);
    if (!master) throw new Error(`payload encrypted with unknown key id "${keyId}"`);
    const data = payload.data ?? new Uint8Array();
    if (text(payload, FORMAT_METADATA) !== FORMAT) return temporal.api.common.v1.Payload.decode(open(master, data));
    const scope = text(payload, TENANT_METADATA) ?? PLATFORM_SCOPE;
    return temporal.api.common.v1.Payload.decode(open(this.keyFor(keyId, scope), data, scope));
  }

  /** One key per tenant and master key (HKDF-SHA256), so a tenant's payloads never share its neighbours' key. */
  private keyFor(keyId: string, scope: string): Buffer {
    const cacheKey = `${keyId}\u0000${scope}`;
    let key = this.derived.get(cacheKey);
    if (!key) {
      const master = this.byId.get(keyId)!;
      key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `tingvalla/temporal-payload/${scope}`, 32));
      this.derived.set(cacheKey, key);
    }
    return key;
  }
}
