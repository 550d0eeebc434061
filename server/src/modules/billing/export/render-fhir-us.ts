import type { Modality, PatientLocation } from '@visite/contracts';
import type { ExportBatchHeader, ExportLine } from './export-line';
import {
  chargeParts,
  codeableJson,
  entityUrn,
  EntryWriter,
  identifierRefJson,
  type LineRefs,
  moneyJson,
  otherProfessionalRefJson,
  renderBundle,
  SYSTEMS,
  uriIdentifierJson,
  uriRequestJson,
} from './fhir-common';
import { jsonString } from './format';

/**
 * FHIR R4 transaction Bundle for a practice billing in the US (docs/billing-export.md, "FHIR US"): the
 * shared Patient, Practitioner, PractitionerRole, Coverage and Encounter (fhir-common.ts), then one
 * Claim per line whose items are the act (CPT code + the original NGAP code), each add-on and the extra
 * fee (NGAP / Visite codes: no CPT equivalent).
 *
 * Amounts are carried as they are, in the line's currency (EUR): no conversion.
 */

export const US_SYSTEMS = {
  cpt: 'http://www.ama-assn.org/go/cpt',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  processPriority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  relatedClaimRelationship: 'http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship',
} as const;

/**
 * NGAP act -> CPT code. CONFIGURABLE, TO CONFIRM BY THE PRACTICE: a default only, the acts are not
 * equivalent one to one. An act without a mapping is exported with its NGAP code only.
 */
export const DEFAULT_CPT_MAPPING: Readonly<Record<string, string>> = {
  TCG: '99213',
  TC: '99213',
  TCS: '99213',
  TE2: '99451',
  RQD: '99452',
  TLS: '99211',
  TLL: '99211',
  TLD: '99211',
};

/** CPT telehealth modifier: 95 synchronous audio-video, 93 audio only; none for asynchronous acts. */
export function cptModifier(modality: Modality | null): string | null {
  return modality === 'video' ? '95' : modality === 'audio' ? '93' : null;
}

/** CMS place of service: 10 when the patient was at home, 02 (telehealth other than home) otherwise. */
export function placeOfService(location: PatientLocation | null): '10' | '02' {
  return location === 'home' ? '10' : '02';
}

export interface FhirUsOptions {
  /** Replaces DEFAULT_CPT_MAPPING entirely. */
  cptMapping?: Readonly<Record<string, string>>;
}

export function renderFhirUs(header: ExportBatchHeader, pages: AsyncIterable<ExportLine[]>, options: FhirUsOptions = {}): AsyncGenerator<string> {
  const mapping = new Map(Object.entries(options.cptMapping ?? DEFAULT_CPT_MAPPING));
  const created = jsonString(header.createdAt);
  return renderBundle(header, pages, (line, refs, out) => addClaim(line, refs, out, created, mapping));
}

const CLAIM_HEAD =
  ',"status":"active","type":' + codeableJson(US_SYSTEMS.claimType, 'professional') + ',"use":"claim"';
const PRIORITY = ',"priority":' + codeableJson(US_SYSTEMS.processPriority, 'normal');
const PRIOR = codeableJson(US_SYSTEMS.relatedClaimRelationship, 'prior');
const POS = { '10': codeableJson(US_SYSTEMS.placeOfService, '10'), '02': codeableJson(US_SYSTEMS.placeOfService, '02') };

function addClaim(line: ExportLine, refs: LineRefs, out: EntryWriter, created: string, mapping: Map<string, string>): void {
  const c = line.input.coding;
  const date = jsonString(line.input.visit.dateOfService);
  const modifier = cptModifier(line.input.visit.modality);
  // What every item shares.
  const itemTail =
    ',"servicedDate":' + date +
    ',"locationCodeableConcept":' + POS[placeOfService(c.patientLocation)] +
    ',"quantity":{"value":1}';
  const encounter = ',"encounter":[' + refs.encounter.json + ']}';
  const parts = chargeParts(line);
  let items = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const cpt = part.kind === 'act' ? mapping.get(part.code) : undefined;
    const money = moneyJson(part.cents);
    items +=
      (i === 0 ? '{"sequence":' : ',{"sequence":') + (i + 1) +
      ',"productOrService":{"coding":[' +
      (cpt === undefined ? '' : '{"system":"' + US_SYSTEMS.cpt + '","code":' + jsonString(cpt) + '},') +
      '{"system":' + jsonString(part.system) + ',"code":' + jsonString(part.code) + '}],"text":' + jsonString(part.code) + '}' +
      (cpt !== undefined && modifier !== null ? ',"modifier":[' + codeableJson(US_SYSTEMS.cpt, modifier) + ']' : '') +
      itemTail +
      ',"unitPrice":' + money + ',"net":' + money +
      encounter;
  }
  const claim = parts[0].fullUrl;
  out.addJson(
    claim,
    '{"resourceType":"Claim"' +
      ',"identifier":[' + uriIdentifierJson(claim) + ']' +
      CLAIM_HEAD +
      ',"patient":' + refs.patient.json +
      ',"billablePeriod":{"start":' + date + ',"end":' + date + '}' +
      ',"created":' + created +
      ',"provider":' + refs.practitioner.json +
      PRIORITY +
      (line.replacesLineId === null
        ? ''
        : ',"related":[{"claim":' + identifierRefJson('Claim', SYSTEMS.uri, entityUrn(line.replacesLineId)) + ',"relationship":' + PRIOR + '}]') +
      (c.otherProfessionalRpps
        ? ',"careTeam":[{"sequence":1,"provider":' + otherProfessionalRefJson(c.otherProfessionalRpps) + ',"role":{"text":"other professional"}}]'
        : '') +
      ',"insurance":[{"sequence":1,"focal":true,"coverage":' + refs.coverage.json + '}]' +
      ',"item":[' + items + ']' +
      ',"total":' + moneyJson(line.totalCents) + '}',
    uriRequestJson('Claim', claim),
  );
}
