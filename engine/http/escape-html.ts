// Text put into HTML the server writes itself (the served index page's head, the problem page, a public page's
// head): the five characters that could end an attribute or start a tag, as numeric references.
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
