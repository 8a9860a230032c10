// The election module's configuration routes (admin site only; each answers 404 on the public site): election
// types, areas, work locations (polling stations), task types and their files, teams, special diets and the
// public site's election pages. Administrators read ('election.config.view') and change
// ('election.config.manage') them; every change is audited in its transaction. Lists come in the tenant's
// language's alphabetical order. A PUT replaces the whole thing; a DELETE of something in use answers 409
// election.inUse and deletes nothing.
import type { Request } from 'express';
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionArea } from '../../../../schemas/types/election-config-area-record';
import type { ElectionType } from '../../../../schemas/types/election-config-election-type-record';
import type { ElectionSite } from '../../../../schemas/types/election-config-site-record';
import type { ElectionSpecialDiet } from '../../../../schemas/types/election-config-special-diet-record';
import type { ElectionTaskType } from '../../../../schemas/types/election-config-task-type-record';
import type { ElectionTaskTypeFile } from '../../../../schemas/types/election-config-task-type-file-record';
import type { ElectionTaskTypeFileList } from '../../../../schemas/types/election-config-task-type-file-list';
import type { ElectionTaskTypeFileParams } from '../../../../schemas/types/election-config-task-type-file-params';
import type { ElectionTeam } from '../../../../schemas/types/election-config-team-record';
import type { ElectionWorkLocationList } from '../../../../schemas/types/election-config-work-location-list';
import type { ElectionWorkLocationQuery } from '../../../../schemas/types/election-config-work-location-query';
import type { Actor } from '../../../actors';
import type { CommandContext } from '../../../audit/record';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { createArea, deleteArea, updateArea } from '../commands/config/areas';
import { createElectionType, deleteElectionType, updateElectionType } from '../commands/config/election-types';
import { updateSite } from '../commands/config/site';
import { createSpecialDiet, deleteSpecialDiet, updateSpecialDiet } from '../commands/config/special-diets';
import { addTaskTypeFile, createTaskType, deleteTaskType, deleteTaskTypeFile, updateTaskType } from '../commands/config/task-types';
import { createTeam, deleteTeam, updateTeam } from '../commands/config/teams';
import { createWorkLocation, deleteWorkLocation, updateWorkLocation } from '../commands/config/work-locations';
import type { ElectionDeps } from '../db';
import { listOf, presentArea, presentElectionType, presentSite, presentSpecialDiet, presentTaskType, presentTaskTypeFile, presentTeam, presentWorkLocation } from '../presenters/config';
import { getArea, listAreas } from '../queries/config/areas';
import { getElectionType, listElectionTypes } from '../queries/config/election-types';
import { getSite } from '../queries/config/site';
import { getSpecialDiet, listSpecialDiets } from '../queries/config/special-diets';
import { getTaskType, listTaskTypeFiles, listTaskTypes, taskTypeFile } from '../queries/config/task-types';
import { getTeam, listTeams } from '../queries/config/teams';
import { getWorkLocation, listWorkLocations } from '../queries/config/work-locations';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: configuration'];
const ID = 'api/id-params.schema.json';

/** `attachment; filename=…` for a name that may hold any Unicode (RFC 6266 / 8187). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7E]|["\\%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

interface Entity<Row, Out> {
  /** Under /election, e.g. `areas`. */
  path: string;
  /** For the summaries: singular and plural, e.g. `area`, `areas`. */
  one: string;
  many: string;
  /** The schemas' base name under schemas/election/, e.g. `config-area`. */
  schema: string;
  list(deps: ElectionDeps, actor: Actor): Promise<Row[]>;
  get(deps: ElectionDeps, actor: Actor, id: string): Promise<Row>;
  create(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<Row>;
  update(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<Row>;
  remove(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void>;
  present(row: Row): Out;
  /** What a DELETE refuses, for its description. */
  inUse: string;
  /** More about the list (its query), when it has more. */
  listQuery?: string;
}

/** List, get, create, replace and delete of one kind of configuration row. */
function crudRoutes<Row, Out>(deps: ElectionRouteDeps, e: Entity<Row, Out>): RouteSpec[] {
  const base = `/election/${e.path}`;
  const record = `election/${e.schema}-record.schema.json`;
  const body = `election/${e.schema}.schema.json`;
  const admin = (req: Request) => onSite(req, 'admin');
  return [
    defineRoute<{ response: { items: Out[] } }>({
      method: 'GET',
      path: base,
      summary: `The ${e.many}, in the tenant’s alphabetical order`,
      tags: TAGS,
      responses: { 200: `election/${e.schema}-list.schema.json` },
      handler: async ({ actor, req }) => {
        admin(req);
        return listOf(await e.list(deps, actor), e.present);
      },
    }),
    defineRoute<{ params: IdParams; response: Out }>({
      method: 'GET',
      path: `${base}/:id`,
      summary: `One ${e.one}`,
      tags: TAGS,
      params: ID,
      responses: { 200: record },
      handler: async ({ params, actor, req }) => {
        admin(req);
        return e.present(await e.get(deps, actor, params.id));
      },
    }),
    defineRoute<{ body: unknown; response: Out }>({
      method: 'POST',
      path: base,
      summary: `Create a ${e.one}`,
      description: 'A name another one has (case-insensitive) answers 409 election.nameTaken naming the field.',
      tags: TAGS,
      body,
      responses: { 201: record },
      handler: async ({ body: input, ctx, req }) => {
        admin(req);
        return e.present(await e.create(deps, ctx, input));
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: Out }>({
      method: 'PUT',
      path: `${base}/:id`,
      summary: `Replace a ${e.one}`,
      description: 'The whole of it: a field left out takes its default.',
      tags: TAGS,
      params: ID,
      body,
      responses: { 200: record },
      handler: async ({ params, body: input, ctx, req }) => {
        admin(req);
        return e.present(await e.update(deps, ctx, params.id, input));
      },
    }),
    defineRoute<{ params: IdParams }>({
      method: 'DELETE',
      path: `${base}/:id`,
      summary: `Delete a ${e.one}`,
      description: e.inUse,
      tags: TAGS,
      params: ID,
      responses: { 204: 'empty' },
      handler: async ({ params, ctx, req }) => {
        admin(req);
        await e.remove(deps, ctx, params.id);
      },
    }),
  ];
}

export function configRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  const [listLocations, ...locationRoutes] = crudRoutes(deps, {
    path: 'work-locations',
    one: 'work location (polling station)',
    many: 'work locations (polling stations)',
    schema: 'config-work-location',
    list: listWorkLocations,
    get: getWorkLocation,
    create: createWorkLocation,
    update: updateWorkLocation,
    remove: deleteWorkLocation,
    present: presentWorkLocation,
    inUse: 'Its choice of task types and teams goes with it. Refused (409 election.inUse) while an election uses it, a task slot is at it or someone is responsible for it.',
  });
  return [
    ...crudRoutes<Awaited<ReturnType<typeof getElectionType>>, ElectionType>(deps, {
      path: 'election-types',
      one: 'election type',
      many: 'election types',
      schema: 'config-election-type',
      list: listElectionTypes,
      get: getElectionType,
      create: createElectionType,
      update: updateElectionType,
      remove: deleteElectionType,
      present: presentElectionType,
      inUse: 'Refused (409 election.inUse) while an election is of this type.',
    }),
    ...crudRoutes<Awaited<ReturnType<typeof getArea>>, ElectionArea>(deps, {
      path: 'areas',
      one: 'area',
      many: 'areas',
      schema: 'config-area',
      list: listAreas,
      get: getArea,
      create: createArea,
      update: updateArea,
      remove: deleteArea,
      present: presentArea,
      inUse: 'Refused (409 election.inUse) while work locations are in it.',
    }),
    // The list of work locations takes ?areaId= (the rest as for the others).
    defineRoute<{ query: ElectionWorkLocationQuery; response: ElectionWorkLocationList }>({
      ...(listLocations as RouteSpec),
      query: 'election/config-work-location-query.schema.json',
      description: 'Of one area with ?areaId=.',
      handler: async ({ query, actor, req }) => {
        onSite(req, 'admin');
        return listOf(await listWorkLocations(deps, actor, query.areaId ? { areaId: query.areaId } : {}), presentWorkLocation);
      },
    }),
    ...(locationRoutes as RouteSpec[]),
    ...crudRoutes<Awaited<ReturnType<typeof getTaskType>>, ElectionTaskType>(deps, {
      path: 'task-types',
      one: 'task type',
      many: 'task types',
      schema: 'config-task-type',
      list: listTaskTypes,
      get: getTaskType,
      create: createTaskType,
      update: updateTaskType,
      remove: deleteTaskType,
      present: presentTaskType,
      inUse: 'Its files go with it. Refused (409 election.inUse) while a work location uses it or a task slot is of it.',
    }),
    defineRoute<{ params: IdParams; response: ElectionTaskTypeFileList }>({
      method: 'GET',
      path: '/election/task-types/:id/files',
      summary: 'A task type’s files (name, type, size; never the bytes)',
      tags: TAGS,
      params: ID,
      responses: { 200: 'election/config-task-type-file-list.schema.json' },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        return listOf(await listTaskTypeFiles(deps, actor, params.id), presentTaskTypeFile);
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: ElectionTaskTypeFile }>({
      method: 'POST',
      path: '/election/task-types/:id/files',
      summary: 'Attach a file (PDF, ODT or DOCX) to a task type',
      description: 'Base64 in the JSON body, at most 5 MiB decoded (413 election.fileTooLarge). Its type is read from its bytes: anything but a PDF, ODT or DOCX document answers 400 election.fileType.',
      tags: TAGS,
      params: ID,
      body: 'election/config-task-type-file.schema.json',
      responses: { 201: 'election/config-task-type-file-record.schema.json' },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        return presentTaskTypeFile(await addTaskTypeFile(deps, ctx, params.id, body));
      },
    }),
    defineRoute<{ params: ElectionTaskTypeFileParams }>({
      method: 'GET',
      path: '/election/task-types/:id/files/:fileId',
      summary: 'Download a task type’s file',
      description: 'With the content type read from its bytes when it was attached, as an attachment (never shown inline).',
      tags: TAGS,
      params: 'election/config-task-type-file-params.schema.json',
      responses: { 200: { raw: 'application/pdf', description: 'The file with its own content type: application/pdf, application/vnd.oasis.opendocument.text or application/vnd.openxmlformats-officedocument.wordprocessingml.document' } },
      handler: async ({ params, actor, req, res }) => {
        onSite(req, 'admin');
        const file = await taskTypeFile(deps, actor, params.id, params.fileId);
        res
          .status(200)
          .set({ 'Content-Type': file.content_type, 'Content-Disposition': contentDisposition(file.file_name), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' })
          .end(file.content);
      },
    }),
    defineRoute<{ params: ElectionTaskTypeFileParams }>({
      method: 'DELETE',
      path: '/election/task-types/:id/files/:fileId',
      summary: 'Remove a file from a task type',
      tags: TAGS,
      params: 'election/config-task-type-file-params.schema.json',
      responses: { 204: 'empty' },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'admin');
        await deleteTaskTypeFile(deps, ctx, params.id, params.fileId);
      },
    }),
    ...crudRoutes<Awaited<ReturnType<typeof getTeam>>, ElectionTeam>(deps, {
      path: 'teams',
      one: 'team',
      many: 'teams',
      schema: 'config-team',
      list: listTeams,
      get: getTeam,
      create: createTeam,
      update: updateTeam,
      remove: deleteTeam,
      present: presentTeam,
      inUse: 'Refused (409 election.inUse) while a work location uses it, a task slot is the team’s, it has members or someone is its responsible.',
    }),
    ...crudRoutes<Awaited<ReturnType<typeof getSpecialDiet>>, ElectionSpecialDiet>(deps, {
      path: 'special-diets',
      one: 'special diet',
      many: 'special diets',
      schema: 'config-special-diet',
      list: listSpecialDiets,
      get: getSpecialDiet,
      create: createSpecialDiet,
      update: updateSpecialDiet,
      remove: deleteSpecialDiet,
      present: presentSpecialDiet,
      inUse: 'Always allowed: participants’ choices are sealed with them, and a choice of a deleted diet is no longer shown.',
    }),
    defineRoute<{ response: ElectionSite }>({
      method: 'GET',
      path: '/election/site',
      summary: 'The public site’s election pages as configured',
      description: 'The defaults (updatedAt null) until first saved.',
      tags: TAGS,
      responses: { 200: 'election/config-site-record.schema.json' },
      handler: async ({ actor, req }) => {
        onSite(req, 'admin');
        return presentSite(await getSite(deps, actor));
      },
    }),
    defineRoute<{ body: unknown; response: ElectionSite }>({
      method: 'PUT',
      path: '/election/site',
      summary: 'Replace the public site’s election pages',
      description: 'Front page text per language, FAQ (on or off, at most 50 entries), privacy statement (a consentStatement form of this tenant), consent on or off, contact information.',
      tags: TAGS,
      body: 'election/config-site.schema.json',
      responses: { 200: 'election/config-site-record.schema.json' },
      handler: async ({ body, ctx, req }) => {
        onSite(req, 'admin');
        return presentSite(await updateSite(deps, ctx, body));
      },
    }),
  ];
}
