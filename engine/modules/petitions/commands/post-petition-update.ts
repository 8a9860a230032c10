// The municipality tells the public what happens with a published petition: status updates, its answer and its
// decision, each a timeline entry, each with at most one PDF. The PDF is kept in PostgreSQL (bytea), at most
// 5 MiB, and its type is read from its bytes (a PDF starts with `%PDF-`), never taken from the upload.
// An update moves a closed petition into handling; an answer or a decision marks a closed one answered.
import { basename } from 'node:path';
import { fieldError } from '../../../../forms/validation';
import { recordAudit, type CommandContext } from '../../../audit/record';
import { ValidationError } from '../../../errors';
import { EVENT_KINDS, execute, findPetition, select, type PetitionDeps, type PetitionEventKind, type PetitionStatus } from '../db';
import { petitionInvalid, wrongStatus } from '../errors';
import { authorize } from '../policies';
import { tellPetitionFlow } from '../flow-events';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_TEXT = 20_000;

export interface PetitionUpdateInput {
  kind: PetitionEventKind;
  text: string;
  attachment?: { name: string; data: Buffer };
}

/** The content type the bytes show, when it is one we keep. */
export function sniffAttachmentType(data: Uint8Array): 'application/pdf' | undefined {
  return Buffer.from(data.subarray(0, 5)).toString('latin1') === '%PDF-' ? 'application/pdf' : undefined;
}

/** A file name fit to show and to send back in Content-Disposition: its last part, printable, ending in .pdf. */
export function attachmentName(name: unknown): string {
  const base = basename(String(typeof name === 'string' ? name : '').replace(/\\/g, '/'))
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .trim()
    .slice(0, 150);
  const named = base === '' || base === '.' || base === '..' ? 'document' : base;
  return /\.pdf$/i.test(named) ? named : `${named}.pdf`;
}

function check(input: PetitionUpdateInput): { kind: PetitionEventKind; text: string; attachment?: { name: string; data: Buffer; type: string } } {
  if (!input || !EVENT_KINDS.includes(input.kind)) throw new ValidationError([fieldError('/kind', 'schema.enum', { allowedValues: EVENT_KINDS }, `must be one of ${EVENT_KINDS.join(', ')}`)]);
  if (typeof input.text !== 'string' || input.text.trim() === '') throw new ValidationError([fieldError('/text', 'schema.required', { missingProperty: 'text' }, 'must say something')]);
  if (input.text.length > MAX_TEXT) throw new ValidationError([fieldError('/text', 'schema.maxLength', { limit: MAX_TEXT }, `must be at most ${MAX_TEXT} characters`)]);
  if (!input.attachment) return { kind: input.kind, text: input.text.trim() };
  const data = input.attachment.data;
  if (!Buffer.isBuffer(data) || data.length === 0) throw petitionInvalid('/attachment', 'petition.attachmentNotPdf', 'the attachment must be a PDF');
  if (data.length > MAX_ATTACHMENT_BYTES) throw petitionInvalid('/attachment', 'petition.attachmentTooLarge', `the attachment must be at most ${MAX_ATTACHMENT_BYTES} bytes`, { limit: MAX_ATTACHMENT_BYTES });
  const type = sniffAttachmentType(data);
  if (!type) throw petitionInvalid('/attachment', 'petition.attachmentNotPdf', 'the attachment must be a PDF');
  return { kind: input.kind, text: input.text.trim(), attachment: { name: attachmentName(input.attachment.name), data, type } };
}

const POSTABLE: readonly PetitionStatus[] = ['open', 'closed', 'inHandling', 'answered'];

/** The status after a post: updates put a closed petition in handling, answers and decisions answer it; an open one stays open. */
function statusAfter(status: PetitionStatus, kind: PetitionEventKind): PetitionStatus {
  if (status === 'open') return 'open';
  if (kind === 'update') return status === 'closed' ? 'inHandling' : status;
  return 'answered';
}

export async function postPetitionUpdate(deps: PetitionDeps, ctx: CommandContext, petitionId: string, input: PetitionUpdateInput): Promise<{ id: string; status: PetitionStatus }> {
  const post = check(input);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findPetition(db, tx, petitionId, { lock: true });
    authorize(ctx.actor, 'petitions.petition.postUpdate', { tenantId: row.tenant_id });
    if (!POSTABLE.includes(row.status)) throw wrongStatus(row.status, 'given updates');
    const [event] = await select<{ id: string }>(
      db,
      tx,
      'INSERT INTO petition_events (tenant_id, petition_id, kind, text, attachment, attachment_type, attachment_name) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [row.tenant_id, row.id, post.kind, post.text, post.attachment?.data ?? null, post.attachment?.type ?? null, post.attachment?.name ?? null],
    );
    const status = statusAfter(row.status, post.kind);
    if (status !== row.status) {
      await execute(db, tx, 'UPDATE petitions SET status = $2, answered_at = CASE WHEN $2 = $3 THEN coalesce(answered_at, now()) ELSE answered_at END, updated_at = now() WHERE id = $1', [row.id, status, 'answered']);
    }
    // The flow hears of it: handling starts when a closed petition gets its first update, an answer or a
    // decision answers it, and the proposer is told of every post.
    if (status === 'inHandling' && row.status !== 'inHandling') await tellPetitionFlow(db, tx, row.tenant_id, row.id, 'petition.handlingStarted');
    await tellPetitionFlow(db, tx, row.tenant_id, row.id, status === 'answered' && row.status !== 'answered' ? 'petition.answered' : 'petition.updatePosted');
    await recordAudit(db, tx, ctx, {
      action: 'petition.updatePosted',
      entityType: 'petition',
      entityId: row.id,
      summary: { kind: post.kind, status, ...(post.attachment ? { attachmentBytes: post.attachment.data.length } : {}) },
    });
    return { id: event!.id, status };
  });
}
