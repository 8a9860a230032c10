// The export of an election for the national election system (exports/election-system-format.ts says what the
// file is and where its format comes from): one row per ACCEPTED slot of the election — the task type's role in
// the tenant's mapping, the participant's name and birth date, the work location's polling-district number and
// the whole personal number (opened from its sealed column).
//
// Refused before anything is read about people when a task type with accepted slots has no role (409
// election.rolesUnmapped naming those task types). The audit row (election.electionSystemExported {electionId,
// rows}) is written in the transaction that read the rows and committed before the caller sends a byte. The
// file is built in memory: an election's accepted slots are tens of thousands at most (≈ 80 bytes a row).
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { NotFoundError } from '../../../../errors';
import { PersonalNumbers } from '../../../../identity/personal-numbers';
import type { PersonalNumberCountry } from '../../../../../forms/formats/personal-number';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { electionSystemFile, type ElectionSystemRow } from '../../exports/election-system-format';
import { authorize } from '../../policies';

export interface ElectionSystemExport {
  file: Buffer;
  rows: number;
}

interface SlotRow {
  role_name: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  district_number: string;
  personal_number_country: PersonalNumberCountry;
  personal_number_sealed: Buffer;
}

export async function exportElectionSystem(deps: ElectionDeps, ctx: CommandContext, electionId: string): Promise<ElectionSystemExport> {
  authorize(ctx.actor, 'election.export.electionSystem', { tenantId: ctx.tenantId });
  const { db, keyring } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [election] = await select<{ id: string }>(db, tx, 'SELECT id FROM elections WHERE id = $1', [electionId]);
    if (!election) throw new NotFoundError();
    const unmapped = await select<{ id: string; title: string }>(
      db,
      tx,
      `SELECT DISTINCT t.id, t.title FROM task_slots s
         JOIN task_types t ON t.tenant_id = s.tenant_id AND t.id = s.task_type_id
         LEFT JOIN election_system_roles r ON r.tenant_id = s.tenant_id AND r.task_type_id = s.task_type_id
        WHERE s.election_id = $1 AND s.state = 'accepted' AND r.task_type_id IS NULL
        ORDER BY t.title, t.id`,
      [electionId],
    );
    if (unmapped.length) {
      throw electionConflict('election.rolesUnmapped', 'Task types with accepted tasks have no role in the election system.', { taskTypes: unmapped.map((t) => t.title).join(', '), taskTypeIds: unmapped.map((t) => t.id) });
    }
    const { country } = await tenantFacts(db, tx, ctx.tenantId);
    // By polling district (numerically where it is a number), then role, then name.
    const slots = await select<SlotRow>(
      db,
      tx,
      `SELECT r.role_name, p.given_name, p.family_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, w.district_number,
              p.personal_number_country, p.personal_number_sealed
         FROM task_slots s
         JOIN election_system_roles r ON r.tenant_id = s.tenant_id AND r.task_type_id = s.task_type_id
         JOIN participants p ON p.tenant_id = s.tenant_id AND p.id = s.participant_id
         JOIN work_locations w ON w.tenant_id = s.tenant_id AND w.id = s.work_location_id
        WHERE s.election_id = $1 AND s.state = 'accepted' AND r.role_name IS NOT NULL
        ORDER BY CASE WHEN w.district_number ~ '^[0-9]{1,9}$' THEN w.district_number::integer END NULLS LAST, w.district_number,
                 r.role_name COLLATE ${COLLATION[country]}, p.family_name COLLATE ${COLLATION[country]}, p.given_name COLLATE ${COLLATION[country]}, s.task_date, s.id`,
      [electionId],
    );
    const numbers = new PersonalNumbers(keyring);
    const rows: ElectionSystemRow[] = [];
    for (const s of slots) {
      rows.push({
        roleName: s.role_name,
        givenName: s.given_name,
        familyName: s.family_name,
        birthDate: s.birth_date,
        districtNumber: s.district_number,
        personalNumber: await numbers.reveal(tx, ctx.tenantId, { country: s.personal_number_country, ciphertext: s.personal_number_sealed }),
      });
    }
    const file = electionSystemFile(rows);
    await recordAudit(db, tx, ctx, { action: 'election.electionSystemExported', entityType: 'election', entityId: electionId, summary: { electionId, rows: rows.length } });
    return { file, rows: rows.length };
  });
}
