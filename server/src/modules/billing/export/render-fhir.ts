/** Both FHIR R4 renderers (the French ChargeItem bundle and the US Claim bundle) share fhir-common.ts. */
export { renderFhirFr } from './render-fhir-fr';
export { renderFhirUs, DEFAULT_CPT_MAPPING, cptModifier, placeOfService, type FhirUsOptions } from './render-fhir-us';
