// Participant rows → the API's shapes (schemas/election/participant-*.schema.json): dates as ISO text, the
// address through the masking helper (null when protected), the registry status in one word, special-category
// fields only where the query put them (it decides who may see them).
import type { ElectionParticipantCommentRecord } from '../../../../schemas/types/election-participant-comment-record';
import type { ElectionParticipantList, ElectionParticipantListItem } from '../../../../schemas/types/election-participant-list';
import type { ElectionParticipantPreview } from '../../../../schemas/types/election-participant-preview';
import type { ElectionParticipantProfile } from '../../../../schemas/types/election-participant-profile';
import type { CommentRow } from '../commands/participants/comment-participant';
import type { PersonPreview } from '../commands/participants/lookup-person';
import { shownAddress } from '../participants/masking';
import { registryStatusOf } from '../participants/registry-status';
import type { DietChoice } from '../participants/sealed-diets';
import type { ParticipantPage } from '../queries/participants/list-participants';
import type { ParticipantProfile } from '../queries/participants/participant-profile';

const iso = (d: Date): string => new Date(d).toISOString();
const isoOrNull = (d: Date | null | undefined): string | null => (d ? iso(d) : null);

function dietsOf(choice: DietChoice, names: Map<string, string> | undefined): { dietIds: string[]; names: string[]; note: string | null } {
  return { dietIds: choice.dietIds, names: choice.dietIds.map((d) => names?.get(d)).filter((n): n is string => n !== undefined), note: choice.note };
}

export function presentParticipantList(result: ParticipantPage, page: number, pageSize: number): ElectionParticipantList {
  return {
    total: result.total,
    page,
    pageSize,
    items: result.items.map(({ row, diets }): ElectionParticipantListItem => ({
      id: row.id,
      personalNumberMasked: row.personal_number_masked,
      name: `${row.given_name} ${row.family_name}`,
      givenName: row.given_name,
      familyName: row.family_name,
      birthDate: row.birth_date,
      address: shownAddress(row),
      protectedAddress: row.protected_address,
      municipalityCode: row.municipality_code,
      citizenship: row.citizenship,
      registryStatus: registryStatusOf(row),
      registryCheckedAt: iso(row.registry_checked_at),
      phone: row.phone,
      email: row.email,
      digitalPostExempt: row.digital_post_exempt,
      teams: row.team_list,
      tasks: row.tasks,
      createdAt: iso(row.created_at),
      ...(diets ? { diets: dietsOf(diets, result.dietNames) } : {}),
      ...(row.party_list ? { partyMembership: row.party_list } : {}),
    })),
  };
}

export function presentParticipantProfile(p: ParticipantProfile): ElectionParticipantProfile {
  const { row } = p;
  const byElection = new Map<string, ElectionParticipantProfile['tasks'][number]>();
  for (const t of p.tasks) {
    let election = byElection.get(t.election_id);
    if (!election) byElection.set(t.election_id, (election = { electionId: t.election_id, title: t.election_title, electionDay: t.election_day, tasks: [] }));
    election.tasks.push({
      id: t.id,
      date: t.task_date,
      state: t.state,
      workLocation: { id: t.work_location_id, name: t.work_location_name },
      taskType: { id: t.task_type_id, title: t.task_type_title, startTime: t.start_time, endTime: t.end_time },
      // The team of a task is a party's: its name only to those who may see membership.
      team: t.team_party && !p.specialCategory ? null : { id: t.team_id, name: t.team_name },
    });
  }
  return {
    id: row.id,
    personalNumberMasked: row.personal_number_masked,
    country: row.personal_number_country,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    address: shownAddress(row),
    protectedAddress: row.protected_address,
    municipalityCode: row.municipality_code,
    citizenship: row.citizenship,
    deceased: row.deceased,
    disenfranchised: row.disenfranchised,
    registryStatus: p.status,
    registryCheckedAt: iso(row.registry_checked_at),
    phone: row.phone,
    email: row.email,
    digitalPostExempt: row.digital_post_exempt,
    signupFields: row.signup_fields ?? {},
    userId: row.user_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    specialCategory: p.specialCategory,
    teams: p.teams.map((t) => ({ id: t.id, name: t.name, shortName: t.short_name, politicalParty: t.political_party, joinedAt: iso(t.joined_at) })),
    diets: p.diets ?? null,
    responsibilities: p.responsibilities.map((r) => ({ kind: r.kind, scopeId: r.scope_id, name: r.name, grantedAt: iso(r.granted_at) })),
    comments: p.comments.map(presentComment),
    tasks: [...byElection.values()],
    communicationLog: p.messages.map((m) => ({ id: m.id, at: iso(m.created_at), sentAt: isoOrNull(m.sent_at), channel: m.channel, templateKey: m.template_key, status: m.status })),
  };
}

export function presentComment(c: CommentRow): ElectionParticipantCommentRecord {
  return { id: c.id, authorName: c.author_name, body: c.body, createdAt: iso(c.created_at) };
}

export function presentPreview(p: PersonPreview): ElectionParticipantPreview {
  const { person } = p;
  return {
    personalNumberMasked: p.personalNumberMasked,
    participantId: p.participantId,
    registryStatus: registryStatusOf({ deceased: person.deceased, disenfranchised: person.disenfranchised, municipality_code: person.municipalityCode, personal_number_country: person.country }),
    person: {
      country: person.country,
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: person.birthDate,
      ...(person.protectedAddress ? {} : { ...(person.address ? { address: person.address } : {}), ...(person.postalCode ? { postalCode: person.postalCode } : {}), ...(person.city ? { city: person.city } : {}) }),
      municipalityCode: person.municipalityCode,
      citizenship: person.citizenship,
      protectedAddress: person.protectedAddress,
      deceased: person.deceased,
      disenfranchised: person.disenfranchised,
    },
  };
}
