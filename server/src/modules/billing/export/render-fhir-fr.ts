import type { ExportBatchHeader, ExportLine } from './export-line';
import {
  chargeParts,
  codeableJson,
  entityUrn,
  EntryWriter,
  EXTENSIONS,
  identifierRefJson,
  type LineRefs,
  moneyJson,
  otherProfessionalRefJson,
  refJson,
  renderBundle,
  SYSTEMS,
  uriIdentifierJson,
  uriRequestJson,
} from './fhir-common';
import { jsonString } from './format';

/**
 * FHIR R4 transaction Bundle for a French practice (docs/billing-export.md, "FHIR FR"): the shared
 * Patient, Practitioner, PractitionerRole, Coverage and Encounter (fhir-common.ts), then one ChargeItem
 * per charge part of each line: the NGAP act, each add-on and the extra fee, the latter two `partOf`
 * the act's ChargeItem. Billing facts without a FHIR element (third-party payment, coverage percent,
 * care pathway, replaced line) are Visite extensions on the act's ChargeItem.
 */
export function renderFhirFr(header: ExportBatchHeader, pages: AsyncIterable<ExportLine[]>): AsyncGenerator<string> {
  return renderBundle(header, pages, addChargeItems);
}

function addChargeItems(line: ExportLine, refs: LineRefs, out: EntryWriter): void {
  const c = line.input.coding;
  // What every ChargeItem of the line shares, written once.
  const shared =
    ',"subject":' + refs.patient.json +
    ',"context":' + refs.encounter.json +
    ',"occurrenceDateTime":' + jsonString(line.input.visit.dateOfService) +
    ',"performer":[{"actor":' + refs.practitioner.json + '}' +
    (c.otherProfessionalRpps ? ',{"function":{"text":"other professional"},"actor":' + otherProfessionalRefJson(c.otherProfessionalRpps) + '}' : '') +
    ']';
  const tail = ',"supportingInformation":[' + refs.coverage.json + ']}';
  const parts = chargeParts(line);
  const act = parts[0].fullUrl;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const isAct = part.kind === 'act';
    out.addJson(
      part.fullUrl,
      '{"resourceType":"ChargeItem"' +
        (isAct ? ',"extension":[' + actExtensions(line) + ']' : '') +
        ',"identifier":[' + uriIdentifierJson(part.fullUrl) + ']' +
        ',"status":"billable"' +
        (isAct ? '' : ',"partOf":[' + refJson(act) + ']') +
        ',"code":' + codeableJson(part.system, part.code) +
        shared +
        ',"quantity":{"value":1}' +
        ',"priceOverride":' + moneyJson(part.cents) +
        tail,
      uriRequestJson('ChargeItem', part.fullUrl),
    );
  }
}

function actExtensions(line: ExportLine): string {
  const c = line.input.coding;
  if (typeof c.coveragePercent !== 'number' || !Number.isFinite(c.coveragePercent)) throw new TypeError(`FHIR export: coverage percent ${String(c.coveragePercent)}`);
  return (
    '{"url":"' + EXTENSIONS.thirdPartyPayment + '","valueBoolean":' + (c.thirdPartyPayment === true) + '}' +
    ',{"url":"' + EXTENSIONS.coveragePercent + '","valueDecimal":' + JSON.stringify(c.coveragePercent) + '}' +
    ',{"url":"' + EXTENSIONS.referral + '","valueBoolean":' + (c.referral === true) + '}' +
    (c.careException === null ? '' : ',{"url":"' + EXTENSIONS.careException + '","valueCode":' + jsonString(c.careException) + '}') +
    (line.replacesLineId === null
      ? ''
      : ',{"url":"' + EXTENSIONS.replacesLine + '","valueReference":' + identifierRefJson('ChargeItem', SYSTEMS.uri, entityUrn(line.replacesLineId)) + '}')
  );
}
