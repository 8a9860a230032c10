// Exports of the admin site for administrators ('election.export.electionSystem'; 404 on the public site): the
// mapping of task types to the national election system's role names, the election's file for that system
// (exports/election-system-format.ts: the format and where it comes from), and a polling station's printable
// list of one task date as PDF (its binder page).
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionSystemRoleList } from '../../../../schemas/types/election-election-system-role-list';
import type { ElectionSystemRoles } from '../../../../schemas/types/election-election-system-roles';
import type { ElectionPrintListParams } from '../../../../schemas/types/election-print-list-params';
import type { ElectionPrintListQuery } from '../../../../schemas/types/election-print-list-query';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { updateElectionSystemRoles } from '../commands/exports/election-system-roles';
import { CONTENT_TYPE } from '../exports/election-system-format';
import { exportElectionSystem } from '../queries/exports/election-system-export';
import { printList } from '../queries/exports/print-list';
import { listElectionSystemRoles } from '../queries/exports/election-system-roles';
import { contentDisposition } from './config';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: exports'];

export function exportRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  const roleList = async (actor: Parameters<typeof listElectionSystemRoles>[1], tenantId: string): Promise<ElectionSystemRoleList> => ({
    items: (await listElectionSystemRoles(deps, actor, tenantId)).map((r) => ({ taskTypeId: r.task_type_id, title: r.title, shortName: r.short_name, roleName: r.role_name, exported: !r.left_out })),
  });
  return [
    defineRoute<{ response: ElectionSystemRoleList }>({
      method: 'GET',
      path: '/election/election-system-roles',
      summary: 'The task types and the national election system’s role each is exported as',
      description: 'Every task type of the tenant, with roleName null where none is set. Administrators only.',
      tags: TAGS,
      responses: { 200: 'election/election-system-role-list.schema.json' },
      handler: async ({ actor, tenantId, req }) => {
        onSite(req, 'admin');
        return roleList(actor, tenantId);
      },
    }),
    defineRoute<{ body: ElectionSystemRoles; response: ElectionSystemRoleList }>({
      method: 'PUT',
      path: '/election/election-system-roles',
      summary: 'Replace the mapping of task types to the national election system’s role names',
      description:
        'Task types left out or given null are unmapped; `exported: false` leaves a task type out of the file on purpose (its accepted tasks are not exported). 400 election.unknownTaskType, election.taskTypeRepeated or election.roleNameInvalid (empty, a formula’s first character, control characters), nothing written. ' +
        'Audited (election.electionSystemRolesUpdated). Answers the new mapping.',
      tags: TAGS,
      body: 'election/election-system-roles.schema.json',
      responses: { 200: 'election/election-system-role-list.schema.json' },
      handler: async ({ body, ctx, actor, tenantId, req }) => {
        onSite(req, 'admin');
        await updateElectionSystemRoles(deps, ctx, body);
        return roleList(actor, tenantId);
      },
    }),
    defineRoute<{ params: IdParams }>({
      method: 'GET',
      path: '/election/elections/:id/election-system-export',
      summary: 'The election’s file for the national election system (Valg Central), one row per accepted task',
      description:
        'CSV as Valg Central imports it: UTF-8 with BOM, comma-separated, CRLF, a header row (Rolle, Fulde navn, Fødselsdato, Afstemningsområde, Brugernavn, CPR-nummer), ' +
        'dates DD-MM-YYYY, personal numbers DDMMYY-XXXX. 409 election.rolesUnmapped {taskTypes} when a task type with accepted tasks has no role (nothing exported, nothing audited). ' +
        'Audited (election.electionSystemExported {electionId, rows}) before the first byte. Administrators only.',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 200: { raw: CONTENT_TYPE, description: 'The CSV file' } },
      handler: async ({ params, ctx, req, res }) => {
        onSite(req, 'admin');
        const { file } = await exportElectionSystem(deps, ctx, params.id);
        res.status(200).type(CONTENT_TYPE);
        res.setHeader('Content-Disposition', contentDisposition(`valgsystem-${new Date().toISOString().slice(0, 10)}.csv`));
        res.setHeader('Cache-Control', 'no-store');
        res.end(file);
      },
    }),
    defineRoute<{ params: ElectionPrintListParams; query: ElectionPrintListQuery }>({
      method: 'GET',
      path: '/election/elections/:id/work-locations/:workLocationId/print.pdf',
      summary: 'A polling station’s list of one task date as PDF (for its binder)',
      description:
        'The station, its address and polling district, the election and the date; the day’s tasks (task type, hours, team, participant, phone, state) and, for those who may see ' +
        'special-category data, the participants’ special diets. In the tenant’s language. Audited (election.printListMade) before the first byte. Administrators only.',
      tags: TAGS,
      params: 'election/print-list-params.schema.json',
      query: 'election/print-list-query.schema.json',
      responses: { 200: { raw: 'application/pdf', description: 'The PDF (A4)' } },
      handler: async ({ params, query, ctx, req, res }) => {
        onSite(req, 'admin');
        const pdf = await printList(deps, ctx, { electionId: params.id, workLocationId: params.workLocationId, date: query.date });
        res.status(200).type('application/pdf');
        res.setHeader('Content-Disposition', contentDisposition(`opgaveliste-${query.date}.pdf`).replace(/^attachment/, 'inline'));
        res.setHeader('Cache-Control', 'no-store');
        res.end(pdf);
      },
    }),
  ];
}
