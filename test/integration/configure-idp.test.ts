import { ValidationError } from '../../engine/errors';
import { selfSignedCertificate } from '../../engine/identity/certificates';
import { checkIdpMetadata } from '../../engine/identity/configure-idp';
import { TestIdentityProvider } from '../../engine/identity/saml/test-idp';

it('accepts real IdP metadata and names what is wrong with anything else', async () => {
  const idp = new TestIdentityProvider('nemlogin', 'https://idp.example/nemlogin', { signing: await selfSignedCertificate('s'), encryption: await selfSignedCertificate('e') });
  expect(checkIdpMetadata(idp.metadata())).toEqual({ entityId: 'https://idp.example/nemlogin/metadata' });
  expect(() => checkIdpMetadata('<html>not metadata</html>')).toThrow(ValidationError);
  const fieldsOf = (xml: string) => {
    try {
      checkIdpMetadata(xml);
      return 'accepted';
    } catch (err) {
      return (err as ValidationError).fields?.map((f) => f.message).join('; ');
    }
  };
  expect(fieldsOf(`<!DOCTYPE x>${idp.metadata()}`)).toBe('must not contain a DOCTYPE');
  expect(fieldsOf(idp.metadata().replace(/<(\w+:)?SingleSignOnService[^>]*(\/>|>\s*<\/(\w+:)?SingleSignOnService>)/g, ''))).toContain('has no HTTP-Redirect SingleSignOnService');
});
