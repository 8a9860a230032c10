// The three kinds of IdP Tingvalla speaks to, and how each says who logged in and how strongly:
// - nemlogin: citizens in Denmark, MitID through NemLog-in, OIOSAML 3 attributes (cprNumber, NSIS loa);
// - sweden-connect: citizens in Sweden, Swedish e-ID through a Sweden Connect IdP (personalIdentityNumber,
//   level of assurance as the AuthnContextClassRef);
// - municipal-sso: municipal employees (admin site), OIOSAML 3 with an NSIS loa and a privilege list
//   (privilegesIntermediate, base64 XML) carrying Tingvalla's roles.
import { DOMParser } from '@xmldom/xmldom';
import { parseCpr, parsePersonnummer, type ParsedPersonalNumber } from '../../../forms/formats/personal-number';
import type { Role } from '../../actors';
import type { Assurance } from '../service-providers';

export type IdpProfile = 'nemlogin' | 'sweden-connect' | 'municipal-sso';

export const OIOSAML3 = {
  specVersion: 'https://data.gov.dk/model/core/specVersion',
  loa: 'https://data.gov.dk/concept/core/nsis/loa',
  cprNumber: 'https://data.gov.dk/model/core/eid/cprNumber',
  firstName: 'https://data.gov.dk/model/core/eid/firstName',
  lastName: 'https://data.gov.dk/model/core/eid/lastName',
  email: 'https://data.gov.dk/model/core/eid/email',
  privileges: 'https://data.gov.dk/model/core/eid/privilegesIntermediate',
} as const;

export const SWEDEN_CONNECT = {
  personalIdentityNumber: 'urn:oid:1.2.752.29.4.13',
  givenName: 'urn:oid:2.5.4.42',
  sn: 'urn:oid:2.5.4.4',
  displayName: 'urn:oid:2.16.840.1.113730.3.1.241',
  loa: { low: 'http://id.elegnamnden.se/loa/1.0/loa2', substantial: 'http://id.elegnamnden.se/loa/1.0/loa3', high: 'http://id.elegnamnden.se/loa/1.0/loa4' },
} as const;

/** The privilege that makes an employee a Tingvalla role, as municipal SSO sends it. */
export const privilegeUri = (role: Role) => `http://tingvalla.dev/roles/${role}`;

export const NSIS_LOA: Record<Assurance, string> = { low: 'Low', substantial: 'Substantial', high: 'High' };
const ASSURANCE_ORDER: Assurance[] = ['low', 'substantial', 'high'];

export function atLeast(actual: Assurance, required: Assurance): boolean {
  return ASSURANCE_ORDER.indexOf(actual) >= ASSURANCE_ORDER.indexOf(required);
}

export interface VerifiedIdentity {
  kind: 'citizen' | 'employee';
  displayName: string;
  assurance: Assurance;
  personalNumber?: ParsedPersonalNumber;
  roles: Role[];
}

type Attributes = Record<string, string | string[] | undefined>;

const one = (attrs: Attributes, name: string): string | undefined => {
  const v = attrs[name];
  return Array.isArray(v) ? (v.length === 1 ? v[0] : undefined) : v;
};

function nsisAssurance(value: string | undefined): Assurance | undefined {
  return (Object.entries(NSIS_LOA) as [Assurance, string][]).find(([, v]) => v === value)?.[0];
}

function rolesFromPrivileges(base64: string | undefined): Role[] {
  if (!base64) return [];
  const doc = new DOMParser().parseFromString(Buffer.from(base64, 'base64').toString('utf8'), 'text/xml');
  const values = Array.from(doc.getElementsByTagName('Privilege')).map((e) => (e.textContent ?? '').trim());
  return (['administrator', 'operator'] as Role[]).filter((role) => values.includes(privilegeUri(role)));
}

/** Reads who logged in from a verified assertion's attributes; a reason string when they do not add up. */
export function readIdentity(profile: IdpProfile, attrs: Attributes, authnContextClassRef: string | undefined): VerifiedIdentity | string {
  if (profile === 'sweden-connect') {
    const assurance = (Object.entries(SWEDEN_CONNECT.loa) as [Assurance, string][]).find(([, v]) => v === authnContextClassRef)?.[0];
    const pn = parsePersonnummer(one(attrs, SWEDEN_CONNECT.personalIdentityNumber) ?? '');
    const name = one(attrs, SWEDEN_CONNECT.displayName) ?? [one(attrs, SWEDEN_CONNECT.givenName), one(attrs, SWEDEN_CONNECT.sn)].filter(Boolean).join(' ');
    if (!assurance) return 'unknown level of assurance';
    if (!pn) return 'missing or invalid personalIdentityNumber';
    if (!name) return 'missing name';
    return { kind: 'citizen', displayName: name, assurance, personalNumber: pn, roles: [] };
  }
  const assurance = nsisAssurance(one(attrs, OIOSAML3.loa));
  const name = [one(attrs, OIOSAML3.firstName), one(attrs, OIOSAML3.lastName)].filter(Boolean).join(' ');
  if (!assurance) return 'missing or unknown NSIS loa';
  if (!name) return 'missing name';
  if (profile === 'nemlogin') {
    const pn = parseCpr(one(attrs, OIOSAML3.cprNumber) ?? '');
    if (!pn) return 'missing or invalid cprNumber';
    return { kind: 'citizen', displayName: name, assurance, personalNumber: pn, roles: [] };
  }
  return { kind: 'employee', displayName: name, assurance, roles: rolesFromPrivileges(one(attrs, OIOSAML3.privileges)) };
}
