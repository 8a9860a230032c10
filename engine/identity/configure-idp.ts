// Connecting a municipality's real IdP to one of its sites: the IdP's SAML metadata is checked (it must
// name a signing certificate and an HTTP-Redirect single sign-on endpoint) and stored for that site.
import * as samlify from 'samlify';
import { ValidationError } from '../errors';

export function checkIdpMetadata(xml: string): { entityId: string } {
  if (xml.length > 200_000) throw new ValidationError([{ field: '/metadata', message: 'is larger than 200 KB' }]);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ValidationError([{ field: '/metadata', message: 'must not contain a DOCTYPE' }]);
  let idp: ReturnType<typeof samlify.IdentityProvider>;
  try {
    idp = samlify.IdentityProvider({ metadata: xml });
  } catch (err) {
    throw new ValidationError([{ field: '/metadata', message: `is not SAML IdP metadata (${err instanceof Error ? err.message : String(err)})` }]);
  }
  const problems: string[] = [];
  if (!idp.entityMeta.getEntityID()) problems.push('has no entityID');
  // samlify answers {} rather than undefined for a missing endpoint: require real, non-empty strings.
  const nonEmpty = (v: unknown) => (typeof v === 'string' && v.length > 0) || (Array.isArray(v) && v.length > 0);
  if (!nonEmpty(idp.entityMeta.getX509Certificate('signing'))) problems.push('names no signing certificate');
  if (!nonEmpty(idp.entityMeta.getSingleSignOnService('redirect'))) problems.push('has no HTTP-Redirect SingleSignOnService');
  if (problems.length > 0) throw new ValidationError(problems.map((message) => ({ field: '/metadata', message })));
  return { entityId: idp.entityMeta.getEntityID() };
}
