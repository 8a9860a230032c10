/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The team's invite link (a team link: it offers the team's vacant tasks) on this public site, with its QR code.
 */
export interface ElectionPublicTeamLink {
  id: string;
  kind: "team";
  url: string;
  qrSvg: string;
  expiresAt: string;
}
