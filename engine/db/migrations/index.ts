// The ordered list of migrations. Listed explicitly (not globbed) so tsx, jest and the bundle agree.
import type { MigrationFn } from '../migrator';
import * as m0001 from './0001-current-tenant-function';
import * as m0002 from './0002-create-tenants';
import * as m0003 from './0003-create-tenant-hosts';
import * as m0004 from './0004-create-audit-log';
import * as m0005 from './0005-chain-audit-log';
import * as m0006 from './0006-audit-purge-function';
import * as m0007 from './0007-create-tenant-keys';
import * as m0008 from './0008-create-users';
import * as m0009 from './0009-create-sessions';
import * as m0010 from './0010-create-saml-requests';
import * as m0011 from './0011-create-saml-service-providers';
import * as m0012 from './0012-create-responsibility-grants';
import * as m0013 from './0013-create-form-definitions';
import * as m0014 from './0014-create-form-versions';
import * as m0015 from './0015-create-form-submissions';
import * as m0016 from './0016-create-consent-records';
import * as m0017 from './0017-allow-deleting-form-drafts';
import * as m0018 from './0018-create-flow-definitions';
import * as m0019 from './0019-create-flow-versions';
import * as m0020 from './0020-create-flow-instances';
import * as m0021 from './0021-create-flow-tasks';
import * as m0022 from './0022-create-message-templates';
import * as m0023 from './0023-create-communication-log';
import * as m0024 from './0024-create-flow-effects';
import * as m0025 from './0025-attach-flows-to-forms';
import * as m0026 from './0026-allow-erasing-submission-answers';
import * as m0027 from './0027-allow-e-service-forms';
import * as m0028 from './0028-create-flow-outbox';
import * as m0029 from './0029-flows-belong-to-modules';
import * as m0030 from './0030-add-form-slugs';
import * as m0031 from './0031-create-resume-session-function';
import * as m0032 from './0032-add-session-assurance-and-residency';
import * as m0033 from './0033-resume-session-with-login-facts';
import * as m0034 from './0034-deliver-flow-outbox-in-order';
import * as m0035 from './0035-create-resume-sessions-function';
import * as m0036 from './0036-grant-kinds-belong-to-modules';
import * as m0037 from './0037-add-delivery-attempts';
import * as m0040 from './0040-add-template-sms-and-channels';
import * as m0042 from './0042-chain-audit-log-at-commit';
import * as m0043 from './0043-chain-audit-log-once-per-commit';

interface MigrationModule {
  up: MigrationFn;
  down: MigrationFn;
}

export const migrations: { name: string; module: MigrationModule }[] = [
  { name: '0001-current-tenant-function', module: m0001 },
  { name: '0002-create-tenants', module: m0002 },
  { name: '0003-create-tenant-hosts', module: m0003 },
  { name: '0004-create-audit-log', module: m0004 },
  { name: '0005-chain-audit-log', module: m0005 },
  { name: '0006-audit-purge-function', module: m0006 },
  { name: '0007-create-tenant-keys', module: m0007 },
  { name: '0008-create-users', module: m0008 },
  { name: '0009-create-sessions', module: m0009 },
  { name: '0010-create-saml-requests', module: m0010 },
  { name: '0011-create-saml-service-providers', module: m0011 },
  { name: '0012-create-responsibility-grants', module: m0012 },
  { name: '0013-create-form-definitions', module: m0013 },
  { name: '0014-create-form-versions', module: m0014 },
  { name: '0015-create-form-submissions', module: m0015 },
  { name: '0016-create-consent-records', module: m0016 },
  { name: '0017-allow-deleting-form-drafts', module: m0017 },
  { name: '0018-create-flow-definitions', module: m0018 },
  { name: '0019-create-flow-versions', module: m0019 },
  { name: '0020-create-flow-instances', module: m0020 },
  { name: '0021-create-flow-tasks', module: m0021 },
  { name: '0022-create-message-templates', module: m0022 },
  { name: '0023-create-communication-log', module: m0023 },
  { name: '0024-create-flow-effects', module: m0024 },
  { name: '0025-attach-flows-to-forms', module: m0025 },
  { name: '0026-allow-erasing-submission-answers', module: m0026 },
  { name: '0027-allow-e-service-forms', module: m0027 },
  { name: '0028-create-flow-outbox', module: m0028 },
  { name: '0029-flows-belong-to-modules', module: m0029 },
  { name: '0030-add-form-slugs', module: m0030 },
  { name: '0031-create-resume-session-function', module: m0031 },
  { name: '0032-add-session-assurance-and-residency', module: m0032 },
  { name: '0033-resume-session-with-login-facts', module: m0033 },
  { name: '0034-deliver-flow-outbox-in-order', module: m0034 },
  { name: '0035-create-resume-sessions-function', module: m0035 },
  { name: '0036-grant-kinds-belong-to-modules', module: m0036 },
  { name: '0037-add-delivery-attempts', module: m0037 },
  { name: '0040-add-template-sms-and-channels', module: m0040 },
  { name: '0042-chain-audit-log-at-commit', module: m0042 },
  { name: '0043-chain-audit-log-once-per-commit', module: m0043 },
];
