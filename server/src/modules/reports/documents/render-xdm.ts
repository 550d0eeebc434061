import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { t } from '@visite/i18n';
import { hl7Date, hl7Time, idNatPs, LOCAL_PATIENT_OID, LOCAL_PRACTICE_OID, REPORT_LOINC, RPPS_OID, uuidOid, type ReportDocument } from './report-document';
import { xml } from './xml';

/** XDS metadata identifiers (IHE ITI TF-3 4.2.5). */
const XDS = {
  documentEntry: 'urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1',
  submissionSetNode: 'urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd',
  deAuthor: 'urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d',
  deClass: 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
  deConfidentiality: 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
  deFormat: 'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d',
  deFacility: 'urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1',
  dePractice: 'urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead',
  deType: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
  dePatientId: 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
  deUniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  ssAuthor: 'urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d',
  ssContentType: 'urn:uuid:aa543740-bdda-424e-8c96-df4873be8500',
  ssUniqueId: 'urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8',
  ssSourceId: 'urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832',
  ssPatientId: 'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
} as const;

/** The document's file name inside the XDM subset. */
export const XDM_DOCUMENT = 'DOC0001.XML';
export const XDM_SUBSET = 'IHE_XDM/SUBSET01';

/** The patient as an HL7 v2 CX: the INS under its OID when qualified, else the practice's local id. */
export function patientCx(doc: ReportDocument): string {
  return doc.patient.ins ? `${doc.patient.ins.value}^^^&${doc.patient.ins.oid}&ISO^NH` : `${doc.patient.id}^^^&${LOCAL_PATIENT_OID}&ISO^PI`;
}

/** The author as an HL7 v2 XCN (idNatPs under the RPPS OID when known). */
export function authorXcn(doc: ReportDocument): string {
  const name = doc.author.displayName.replace(/[\^&|~\\]/g, ' ');
  return doc.author.rpps ? `${idNatPs(doc.author.rpps)}^${name}^^^^^^^&${RPPS_OID}&ISO^D^^^IDNPS` : `^${name}`;
}

const slot = (name: string, ...values: string[]) =>
  `<rim:Slot name="${name}"><rim:ValueList>${values.map((v) => `<rim:Value>${xml(v)}</rim:Value>`).join('')}</rim:ValueList></rim:Slot>`;
const name = (value: string) => `<rim:Name><rim:LocalizedString value="${xml(value)}"/></rim:Name>`;
let counter = 0;
const classification = (scheme: string, object: string, code: string, codingScheme: string, display: string) =>
  `<rim:Classification id="cl${++counter}" classificationScheme="${scheme}" classifiedObject="${object}" nodeRepresentation="${xml(code)}">${slot('codingScheme', codingScheme)}${name(display)}</rim:Classification>`;
const externalId = (scheme: string, object: string, value: string, label: string) =>
  `<rim:ExternalIdentifier id="ei${++counter}" identificationScheme="${scheme}" registryObject="${object}" value="${xml(value)}">${name(label)}</rim:ExternalIdentifier>`;

/** METADATA.XML: an XDS submission set holding one document entry (the CDA), naming the patient and the author. */
export function renderXdmMetadata(doc: ReportDocument, cda: Buffer): string {
  counter = 0;
  const lng = doc.language;
  const title = t(lng, 'report:pdf.title');
  const p = doc.patient;
  const sha1 = createHash('sha1').update(cda).digest('hex');
  const author = (object: string, scheme: string) =>
    `<rim:Classification id="cl${++counter}" classificationScheme="${scheme}" classifiedObject="${object}" nodeRepresentation="">${slot('authorPerson', authorXcn(doc))}${slot(
      'authorInstitution',
      `${doc.practice.name.replace(/[\^&|~\\]/g, ' ')}^^^^^&${LOCAL_PRACTICE_OID}&ISO^^^^${doc.practice.id}`,
    )}${slot('authorRole', 'Médecin')}</rim:Classification>`;
  const sex = { female: 'F', male: 'M', unknown: 'U' }[p.sex];
  return `<?xml version="1.0" encoding="UTF-8"?>
<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
  <rim:RegistryObjectList>
    <rim:ExtrinsicObject id="Document01" mimeType="text/xml" objectType="${XDS.documentEntry}" status="urn:oasis:names:tc:ebxml-regrep:StatusType:Approved">
      ${slot('creationTime', hl7Time(doc.signedAt).slice(0, 14))}
      ${slot('hash', sha1)}
      ${slot('size', String(cda.length))}
      ${slot('languageCode', lng === 'fr' ? 'fr-FR' : 'en-GB')}
      ${slot('serviceStartTime', hl7Time(doc.visit.startedAt).slice(0, 14))}
      ${slot('serviceStopTime', hl7Time(doc.visit.endedAt).slice(0, 14))}
      ${slot('sourcePatientId', patientCx(doc))}
      ${slot('sourcePatientInfo', `PID-3|${patientCx(doc)}`, `PID-5|${p.lastName}^${p.firstName}^^^^^L`, ...(p.birthName ? [`PID-5|${p.birthName}^${p.firstName}^^^^^D`] : []), `PID-7|${hl7Date(p.birthDate)}`, `PID-8|${sex}`)}
      ${slot('URI', XDM_DOCUMENT)}
      ${name(title)}
      ${author('Document01', XDS.deAuthor)}
      ${classification(XDS.deClass, 'Document01', REPORT_LOINC.code, REPORT_LOINC.system, REPORT_LOINC.display)}
      ${classification(XDS.deConfidentiality, 'Document01', 'N', '2.16.840.1.113883.5.25', 'Normal')}
      ${classification(XDS.deFormat, 'Document01', 'urn:ihe:iti:xds-sd:pdf:2008', '1.3.6.1.4.1.19376.1.2.3', 'PDF/A encapsulé dans un CDA')}
      ${classification(XDS.deFacility, 'Document01', 'SA07', '1.2.250.1.71.4.2.4', 'Cabinet individuel')}
      ${classification(XDS.dePractice, 'Document01', 'AMBULATOIRE', '1.2.250.1.213.1.1.4.9', 'Ambulatoire')}
      ${classification(XDS.deType, 'Document01', REPORT_LOINC.code, REPORT_LOINC.system, REPORT_LOINC.display)}
      ${externalId(XDS.dePatientId, 'Document01', patientCx(doc), 'XDSDocumentEntry.patientId')}
      ${externalId(XDS.deUniqueId, 'Document01', uuidOid(doc.id), 'XDSDocumentEntry.uniqueId')}
    </rim:ExtrinsicObject>
    <rim:RegistryPackage id="SubmissionSet01" objectType="urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage">
      ${slot('submissionTime', hl7Time(doc.signedAt).slice(0, 14))}
      ${doc.recipient ? slot('intendedRecipient', `|${doc.recipient.mssante}`) : ''}
      ${name(title)}
      ${author('SubmissionSet01', XDS.ssAuthor)}
      ${classification(XDS.ssContentType, 'SubmissionSet01', REPORT_LOINC.code, REPORT_LOINC.system, REPORT_LOINC.display)}
      ${externalId(XDS.ssUniqueId, 'SubmissionSet01', uuidOid(doc.setId) + '.' + doc.version, 'XDSSubmissionSet.uniqueId')}
      ${externalId(XDS.ssSourceId, 'SubmissionSet01', LOCAL_PRACTICE_OID, 'XDSSubmissionSet.sourceId')}
      ${externalId(XDS.ssPatientId, 'SubmissionSet01', patientCx(doc), 'XDSSubmissionSet.patientId')}
    </rim:RegistryPackage>
    <rim:Classification id="cl${++counter}" classifiedObject="SubmissionSet01" classificationNode="${XDS.submissionSetNode}"/>
    <rim:Association id="as01" associationType="urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember" sourceObject="SubmissionSet01" targetObject="Document01">
      ${slot('SubmissionSetStatus', 'Original')}
    </rim:Association>
  </rim:RegistryObjectList>
</lcm:SubmitObjectsRequest>
`;
}

/**
 * The IHE XDM zip of a report (ITI TF-1 16, ITI TF-3 4.3): `INDEX.HTM` and `README.TXT` at the root,
 * `IHE_XDM/SUBSET01/` with the CDA document and `METADATA.XML`.
 */
export function renderXdmZip(doc: ReportDocument, cda: Buffer): Buffer {
  const lng = doc.language;
  const title = t(lng, 'report:pdf.title');
  const who = `${doc.patient.lastName.toUpperCase()} ${doc.patient.firstName}`;
  const index = `<!DOCTYPE html>
<html lang="${lng}"><head><meta charset="utf-8"><title>${xml(title)}</title></head>
<body><h1>${xml(title)}</h1>
<p>${xml(t(lng, 'report:xdm.index', { patient: who, doctor: doc.author.displayName, practice: doc.practice.name }))}</p>
<ul><li><a href="${XDM_SUBSET}/${XDM_DOCUMENT}">${XDM_SUBSET}/${XDM_DOCUMENT}</a> (CDA R2)</li><li><a href="${XDM_SUBSET}/METADATA.XML">${XDM_SUBSET}/METADATA.XML</a></li></ul>
</body></html>
`;
  const readme = `${t(lng, 'report:xdm.readme', { practice: doc.practice.name, doctor: doc.author.displayName })}\r\n\r\nVisite - ${doc.practice.name}\r\n`;
  const mtime = doc.signedAt;
  return Buffer.from(
    zipSync(
      {
        'INDEX.HTM': [strToU8(index), { mtime }],
        'README.TXT': [strToU8(readme), { mtime }],
        [`${XDM_SUBSET}/${XDM_DOCUMENT}`]: [new Uint8Array(cda), { mtime }],
        [`${XDM_SUBSET}/METADATA.XML`]: [strToU8(renderXdmMetadata(doc, cda)), { mtime }],
      },
      { level: 6 },
    ),
  );
}
