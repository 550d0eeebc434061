/** The billing export: pure, streaming renderers of an immutable batch (docs/billing-export.md). */
export * from './export-line';
export { canonicalLine, canonicalHeader, createContentHasher, contentHashOf, verifyingPages, ExportIntegrityError, type ContentHasher } from './canonical-line';
export { renderCsv, CSV_COLUMNS } from './render-csv';
export { renderJson } from './render-json';
export { renderFhirFr, renderFhirUs, DEFAULT_CPT_MAPPING, type FhirUsOptions } from './render-fhir';
