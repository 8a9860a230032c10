// Forms over HTTP, under /api/forms. Administrators: list, create, read, save the draft, publish, re-publish,
// read submissions. Anyone the site serves: fetch a published version and submit against it.
import { Router, type Request } from 'express';
import type { SubmissionsQuery } from '../../../schemas/types/api-submissions-query';
import type { CommandContext } from '../../audit/record';
import { createForm, deleteForm, publishForm, republishFormVersion, saveFormDraft } from '../../commands/forms';
import { submitForm } from '../../commands/submit-form';
import type { Database } from '../../db/database';
import { NotFoundError, ValidationError } from '../../errors';
import type { Identity } from '../../identity';
import { exportSubmissionsCsv } from '../../queries/export-submissions';
import { listForms, listSubmissions, loadForm, loadFormVersion } from '../../queries/forms';
import { validateQuery } from '../../validation';
import { validatorModule } from '../../forms/precompiled-validator';
import { publishProblems } from '../../forms/publishable';
import { loadBuiltinForm } from '../../../forms/builtin';
import type { FlowTemporal } from '../../flows/workflows';
import { param, versionParam } from '../params';

/** Draft bodies may be as large as a definition; everything else under /api stays at 64 KB. */
export const DEFINITION_BODY_LIMIT = '256kb';
export const isDefinitionBody = (req: Request): boolean => req.method !== 'GET' && /^\/(forms|flows)(\/[^/]+\/(draft|preview))?\/?$/.test(req.path);

/** `?locale=da|sv|en` of a validator module; anything else is not a module we serve. */
function localeParam(req: Request): 'da' | 'sv' | 'en' {
  const locale = String(req.query.locale);
  if (locale !== 'da' && locale !== 'sv' && locale !== 'en') throw new NotFoundError();
  return locale;
}

// `_flows` is no longer used here (a submission's flow is started through the flow outbox); api.ts still passes it.
export function formsRouter(db: Database, identity: Identity, contextOf: (req: Request) => CommandContext, _flows: FlowTemporal): Router {
  const forms = Router();

  // A fixed form with every supported field type (forms/builtin/field-showcase.json), for the renderer's
  // test page /forms/showcase: nothing is stored, it belongs to no tenant.
  // It has one version; any other names nothing.
  const showcaseVersion = (req: Request) => {
    if (!['1', 'latest'].includes(param(req, 'version'))) throw new NotFoundError();
  };
  forms.get('/showcase/versions/:version', (req, res) => {
    showcaseVersion(req);
    res.json({ id: 'showcase', version: 1, definition: loadBuiltinForm('field-showcase.json') });
  });
  forms.get('/showcase/versions/:version/validator.js', (req, res) => {
    showcaseVersion(req);
    const locale = localeParam(req);
    res.type('text/javascript').set('Cache-Control', 'private, max-age=3600').send(validatorModule(loadBuiltinForm('field-showcase.json'), locale));
  });

  forms.get('/', async (req, res) => {
    res.json({ forms: await listForms(db, req.actor!) });
  });

  forms.post('/', async (req, res) => {
    res.status(201).json(await createForm(db, contextOf(req), req.body));
  });

  forms.get('/:id', async (req, res) => {
    res.json(await loadForm(db, req.actor!, param(req, 'id')));
  });

  // What stands between the draft and publishing, as field errors (an empty list: it may be published).
  forms.get('/:id/problems', async (req, res) => {
    const { draft } = await loadForm(db, req.actor!, param(req, 'id'));
    res.json({ problems: publishProblems(draft) });
  });

  // The designer's live preview validates the saved draft with code compiled here, like a published version.
  forms.get('/:id/draft/validator.js', async (req, res) => {
    const locale = localeParam(req);
    const { draft } = await loadForm(db, req.actor!, param(req, 'id'));
    let code: string;
    try {
      code = validatorModule(draft, locale);
    } catch (err) {
      throw new ValidationError([{ field: '/schema', message: `cannot be compiled: ${err instanceof Error ? err.message : String(err)}` }]);
    }
    res.type('text/javascript').set('Cache-Control', 'no-store').send(code);
  });

  forms.delete('/:id', async (req, res) => {
    await deleteForm(db, contextOf(req), param(req, 'id'));
    res.status(204).end();
  });

  // The saved draft comes back with what stands between it and publishing, so an editor needs one request.
  forms.put('/:id/draft', async (req, res) => {
    const draft = await saveFormDraft(db, contextOf(req), param(req, 'id'), req.body);
    res.json({ draft, problems: publishProblems(draft) });
  });

  forms.post('/:id/publish', async (req, res) => {
    res.status(201).json(await publishForm(db, contextOf(req), param(req, 'id')));
  });

  forms.post('/:id/versions/:version/republish', async (req, res) => {
    res.status(201).json(await republishFormVersion(db, contextOf(req), param(req, 'id'), versionParam(param(req, 'version'))));
  });

  // The browser's validator for this version in one language, as an ES module (see precompiled-validator.ts).
  forms.get('/:id/versions/:version/validator.js', async (req, res) => {
    const locale = localeParam(req);
    const published = await loadFormVersion(db, req.actor!, param(req, 'id'), versionParam(param(req, 'version')));
    res.type('text/javascript').set('Cache-Control', 'private, max-age=3600').send(validatorModule(published.definition, locale));
  });

  forms.get('/:id/versions/:version', async (req, res) => {
    const version = param(req, 'version') === 'latest' ? 'latest' : versionParam(param(req, 'version'));
    res.json(await loadFormVersion(db, req.actor!, param(req, 'id'), version));
  });

  forms.post('/:id/versions/:version/submissions', async (req, res) => {
    const ctx = contextOf(req);
    // Committed with an outbox row that starts its flow's workflow: the answer never waits for Temporal.
    const submitted = await submitForm(identity, ctx, param(req, 'id'), versionParam(param(req, 'version')), req.body);
    res.status(201).json({ id: submitted.id, version: submitted.version, reference: submitted.reference, ...(submitted.flow ? { status: submitted.flow.status } : {}) });
  });

  forms.get('/:id/submissions.csv', async (req, res) => {
    const query = validateQuery<SubmissionsQuery>('api/submissions-query.schema.json', req.query as Record<string, unknown>);
    const fileName = `submissions-${param(req, 'id').slice(0, 8)}${query.version ? `-v${query.version}` : ''}.csv`;
    await exportSubmissionsCsv(identity, req.actor!, param(req, 'id'), { ...(query.version ? { version: query.version } : {}), requestId: String(req.id) }, res, () => res.type('text/csv; charset=utf-8').attachment(fileName));
  });

  forms.get('/:id/submissions', async (req, res) => {
    const query = validateQuery<SubmissionsQuery>('api/submissions-query.schema.json', req.query as Record<string, unknown>);
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    const result = await listSubmissions(identity, req.actor!, param(req, 'id'), { ...(query.version ? { version: query.version } : {}), limit: pageSize, offset: (page - 1) * pageSize });
    res.json({ ...result, page, pageSize });
  });

  return forms;
}
