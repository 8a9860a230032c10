// The public site's sign-up (the wizard of "Election staffing III"): a citizen logged in with e-ID signs up for a
// task a link offers; the receipt of a task they hold, as JSON and as PDF; their consent to keep their details for
// the next election. The person is always the login's. On the admin site these routes are not there (404).
import type { ElectionSignupConsent } from '../../../../schemas/types/election-signup-consent';
import type { ElectionSignupCreate } from '../../../../schemas/types/election-signup-create';
import type { ElectionSignupOptions } from '../../../../schemas/types/election-signup-options';
import type { ElectionSignupReceipt } from '../../../../schemas/types/election-signup-receipt';
import type { ElectionSignupSlotParams } from '../../../../schemas/types/election-signup-slot-params';
import { defineRoute, type RouteSpec } from '../../../http/route';
import type { ValidatorQuery } from '../../../../schemas/types/api-validator-query';
import { validatorModule } from '../../../forms/precompiled-validator';
import { citizenOf, recordConsent, signupFieldsForm, signupOptions } from '../commands/public/signup';
import { signUpWithReceipt } from '../commands/public/signup-batch';
import { receiptPdf } from '../exports/receipt-pdf';
import { myTaskReceipt } from '../queries/public/my-task-receipt';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: public site'];
const RECEIPT = 'election/signup-receipt.schema.json';

export function publicSignupRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ response: ElectionSignupOptions }>({
      method: 'GET',
      path: '/election/public/signup-options',
      summary: 'What the sign-up wizard offers to choose: the special diets, whether consent is asked, the signup template’s extra fields and each task type’s extra-fields form (anyone)',
      tags: TAGS,
      responses: { 200: 'election/signup-options.schema.json' },
      handler: async ({ tenantId, req }) => {
        onSite(req, 'public');
        return signupOptions(deps, tenantId);
      },
    }),
    defineRoute<{ query: ValidatorQuery }>({
      method: 'GET',
      path: '/election/public/signup-fields/validator.js',
      summary: 'The browser validator of the signup template’s extra fields as the wizard asks them (signup-options’ signupFields), in one language',
      description: 'An ES module as GET /api/forms/:id/versions/:version/validator.js serves one. No extra fields: an empty form’s validator.',
      tags: TAGS,
      query: 'api/validator-query.schema.json',
      responses: { 200: { raw: 'text/javascript', description: 'An ES module exporting the precompiled validators (Ajv standalone code)' } },
      handler: async ({ tenantId, query, req, res }) => {
        onSite(req, 'public');
        const definition = await signupFieldsForm(deps, tenantId);
        res.set('Cache-Control', 'no-cache');
        return validatorModule(definition, query.locale);
      },
    }),
    defineRoute<{ body: ElectionSignupCreate; response: ElectionSignupReceipt }>({
      method: 'POST',
      path: '/election/public/signups',
      summary: 'Sign up for a task a link offers (a citizen logged in with e-ID)',
      description:
        'The person is the one the e-ID login gave (a participant made from the civil registry when new). One vacant slot of the chosen group is taken. Refused with 409: election.notEligible (params.reasons: every reason), election.overlap (the task held at that time), election.slotTaken (params.alternatives: the link’s other vacant groups, the same date first). A link that does not work: 404. Nothing is written when refused. consent: true records the site’s consent statement with its version; declining changes nothing. Audited election.taskSignedUp.',
      tags: TAGS,
      body: 'election/signup-create.schema.json',
      responses: { 201: RECEIPT },
      handler: async ({ body, ctx, actor, req }) => {
        onSite(req, 'public');
        const citizen = await citizenOf(deps, req, actor);
        return signUpWithReceipt(deps, ctx, citizen, body);
      },
    }),
    defineRoute<{
      params: ElectionSignupSlotParams;
      response: ElectionSignupReceipt;
    }>({
      method: 'GET',
      path: '/election/public/my-tasks/:slotId/receipt',
      summary: 'The receipt of a task the logged-in citizen holds',
      description: 'Anyone else’s slot, a vacant one or none at all: 404 alike.',
      tags: TAGS,
      params: 'election/signup-slot-params.schema.json',
      responses: { 200: RECEIPT },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'public');
        const { locale: _locale, ...receipt } = await myTaskReceipt(deps, ctx, params.slotId);
        return receipt;
      },
    }),
    defineRoute<{ params: ElectionSignupSlotParams }>({
      method: 'GET',
      path: '/election/public/my-tasks/:slotId/receipt.pdf',
      summary: 'The receipt of a task the logged-in citizen holds, as PDF',
      description: 'In the tenant’s language. Anyone else’s slot, a vacant one or none at all: 404 alike.',
      tags: TAGS,
      params: 'election/signup-slot-params.schema.json',
      responses: {
        200: { raw: 'application/pdf', description: 'The PDF (A4)' },
      },
      handler: async ({ params, ctx, req, res }) => {
        onSite(req, 'public');
        const { locale, ...receipt } = await myTaskReceipt(deps, ctx, params.slotId);
        const pdf = await receiptPdf(receipt, locale);
        res.status(200).type('application/pdf');
        res.setHeader('Content-Disposition', `inline; filename="receipt-${receipt.date}.pdf"`);
        res.setHeader('Cache-Control', 'no-store');
        res.end(pdf);
      },
    }),
    defineRoute<{ response: ElectionSignupConsent }>({
      method: 'POST',
      path: '/election/public/consent',
      summary: 'Consent to keep my details for the next election (the wizard’s last, optional step)',
      description: 'Records the site’s consent statement, its newest published version, as the logged-in citizen’s consent. consentRecorded false: the site does not ask for consent. Giving it twice records it once.',
      tags: TAGS,
      responses: { 200: 'election/signup-consent.schema.json' },
      handler: async ({ ctx, actor, req }) => {
        onSite(req, 'public');
        await citizenOf(deps, req, actor);
        return { consentRecorded: await recordConsent(deps, ctx) };
      },
    }),
  ];
}
