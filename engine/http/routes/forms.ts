// Forms over HTTP, under /api/forms, as route specs (engine/http/route.ts). Administrators: list, create, read,
// save the draft, publish, re-publish, read and export submissions. Anyone the site serves: fetch a published
// version (and its validator) and submit against it.
import type { Request } from 'express';
import type { Created } from '../../../schemas/types/api-created';
import type { FieldProblems } from '../../../schemas/types/api-field-problems';
import type { FormAnswers } from '../../../schemas/types/api-form-answers';
import type { FormCreateInput } from '../../../schemas/types/api-form-create';
import type { FormDetail } from '../../../schemas/types/api-form-detail';
import type { FormDraftSaved } from '../../../schemas/types/api-form-draft-saved';
import type { FormList } from '../../../schemas/types/api-form-list';
import type { FormSlugParams } from '../../../schemas/types/api-form-slug-params';
import type { FormVersion } from '../../../schemas/types/api-form-version';
import type { FormVersionParams } from '../../../schemas/types/api-form-version-params';
import type { IdParams } from '../../../schemas/types/api-id-params';
import type { ShowcaseVersionParams } from '../../../schemas/types/api-showcase-version-params';
import type { SubmissionReceipt } from '../../../schemas/types/api-submission-receipt';
import type { SubmissionsPage } from '../../../schemas/types/api-submissions-page';
import type { SubmissionsExportQuery } from '../../../schemas/types/api-submissions-export-query';
import type { SubmissionsQuery } from '../../../schemas/types/api-submissions-query';
import type { ValidatorQuery } from '../../../schemas/types/api-validator-query';
import type { VersionParams } from '../../../schemas/types/api-version-params';
import type { VersionPublished } from '../../../schemas/types/api-version-published';
import type { FormDefinitionDraft } from '../../../schemas/types/forms-form-definition-draft';
import { createForm, deleteForm, publishForm, republishFormVersion, saveFormDraft } from '../../commands/forms';
import { submitForm } from '../../commands/submit-form';
import type { Database } from '../../db/database';
import { ValidationError } from '../../errors';
import type { Identity } from '../../identity';
import { exportSubmissionsCsv } from '../../queries/export-submissions';
import { loadTenant } from '../../queries/tenant';
import { listForms, listSubmissions, loadForm, loadFormVersion, loadFormVersionBySlug } from '../../queries/forms';
import { validatorModule } from '../../forms/precompiled-validator';
import { publishProblems } from '../../forms/publishable';
import { loadBuiltinForm } from '../../../forms/builtin';
import { defineRoute, type RouteSpec } from '../route';

/** Draft bodies may be as large as a definition; everything else under /api stays at 64 KB. */
export const DEFINITION_BODY_LIMIT = '256kb';
export const isDefinitionBody = (req: Request): boolean => req.method !== 'GET' && /^\/(forms|flows)(\/[^/]+\/(draft|preview))?\/?$/.test(req.path);

const ID = 'api/id-params.schema.json';
const VALIDATOR_MODULE = { raw: 'text/javascript', description: 'An ES module exporting the precompiled validators (Ajv standalone code)' } as const;

export function formRoutes({ db, identity }: { db: Database; identity: Identity }): RouteSpec[] {
  return [
    // A fixed form with every supported field type (forms/builtin/field-showcase.json), for the renderer's
    // test page /forms/showcase: nothing is stored, it belongs to no tenant. It has one version.
    defineRoute<{ params: ShowcaseVersionParams; response: FormVersion }>({
      method: 'GET',
      path: '/forms/showcase/versions/:version',
      summary: 'The showcase form: every supported field type',
      tags: ['Forms'],
      params: 'api/showcase-version-params.schema.json',
      responses: { 200: 'api/form-version.schema.json' },
      handler: () => ({ id: 'showcase', version: 1, definition: loadBuiltinForm('field-showcase.json') as FormDefinitionDraft }),
    }),
    defineRoute<{ params: ShowcaseVersionParams; query: ValidatorQuery }>({
      method: 'GET',
      path: '/forms/showcase/versions/:version/validator.js',
      summary: 'The showcase form’s validator in one language',
      tags: ['Forms'],
      params: 'api/showcase-version-params.schema.json',
      query: 'api/validator-query.schema.json',
      responses: { 200: VALIDATOR_MODULE },
      handler: ({ query, res }) => {
        res.set('Cache-Control', 'private, max-age=3600');
        return validatorModule(loadBuiltinForm('field-showcase.json'), query.locale);
      },
    }),
    // The public site's readable form addresses (/forms/<slug>) resolve here; the answer carries the form's id,
    // which the validator and the submission go by.
    defineRoute<{ params: FormSlugParams; response: FormVersion }>({
      method: 'GET',
      path: '/forms/by-slug/:slug',
      summary: 'The newest published version of a form, by its readable address',
      tags: ['Forms'],
      params: 'api/form-slug-params.schema.json',
      responses: { 200: 'api/form-version.schema.json' },
      handler: ({ actor, params }) => loadFormVersionBySlug(db, actor, params.slug),
    }),
    defineRoute<{ response: FormList }>({
      method: 'GET',
      path: '/forms',
      summary: 'Forms',
      tags: ['Forms'],
      responses: { 200: 'api/form-list.schema.json' },
      handler: async ({ actor }) => ({ forms: await listForms(db, actor) }),
    }),
    defineRoute<{ body: FormCreateInput; response: Created }>({
      method: 'POST',
      path: '/forms',
      summary: 'Create a form',
      tags: ['Forms'],
      body: 'api/form-create.schema.json',
      responses: { 201: 'api/created.schema.json' },
      handler: ({ ctx, body }) => createForm(db, ctx, body),
    }),
    defineRoute<{ params: IdParams; response: FormDetail }>({
      method: 'GET',
      path: '/forms/:id',
      summary: 'A form with its draft and versions',
      tags: ['Forms'],
      params: ID,
      responses: { 200: 'api/form-detail.schema.json' },
      handler: ({ actor, params }) => loadForm(db, actor, params.id),
    }),
    // What stands between the draft and publishing, as field errors (an empty list: it may be published).
    defineRoute<{ params: IdParams; response: FieldProblems }>({
      method: 'GET',
      path: '/forms/:id/problems',
      summary: 'What stands between a form’s draft and publishing',
      tags: ['Forms'],
      params: ID,
      responses: { 200: 'api/field-problems.schema.json' },
      handler: async ({ actor, params }) => ({ problems: publishProblems((await loadForm(db, actor, params.id)).draft) }),
    }),
    // The designer's live preview validates the saved draft with code compiled here, like a published version.
    defineRoute<{ params: IdParams; query: ValidatorQuery }>({
      method: 'GET',
      path: '/forms/:id/draft/validator.js',
      summary: 'The validator of a form’s saved draft in one language',
      tags: ['Forms'],
      params: ID,
      query: 'api/validator-query.schema.json',
      responses: { 200: VALIDATOR_MODULE },
      handler: async ({ actor, params, query, res }) => {
        const { draft } = await loadForm(db, actor, params.id);
        let code: string;
        try {
          code = validatorModule(draft, query.locale);
        } catch (err) {
          throw new ValidationError([{ field: '/schema', message: `cannot be compiled: ${err instanceof Error ? err.message : String(err)}` }]);
        }
        res.set('Cache-Control', 'no-store');
        return code;
      },
    }),
    defineRoute<{ params: IdParams }>({
      method: 'DELETE',
      path: '/forms/:id',
      summary: 'Delete a form',
      tags: ['Forms'],
      params: ID,
      responses: { 204: 'empty' },
      handler: ({ ctx, params }) => deleteForm(db, ctx, params.id),
    }),
    // The saved draft comes back with what stands between it and publishing, so an editor needs one request.
    defineRoute<{ params: IdParams; body: FormDefinitionDraft; response: FormDraftSaved }>({
      method: 'PUT',
      path: '/forms/:id/draft',
      summary: 'Save a form’s draft',
      tags: ['Forms'],
      params: ID,
      body: 'forms/form-definition-draft.schema.json',
      responses: { 200: 'api/form-draft-saved.schema.json' },
      handler: async ({ ctx, params, body }) => {
        const draft = await saveFormDraft(db, ctx, params.id, body);
        return { draft, problems: publishProblems(draft) };
      },
    }),
    defineRoute<{ params: IdParams; response: VersionPublished }>({
      method: 'POST',
      path: '/forms/:id/publish',
      summary: 'Publish a form’s draft as its next version',
      tags: ['Forms'],
      params: ID,
      responses: { 201: 'api/version-published.schema.json' },
      handler: ({ ctx, params }) => publishForm(db, ctx, params.id),
    }),
    defineRoute<{ params: VersionParams; response: VersionPublished }>({
      method: 'POST',
      path: '/forms/:id/versions/:version/republish',
      summary: 'Publish an old version again, as the next version',
      tags: ['Forms'],
      params: 'api/version-params.schema.json',
      responses: { 201: 'api/version-published.schema.json' },
      handler: ({ ctx, params }) => republishFormVersion(db, ctx, params.id, params.version),
    }),
    // The browser's validator for this version in one language, as an ES module (see precompiled-validator.ts).
    defineRoute<{ params: VersionParams; query: ValidatorQuery }>({
      method: 'GET',
      path: '/forms/:id/versions/:version/validator.js',
      summary: 'The validator of a published version in one language',
      tags: ['Forms'],
      params: 'api/version-params.schema.json',
      query: 'api/validator-query.schema.json',
      responses: { 200: VALIDATOR_MODULE },
      handler: async ({ actor, params, query, res }) => {
        const published = await loadFormVersion(db, actor, params.id, params.version);
        res.set('Cache-Control', 'private, max-age=3600');
        return validatorModule(published.definition, query.locale);
      },
    }),
    defineRoute<{ params: FormVersionParams; response: FormVersion }>({
      method: 'GET',
      path: '/forms/:id/versions/:version',
      summary: 'A published version of a form (or the latest)',
      tags: ['Forms'],
      params: 'api/form-version-params.schema.json',
      responses: { 200: 'api/form-version.schema.json' },
      handler: ({ actor, params }) => loadFormVersion(db, actor, params.id, params.version),
    }),
    defineRoute<{ params: VersionParams; body: FormAnswers; response: SubmissionReceipt }>({
      method: 'POST',
      path: '/forms/:id/versions/:version/submissions',
      summary: 'Hand in a filled form',
      description: 'The answers are checked against that version’s schema (fields it does not ask are refused), sealed with the tenant’s key and stored; a flow attached to the form starts.',
      tags: ['Forms'],
      params: 'api/version-params.schema.json',
      body: 'api/form-answers.schema.json',
      responses: { 201: 'api/submission-receipt.schema.json' },
      handler: async ({ ctx, params, body }) => {
        // Committed with an outbox row that starts its flow's workflow: the answer never waits for Temporal.
        const submitted = await submitForm(identity, ctx, params.id, params.version, body);
        return { id: submitted.id, version: submitted.version, reference: submitted.reference, ...(submitted.flow ? { status: submitted.flow.status } : {}) };
      },
    }),
    defineRoute<{ params: IdParams; query: SubmissionsExportQuery }>({
      method: 'GET',
      path: '/forms/:id/submissions.csv',
      summary: 'A form’s submissions as CSV',
      description: 'Headed by the field labels in `locale` (the tenant’s language when absent), values by their option labels; `keys=true` heads by the field keys with raw values instead. Streamed in batches; cells a spreadsheet would run as formulas are neutralised. Audited before the first byte.',
      tags: ['Forms'],
      params: ID,
      query: 'api/submissions-export-query.schema.json',
      responses: { 200: { raw: 'text/csv', description: 'CSV, one row per submission' } },
      handler: async ({ actor, params, query, req, res }) => {
        const fileName = `submissions-${params.id.slice(0, 8)}${query.version ? `-v${query.version}` : ''}.csv`;
        const settings = { locale: query.locale ?? (await loadTenant(db, actor.tenantId)).defaultLocale, keys: query.keys === true, ...(query.version ? { version: query.version } : {}), requestId: String(req.id) };
        await exportSubmissionsCsv(identity, actor, params.id, settings, res, () => res.type('text/csv; charset=utf-8').attachment(fileName));
      },
    }),
    defineRoute<{ params: IdParams; query: SubmissionsQuery; response: SubmissionsPage }>({
      method: 'GET',
      path: '/forms/:id/submissions',
      summary: 'A form’s submissions, one page',
      tags: ['Forms'],
      params: ID,
      query: 'api/submissions-query.schema.json',
      responses: { 200: 'api/submissions-page.schema.json' },
      handler: async ({ actor, params, query }) => {
        const pageSize = query.pageSize ?? 50;
        const page = query.page ?? 1;
        const result = await listSubmissions(identity, actor, params.id, { ...(query.version ? { version: query.version } : {}), limit: pageSize, offset: (page - 1) * pageSize });
        return { ...result, page, pageSize };
      },
    }),
  ];
}
