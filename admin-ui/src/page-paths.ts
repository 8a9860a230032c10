// The admin site's own page paths, in one plain list (no React), so the server — which answers any other path
// with 404 (engine/http/admin-site-pages.ts) — can be checked against the routes App.tsx actually has.
export const ADMIN_PAGE_PATHS = {
  overview: '/',
  forms: '/forms',
  formDesigner: '/forms/:id',
  formSubmissions: '/forms/:id/submissions',
  flows: '/flows',
  flowEditor: '/flows/:id',
  instances: '/flow-instances',
  tasks: '/tasks',
  messages: '/messages',
  outbox: '/outbox',
  auditLog: '/audit-log',
  contact: '/settings/contact',
  loggedOut: '/logged-out',
} as const;
