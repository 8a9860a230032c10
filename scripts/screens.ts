// Screenshots of the main pages of both sites, for docs/screens/ (the README's "Screens" links them):
// `npm run screens -- after` (or `before`, run from an older checkout to compare). It starts what the tests
// start (test/global-setup.ts: PostgreSQL, Temporal, the workflow bundle), one Danish and one Swedish tenant
// with their built-in forms and flows, sends an application on each so the caseworker has a task, and visits
// each page as a citizen, an administrator and an operator would. Full-page PNGs, 1280 px and 360 px wide.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import globalSetup from '../test/global-setup';
import globalTeardown from '../test/global-teardown';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser';
import { closeOwnerDb, createTestTenant, ownerDb, type TestTenant } from '../test/helpers/factories';
import { request } from '../test/helpers/http';
import { startTestPlatform } from '../test/helpers/platform';

/** The test IdP's login, as test/helpers/browser.ts does it, without its axe check (no jest here). */
async function logIn(page: Page, person: RegExp): Promise<void> {
  await page.waitForURL(/idp\.localhost/);
  await page.getByLabel(person).check();
  await page.getByLabel('Level of assurance').selectOption({ label: 'Substantial' });
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.hostname.startsWith('idp.'));
}

const when = process.argv[2] === 'before' ? 'before' : 'after';
const dir = join(__dirname, '..', 'docs', 'screens');

async function main(): Promise<void> {
  await globalSetup();
  const dk = await createTestTenant({ country: 'DK', builtinForms: true, name: 'Korsbæk Kommune' });
  const se = await createTestTenant({ country: 'SE', builtinForms: true, name: 'Småköpings kommun' });
  const platform = await startTestPlatform([], { TEST_IDP: 'on' });
  const browser = await launchBrowser();
  mkdirSync(dir, { recursive: true });
  try {
    const formOf = async (t: TestTenant) =>
      (await ownerDb().query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'application-form.json'", { bind: [t.id], type: QueryTypes.SELECT }))[0]!.id;
    await request(platform.port, dk.publicHost, 'POST', `/api/forms/${await formOf(dk)}/versions/1/submissions`, {
      json: { applicantName: 'Agnes Jensen', applicantEmail: 'agnes@example.dk', association: 'Korsbæk Boldklub', amount: 2500, purpose: 'Sommerfest i parken for hele byen' },
    });
    await request(platform.port, se.publicHost, 'POST', `/api/forms/${await formOf(se)}/versions/1/submissions`, {
      json: { applicantName: 'Karin Lind', applicantEmail: 'karin@example.se', association: 'Småköpings IF', amount: 3000, purpose: 'Midsommarfest på torget' },
    });
    const shoot = async (page: Page, name: string) => {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(dir, `${name}-${when}.png`), fullPage: true });
      process.stdout.write(`wrote docs/screens/${name}-${when}.png\n`);
    };

    for (const [tenant, lang, person] of [
      [dk, 'da', /Lauritz Jensen/],
      [se, 'sv', /Birgitta Sjöberg/],
    ] as const) {
      // The citizen: the front page, the services, the form, at desktop width and on a phone.
      for (const width of [1280, 360]) {
        const page = await browser.newPage();
        await page.setViewportSize({ width, height: 900 });
        const suffix = width === 360 ? '-360' : '';
        await page.goto(platform.url(tenant.publicHost, '/'));
        await shoot(page, `${lang}-front${suffix}`);
        await page.goto(platform.url(tenant.publicHost, '/services'));
        await shoot(page, `${lang}-services${suffix}`);
        await page.close();
      }
      // The administrator: the overview with its navigation, the flow editor, the tasks, the audit log.
      const admin = await browser.newPage();
      await admin.setViewportSize({ width: 1280, height: 900 });
      await admin.goto(platform.url(tenant.adminHost, '/'));
      await logIn(admin, person);
      await shoot(admin, `${lang}-admin-overview`);
      const flows = (await admin.evaluate(async () => (await fetch('/api/flows')).json())) as { flows: { id: string; key: string }[] };
      const application = flows.flows.find((f) => f.key === 'application');
      if (application) {
        await admin.goto(platform.url(tenant.adminHost, `/flows/${application.id}`));
        await shoot(admin, `${lang}-flow-editor`);
      }
      await admin.goto(platform.url(tenant.adminHost, '/tasks'));
      await shoot(admin, `${lang}-tasks`);
      await admin.goto(platform.url(tenant.adminHost, '/audit-log'));
      await shoot(admin, `${lang}-audit-log`);
      await admin.goto(platform.url(tenant.adminHost, '/no-such-page'));
      await shoot(admin, `${lang}-admin-not-found`);
      // An administrator without the operator privilege, at the Temporal UI.
      await admin.goto(platform.url(tenant.adminHost, '/temporal/namespaces/tingvalla/workflows'));
      await shoot(admin, `${lang}-operator-refused`);
      await admin.close();
    }
  } finally {
    await browser.close();
    await platform.stop();
    await closeOwnerDb();
    await globalTeardown();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
