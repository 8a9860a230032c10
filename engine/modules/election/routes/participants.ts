// The participants API of the admin site (administrators: policies.ts): create by civil-registry lookup (with
// the preview lookup first), the list with filters, order and paging, the profile, changes, comments, a
// single delete, the audited reveal of a personal number, and the list exported as CSV or XLSX — streamed,
// X-Total-Rows sent first, audited before the first byte. Every route answers 404 on the public site.
import type { Request } from 'express';
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionParticipantComment } from '../../../../schemas/types/election-participant-comment';
import type { ElectionParticipantCommentRecord } from '../../../../schemas/types/election-participant-comment-record';
import type { ElectionParticipantCreate } from '../../../../schemas/types/election-participant-create';
import type { ElectionParticipantExportQuery } from '../../../../schemas/types/election-participant-export-query';
import type { ElectionParticipantList } from '../../../../schemas/types/election-participant-list';
import type { ElectionParticipantListQuery } from '../../../../schemas/types/election-participant-list-query';
import type { ElectionParticipantLookup } from '../../../../schemas/types/election-participant-lookup';
import type { ElectionParticipantPersonalNumber } from '../../../../schemas/types/election-participant-personal-number';
import type { ElectionParticipantPreview } from '../../../../schemas/types/election-participant-preview';
import type { ElectionParticipantProfile } from '../../../../schemas/types/election-participant-profile';
import type { ElectionParticipantUpdate } from '../../../../schemas/types/election-participant-update';
import type { Locale } from '../../../db/models';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { commentParticipant } from '../commands/participants/comment-participant';
import { createParticipant } from '../commands/participants/create-participant';
import { deleteParticipant } from '../commands/participants/delete-participant';
import { lookupPerson } from '../commands/participants/lookup-person';
import { revealPersonalNumber } from '../commands/participants/reveal-personal-number';
import { updateParticipant } from '../commands/participants/update-participant';
import { ORDINARY_COLUMNS, type ParticipantColumn } from '../participants/columns';
import type { ParticipantFilter } from '../participants/filter';
import { presentComment, presentParticipantList, presentParticipantProfile, presentPreview } from '../presenters/participants';
import { ExportAborted, exportParticipants, type ExportFormat } from '../queries/participants/export-participants';
import { listParticipants } from '../queries/participants/list-participants';
import { participantProfile } from '../queries/participants/participant-profile';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election: participants'];
const ID = 'api/id-params.schema.json';
const LOCALES: Locale[] = ['da', 'sv', 'en'];

/** A list parameter given repeated (`a=1&a=2`) or comma-separated (`a=1,2`). */
const listOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : (Array.isArray(value) ? value : value.split(','))).map((v) => v.trim()).filter(Boolean);

function filterOf(query: ElectionParticipantListQuery | ElectionParticipantExportQuery): ParticipantFilter {
  const teamIds = listOf(query.teamIds);
  return {
    ...(query.q?.trim() ? { q: query.q } : {}),
    ...(query.birthFrom ? { birthFrom: query.birthFrom } : {}),
    ...(query.birthTo ? { birthTo: query.birthTo } : {}),
    ...(teamIds.length ? { teamIds } : {}),
    ...(query.digitalPostExempt !== undefined ? { digitalPostExempt: query.digitalPostExempt } : {}),
    ...(query.hasTask !== undefined ? { hasTask: query.hasTask } : {}),
    ...(query.taskTypeId ? { taskTypeId: query.taskTypeId } : {}),
    ...(query.workLocationId ? { workLocationId: query.workLocationId } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
}

/** The administrator's language: `lang`, else the first of Accept-Language we speak, else the tenant's (undefined). */
function localeOf(req: Request, lang: Locale | undefined): Locale | undefined {
  if (lang) return lang;
  if (!req.headers['accept-language']) return undefined;
  const accepted = req.acceptsLanguages(...LOCALES);
  return accepted && (LOCALES as string[]).includes(accepted) ? (accepted as Locale) : undefined;
}

const FILE_NAME: Record<Locale, string> = { da: 'deltagere', sv: 'deltagare', en: 'participants' };
const CONTENT_TYPE: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

function exportRoute(deps: ElectionRouteDeps, format: ExportFormat): RouteSpec {
  return defineRoute<{ query: ElectionParticipantExportQuery }>({
    method: 'GET',
    path: `/election/participants/export.${format}`,
    summary: `The filtered participants as ${format.toUpperCase()}, streamed`,
    description:
      'The list’s filters and order; `columns` in their order (default: every ordinary column); headers in `lang`, else Accept-Language, else the tenant’s language. ' +
      'X-Total-Rows (the number of rows to come) is sent with the headers, the body is chunked. Audited (election.participantsExported) before the first byte; ' +
      'special-category columns (diets, partyMembership) only when named, needing election.specialCategory.view, and the audit row says so. Protected addresses are masked.',
    tags: TAGS,
    query: 'election/participant-export-query.schema.json',
    responses: { 200: { raw: CONTENT_TYPE[format], description: format === 'csv' ? 'CSV (RFC 4180, UTF-8 with BOM), a header row of the columns’ labels first' : 'An XLSX workbook of one sheet, a header row first' } },
    handler: async ({ query, ctx, req, res }) => {
      onSite(req, 'admin');
      const locale = localeOf(req, query.lang);
      const columns = (listOf(query.columns) as ParticipantColumn[]).length ? (listOf(query.columns) as ParticipantColumn[]) : [...ORDINARY_COLUMNS];
      try {
        await exportParticipants(
          deps,
          ctx,
          { filter: filterOf(query), sort: query.sort ?? 'name', order: query.order ?? 'asc', columns, ...(locale ? { locale } : {}), format },
          {
            out: res,
            start: (total, used) => {
              res.status(200).type(CONTENT_TYPE[format]).attachment(`${FILE_NAME[used]}-${new Date().toISOString().slice(0, 10)}.${format}`);
              res.setHeader('X-Total-Rows', String(total));
              res.setHeader('Cache-Control', 'no-store');
              res.flushHeaders();
            },
          },
        );
      } catch (err) {
        // Before the headers: an ordinary problem answer. After them the answer can only be cut off.
        if (!res.headersSent) throw err;
        if (!(err instanceof ExportAborted)) req.log?.error({ err: err instanceof Error ? err.name : 'error' }, 'participant export failed mid-stream');
        res.destroy();
      }
    },
  });
}

export function participantRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    exportRoute(deps, 'csv'),
    exportRoute(deps, 'xlsx'),
    defineRoute<{ body: ElectionParticipantLookup; response: ElectionParticipantPreview }>({
      method: 'POST',
      path: '/election/participants/lookup',
      summary: 'What the civil registry says about a personal number (the create form’s preview)',
      description: 'Audited by the registry adapter (purpose participant.lookup). A protected address is left out. 400 election.personUnknown when the registry knows no such person; 503 registry_unavailable when it cannot be reached.',
      tags: TAGS,
      body: 'election/participant-lookup.schema.json',
      responses: { 200: 'election/participant-preview.schema.json' },
      handler: async ({ body, ctx, req }) => {
        onSite(req, 'admin');
        return presentPreview(await lookupPerson(deps, ctx, body.personalNumber));
      },
    }),
    defineRoute<{ query: ElectionParticipantListQuery; response: ElectionParticipantList }>({
      method: 'GET',
      path: '/election/participants',
      summary: 'The participants, filtered, ordered and one page',
      description: 'Every ordinary field of each; which ones show is the page’s choice. Special-category fields (diets, party membership) only with `include` and election.specialCategory.view; so is a filter by a party’s team.',
      tags: TAGS,
      query: 'election/participant-list-query.schema.json',
      responses: { 200: 'election/participant-list.schema.json' },
      handler: async ({ query, actor, req }) => {
        onSite(req, 'admin');
        const include = new Set(listOf(query.include));
        const page = query.page ?? 1;
        const pageSize = query.pageSize ?? 50;
        const result = await listParticipants(deps, actor, {
          filter: filterOf(query),
          sort: query.sort ?? 'name',
          order: query.order ?? 'asc',
          page,
          pageSize,
          include: { diets: include.has('diets'), partyMembership: include.has('partyMembership') },
        });
        return presentParticipantList(result, page, pageSize);
      },
    }),
    defineRoute<{ body: ElectionParticipantCreate; response: ElectionParticipantProfile }>({
      method: 'POST',
      path: '/election/participants',
      summary: 'Create a participant by civil-registry lookup',
      description:
        'Name, address, birth date, municipality, citizenship and the registry’s flags come from the registry (its lookup audited); the rest is entered. ' +
        '400 election.personalNumberInvalid / election.personUnknown, 409 election.personDeceased / election.participantExists (on /personalNumber, with the participant’s id), 503 registry_unavailable with nothing written.',
      tags: TAGS,
      body: 'election/participant-create.schema.json',
      responses: { 201: 'election/participant-profile.schema.json' },
      handler: async ({ body, ctx, actor, req }) => {
        onSite(req, 'admin');
        const { id } = await createParticipant(deps, ctx, body);
        return presentParticipantProfile(await participantProfile(deps, actor, id));
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionParticipantProfile }>({
      method: 'GET',
      path: '/election/participants/:id',
      summary: 'A participant’s profile',
      tags: TAGS,
      params: ID,
      responses: { 200: 'election/participant-profile.schema.json' },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        return presentParticipantProfile(await participantProfile(deps, actor, params.id));
      },
    }),
    defineRoute<{ params: IdParams; body: ElectionParticipantUpdate; response: ElectionParticipantProfile }>({
      method: 'PATCH',
      path: '/election/participants/:id',
      summary: 'Change what was entered for a participant',
      description: 'Phone, e-mail, diets and the diet note, teams (the whole set), the signup template’s extra fields (the whole object), the Digital Post exemption.',
      tags: TAGS,
      params: ID,
      body: 'election/participant-update.schema.json',
      responses: { 200: 'election/participant-profile.schema.json' },
      handler: async ({ params, body, ctx, actor, req }) => {
        onSite(req, 'admin');
        await updateParticipant(deps, ctx, params.id, body);
        return presentParticipantProfile(await participantProfile(deps, actor, params.id));
      },
    }),
    defineRoute<{ params: IdParams }>({
      method: 'DELETE',
      path: '/election/participants/:id',
      summary: 'Delete one participant',
      description: '409 election.participantHasTasks while the person holds (is invited to or has accepted) a task. Slots the person rejected become vacant.',
      tags: TAGS,
      params: ID,
      responses: { 204: 'empty' },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'admin');
        await deleteParticipant(deps, ctx, params.id);
      },
    }),
    defineRoute<{ params: IdParams; body: ElectionParticipantComment; response: ElectionParticipantCommentRecord }>({
      method: 'POST',
      path: '/election/participants/:id/comments',
      summary: 'Comment on a participant',
      tags: TAGS,
      params: ID,
      body: 'election/participant-comment.schema.json',
      responses: { 201: 'election/participant-comment-record.schema.json' },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        return presentComment(await commentParticipant(deps, ctx, params.id, body.body));
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionParticipantPersonalNumber }>({
      method: 'POST',
      path: '/election/participants/:id/reveal-personal-number',
      summary: 'The whole personal number (audited)',
      tags: TAGS,
      params: ID,
      responses: { 200: 'election/participant-personal-number.schema.json' },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'admin');
        return revealPersonalNumber(deps, ctx, params.id);
      },
    }),
  ];
}
