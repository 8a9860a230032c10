/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The Swedish population register's (Navet) answer to an order for one or more personnummer: one Folkbokforingspost per person it knows, none for those it does not (a JSON rendering of Navet's record, as the registry simulator serves it). Read by engine/registry/navet-client.ts, which checks every answer against this schema before it maps it.
 */
export interface NavetResponse {
  /**
   * @maxItems 1000
   */
  Folkbokforingsposter: Folkbokforingspost[];
  [k: string]: unknown;
}
export interface Folkbokforingspost {
  Personpost: Personpost;
  [k: string]: unknown;
}
export interface Personpost {
  PersonId: {
    PersonNr: string;
    [k: string]: unknown;
  };
  Namn: {
    Fornamn: string;
    Efternamn: string;
    [k: string]: unknown;
  };
  /**
   * YYYYMMDD
   */
  Fodelsedatum: string;
  Folkbokforing: {
    LanKod: string;
    /**
     * Within the county: LanKod + KommunKod is the 4-digit kommunkod
     */
    KommunKod: string;
    [k: string]: unknown;
  };
  Adresser?: {
    Folkbokforingsadress?: {
      Utdelningsadress2: string;
      PostNr?: string;
      Postort?: string;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  Medborgarskap: {
    MedborgarskapslandKod: string;
    [k: string]: unknown;
  };
  SkyddadFolkbokforing: "J" | "N";
  Sekretessmarkering: "J" | "N";
  Avregistrering?: {
    /**
     * AV deceased, UV emigrated, and others
     */
    AvregistreringsorsakKod: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
