/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export type NamedList = Named[];

/**
 * A task link as the admin site shows it: what it offers (the slot, the team or the filters, with names), its URL on the public site and that URL as a QR code (SVG, for posters), and whether it still works.
 */
export interface ElectionLink {
  id: string;
  kind: "task" | "tasks" | "team";
  electionId: string;
  /**
   * kind task: the slot.
   */
  slot?: {
    id: string;
    date: string;
    workLocation: Named;
    taskType: Named;
    team: Named;
    vacant: boolean;
  };
  team?: Named1;
  /**
   * kind tasks: the filters, each id with its name (an id whose row is gone is left out).
   */
  filters?: {
    teams: NamedList;
    dates: string[];
    areas: NamedList;
    workLocations: NamedList;
    taskTypes: NamedList;
  };
  /**
   * The link on the tenant's public site (empty when the tenant has no public host).
   */
  url: string;
  /**
   * The URL as a QR code, an SVG document (empty with the URL).
   */
  qrSvg: string;
  status: "active" | "revoked" | "expired" | "electionInactive";
  /**
   * How many vacant slots the link offers now (0 once it no longer works).
   */
  vacant: number;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}
export interface Named {
  id: string;
  name: string;
}
/**
 * kind team: the team.
 */
export interface Named1 {
  id: string;
  name: string;
}
