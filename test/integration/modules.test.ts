// The module seam: everything the platform knows about modules comes from engine/modules/index.ts, so what
// lists modules elsewhere (schemas, the database's checks) must equal what the list derives, and platform
// code names no module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { flowPublishProblems } from '../../engine/flows/publishable';
import { grantKinds, MODULES, moduleNames } from '../../engine/modules';
import { builtinFlows, builtinForms, formKinds, loadBuiltinFlow } from '../../engine/modules/builtins';
import { actionNames, installModule, isKnownSubjectType } from '../../engine/flows/registry';
import { PLATFORM_ACTIONS as PLATFORM_POLICY_ACTIONS } from '../../engine/policies';
import { ownerDb, suiteDatabase } from '../helpers/factories';

suiteDatabase();

it('a flow publishes only for an installed module, and every built-in flow belongs to the module that ships it', () => {
  const draft = { ...loadBuiltinFlow('application.flow.json'), module: 'nosuchmodule' };
  const refs = { templates: new Set<string>(), roles: new Set<string>(), forms: new Set<string>(), flows: new Set<string>(), retentionMonths: 24 };
  expect(flowPublishProblems(draft, refs).map((p) => p.field)).toContain('/module');
  expect(flowPublishProblems({ ...draft, module: 'eservices' }, refs).map((p) => p.field)).not.toContain('/module');
  for (const m of MODULES) for (const f of m.builtinFlows ?? []) expect([f.file, loadBuiltinFlow(f.file).module]).toEqual([f.file, m.name]);
  for (const f of builtinFlows()) expect([f.file, isKnownSubjectType(loadBuiltinFlow(f.file).subjectType)]).toEqual([f.file, true]);
});

it('form kinds: the database accepts exactly the platform’s and the modules’ kinds (a module adding one extends the check in its own migration)', async () => {
  const [check] = await ownerDb().query<{ def: string }>("SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'form_definitions_kind_check'", { type: QueryTypes.SELECT });
  expect([...check!.def.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort()).toEqual(formKinds().sort());
  for (const f of builtinForms()) expect([f.file, formKinds().includes((JSON.parse(readFileSync(f.path, 'utf8')) as { kind: string }).kind)]).toEqual([f.file, true]);
});

it('no module claims a name twice: flow actions, subject types and policy actions', () => {
  expect(() => installModule({ name: 'duplicate', actions: { notify: {} as never } })).toThrow(/notify/);
  expect(() => installModule({ name: 'again', subjectTypes: { formSubmission: {} as never } })).toThrow(/formSubmission/);
  expect(new Set(actionNames()).size).toBe(actionNames().length);
  const policyActions = [...PLATFORM_POLICY_ACTIONS, ...MODULES.flatMap((m) => Object.keys(m.policies ?? {}))];
  expect(policyActions.length).toBe(new Set(policyActions).size);
  for (const m of MODULES) for (const action of Object.keys(m.policies ?? {})) expect(action.startsWith(`${m.name}.`)).toBe(true);
});

it('grant kinds: each declared by one module, in the form the database checks (it lists none)', async () => {
  const kinds = grantKinds();
  expect(new Set(kinds).size).toBe(kinds.length);
  const [check] = await ownerDb().query<{ def: string }>("SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'responsibility_grants_kind_check'", { type: QueryTypes.SELECT });
  const format = new RegExp(/'(\^[^']+\$)'/.exec(check!.def)![1]!);
  for (const kind of kinds) expect([kind, format.test(kind)]).toEqual([kind, true]);
  for (const kind of kinds) expect(check!.def).not.toContain(kind);
});

/**
 * Source files of the platform: everything but the modules' own folders (`modules/`, and a module's folder or file
 * named after it in an area, as workflows/<name>/ and activities/<name>.ts), migrations (history) and tests.
 */
function platformFiles(dir: string): string[] {
  const own = new Set(moduleNames());
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', 'dist', 'modules', 'migrations', 'builtin'].includes(name) || own.has(name.replace(/\.tsx?$/, ''))) return [];
    if (statSync(path).isDirectory()) return platformFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

it('platform code names no module', () => {
  const names = moduleNames().join('|');
  const naming = new RegExp(`['"\`](${names})['"\`/]`);
  const offenders = ['engine', 'activities', 'workflows', 'forms', 'admin-ui/src', 'public-ui/src', 'scripts'].flatMap(platformFiles).filter((file) => naming.test(readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});
