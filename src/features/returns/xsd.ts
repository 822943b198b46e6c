import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { ROOT } from '../../web/paths.js';

/** A schema error: the line of the file and libxml2's message. */
export interface SchemaError {
  line: number | null;
  message: string;
}

const SCHEMAS = { cin: 'src/features/returns/schemas/CIN_schema_2024.xsd' } as const;

/**
 * Checks an XML file against a DfE schema in this process (libxml2 compiled to WebAssembly, so no
 * system package is needed): every error, with its line, or none. A DOCTYPE is refused before
 * parsing: a return never has one, and entity tricks start there.
 */
export function checkAgainstSchema(xml: string, schema: keyof typeof SCHEMAS): SchemaError[] {
  if (/<!DOCTYPE/i.test(xml)) return [{ line: null, message: 'The file has a DOCTYPE declaration, which a DfE return never has: it was not read.' }];
  const xsdDoc = XmlDocument.fromString(readFileSync(path.join(ROOT, SCHEMAS[schema]), 'utf8'));
  const validator = XsdValidator.fromDoc(xsdDoc);
  let doc: XmlDocument | null = null;
  try {
    doc = XmlDocument.fromString(xml);
    validator.validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError || (e && typeof e === 'object' && 'details' in e)) {
      return (e as XmlValidateError).details.map((d) => ({ line: d.line ?? null, message: d.message.trim() }));
    }
    throw e;
  } finally {
    doc?.dispose();
    validator.dispose();
    xsdDoc.dispose();
  }
}
