import { INS_OID_NIR, REPORT_SECTIONS } from '@visite/contracts';
import { t } from '@visite/i18n';
import { SYSTEMS } from '../../billing/export/fhir-common';
import { idNatPs, REPORT_LOINC, type ReportDocument } from './report-document';
import { xml } from './xml';

type Json = Record<string, unknown>;

const urn = (uuid: string) => `urn:uuid:${uuid}`;
/** Stable ids of the bundle's resources, derived from the version's id (same document, same ids). */
const derived = (id: string, n: number) => `${id.slice(0, 34)}${n.toString(16).padStart(2, '0')}`;

/**
 * The signed report as a FHIR R4 `Bundle` of type `document`: the Composition first (its sections in
 * narrative), then the Patient (INS only for a qualified identity), the Practitioner (idNatPs and RPPS),
 * the Encounter (the visit, virtual) and a DocumentReference holding the signed PDF. Validated in the
 * tests with the same validator as the billing bundles.
 */
export function renderReportFhir(doc: ReportDocument, pdfBase64: string, pdfSha1Base64: string): Json {
  const lng = doc.language;
  const ids = { composition: derived(doc.id, 1), patient: derived(doc.id, 2), practitioner: derived(doc.id, 3), encounter: derived(doc.id, 4), documentReference: derived(doc.id, 5) };
  const p = doc.patient;
  const type = { coding: [{ system: 'http://loinc.org', code: REPORT_LOINC.code, display: REPORT_LOINC.display }], text: t(lng, 'report:pdf.title') };
  const signed = doc.signedAt.toISOString();

  const patientIdentifiers: Json[] = [];
  if (p.ins) {
    const nir = p.ins.oid === INS_OID_NIR;
    patientIdentifiers.push({
      use: 'official',
      type: { coding: [{ system: SYSTEMS.frIdentifierType, code: nir ? 'INS-NIR' : 'INS-NIA' }] },
      system: nir ? SYSTEMS.insNir : SYSTEMS.insNia,
      value: p.ins.value,
    });
  }
  patientIdentifiers.push({ system: SYSTEMS.uri, value: urn(p.id) });
  const patient: Json = {
    resourceType: 'Patient',
    id: ids.patient,
    identifier: patientIdentifiers,
    name: [
      { use: 'official', family: p.lastName, given: [p.firstName] },
      ...(p.birthName ? [{ use: 'maiden', family: p.birthName, given: [p.firstName] }] : []),
    ],
    gender: p.sex,
    birthDate: p.birthDate,
  };

  const practitionerIdentifiers: Json[] = doc.author.rpps
    ? [
        { use: 'official', type: { coding: [{ system: SYSTEMS.frIdentifierType, code: 'IDNPS' }] }, system: SYSTEMS.idNatPs, value: idNatPs(doc.author.rpps) },
        { use: 'official', type: { coding: [{ system: SYSTEMS.frIdentifierType, code: 'RPPS' }] }, system: SYSTEMS.rpps, value: doc.author.rpps },
      ]
    : [];
  practitionerIdentifiers.push({ system: SYSTEMS.uri, value: urn(doc.author.id) });
  const practitioner: Json = { resourceType: 'Practitioner', id: ids.practitioner, identifier: practitionerIdentifiers, name: [{ text: doc.author.displayName }] };

  const period = { start: doc.visit.startedAt.toISOString(), end: doc.visit.endedAt.toISOString() };
  const encounter: Json = {
    resourceType: 'Encounter',
    id: ids.encounter,
    identifier: [{ system: SYSTEMS.uri, value: urn(doc.visit.id) }],
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' },
    subject: { reference: urn(ids.patient) },
    participant: [{ individual: { reference: urn(ids.practitioner) } }],
    period,
  };

  const documentReference: Json = {
    resourceType: 'DocumentReference',
    id: ids.documentReference,
    masterIdentifier: { system: SYSTEMS.uri, value: urn(doc.id) },
    status: 'current',
    docStatus: 'final',
    type,
    subject: { reference: urn(ids.patient) },
    date: signed,
    author: [{ reference: urn(ids.practitioner) }],
    ...(doc.replaces ? { relatesTo: [{ code: 'replaces', target: { identifier: { system: SYSTEMS.uri, value: urn(doc.replaces.id) } } }] } : {}),
    content: [{ attachment: { contentType: 'application/pdf', language: lng, data: pdfBase64, hash: pdfSha1Base64, title: t(lng, 'report:pdf.title'), creation: signed } }],
    context: { encounter: [{ reference: urn(ids.encounter) }], period },
  };

  const sections = REPORT_SECTIONS.filter((s) => doc.content[s].trim()).map((s) => ({
    title: t(lng, `report:sections.${s}`),
    text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${xml(doc.content[s].trim()).replace(/\r?\n/g, '<br/>')}</p></div>` },
  }));
  const composition: Json = {
    resourceType: 'Composition',
    id: ids.composition,
    identifier: { system: SYSTEMS.uri, value: urn(doc.setId) },
    status: 'final',
    type,
    subject: { reference: urn(ids.patient) },
    encounter: { reference: urn(ids.encounter) },
    date: signed,
    author: [{ reference: urn(ids.practitioner) }],
    title: t(lng, 'report:pdf.title'),
    confidentiality: 'N',
    attester: [{ mode: 'legal', time: signed, party: { reference: urn(ids.practitioner) } }],
    ...(doc.replaces ? { relatesTo: [{ code: 'replaces', targetIdentifier: { system: SYSTEMS.uri, value: urn(doc.replaces.id) } }] } : {}),
    section: [
      ...sections,
      { title: t(lng, 'report:pdf.attachment'), entry: [{ reference: urn(ids.documentReference) }], text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${xml(t(lng, 'report:pdf.attachment'))}</p></div>` } },
    ],
  };

  const entry = (resource: Json) => ({ fullUrl: urn(resource.id as string), resource });
  return {
    resourceType: 'Bundle',
    id: doc.id,
    meta: { versionId: String(doc.version), lastUpdated: signed },
    identifier: { system: SYSTEMS.uri, value: urn(doc.id) },
    type: 'document',
    timestamp: signed,
    entry: [entry(composition), entry(patient), entry(practitioner), entry(encounter), entry(documentReference)],
  };
}
