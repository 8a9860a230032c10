// An administrator changes what was entered for a participant: phone, e-mail, diets and the diet note (sealed
// again as one blob: a change of either keeps the other), teams (the whole set), the signup template's extra
// fields (the whole object) and the Digital Post exemption. What the registry says is not edited here (the
// registry refresh does that). The audit row names the changed fields, never values or team ids.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import type { ElectionParticipantUpdate } from '../../../../../schemas/types/election-participant-update';
import { execute, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import { ParticipantUpdate } from '../../participants/contact-changes';
import { checkTeams, distinct, findParticipant } from '../../participants/rows';
import { checkSignupFields } from '../../participants/signup-fields';

/** The request's body as its schema (schemas/election/participant-update.schema.json) describes it. */
export type UpdateParticipantInput = ElectionParticipantUpdate;

export async function updateParticipant(deps: ElectionDeps, ctx: CommandContext, id: string, input: UpdateParticipantInput): Promise<{ fields: string[] }> {
  const { db, keyring } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findParticipant(db, tx, id, { lock: true });
    authorize(ctx.actor, 'election.participants.manage', { tenantId: row.tenant_id });
    const update = new ParticipantUpdate(row);
    await update.contact(db, keyring, tx, input);
    const { fields } = update;
    if (input.signupFields !== undefined) {
      update.set('signup_fields', JSON.stringify(await checkSignupFields(db, tx, input.signupFields)));
      fields.push('signupFields');
    }
    if (input.digitalPostExempt !== undefined) {
      update.set('digital_post_exempt', input.digitalPostExempt);
      fields.push('digitalPostExempt');
    }
    if (input.teamIds !== undefined) {
      const teamIds = distinct(input.teamIds);
      await checkTeams(db, tx, teamIds);
      await execute(db, tx, 'DELETE FROM team_members WHERE participant_id = $1 AND NOT (team_id = ANY($2::uuid[]))', [row.id, teamIds]);
      if (teamIds.length) await execute(db, tx, 'INSERT INTO team_members (tenant_id, team_id, participant_id) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING', [row.tenant_id, teamIds, row.id]);
      fields.push('teams');
    }
    const sql = update.sql();
    if (!sql) return { fields };
    await execute(db, tx, sql, update.bind);
    await recordAudit(db, tx, ctx, { action: 'election.participantUpdated', entityType: 'electionParticipant', entityId: row.id, summary: { fields } });
    return { fields };
  });
}
