// samlify refuses to parse SAML without a schema validator. This one runs libxml2 compiled to WebAssembly
// (xmllint-wasm, a worker thread per call): no Java, no native build. It is our own small adapter over the
// SAML XSDs shipped by @authenio/samlify-xmllint-wasm, because that package's own adapter logs every
// rejected document, and the older @authenio/samlify-node-xmllint leaks process listeners that call exit().
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as samlify from 'samlify';
import { validateXML } from 'xmllint-wasm';

const schemaDir = join(dirname(require.resolve('@authenio/samlify-xmllint-wasm/package.json')), 'build', 'schemas');
const [main, ...preload] = ['saml-schema-protocol-2.0.xsd', 'datatypes.dtd', 'saml-schema-assertion-2.0.xsd', 'xmldsig-core-schema.xsd', 'XMLSchema.dtd', 'xenc-schema.xsd'].map((fileName) => ({
  fileName,
  contents: readFileSync(join(schemaDir, fileName), 'utf8'),
}));

export async function validateSamlXml(xml: string): Promise<true> {
  const result = await validateXML({ xml: [{ fileName: 'message.xml', contents: xml }], extension: 'schema', schema: [main!.contents], preload });
  if (!result.valid) throw new Error('ERR_EXCEPTION_VALIDATE_XML');
  return true;
}

let installed = false;

/** Installs the validator into samlify once per process. */
export function installSamlSchemaValidator(): void {
  if (installed) return;
  samlify.setSchemaValidator({ validate: validateSamlXml });
  installed = true;
}
