import { INS_OID_NIR } from '@visite/contracts';
import { t } from '@visite/i18n';
import {
  hl7Date, hl7Time, idNatPs, LOCAL_DOCUMENT_OID, LOCAL_PATIENT_OID, LOCAL_PRACTICE_OID, REPORT_LOINC, RPPS_OID, uuidOid, type ReportDocument,
} from './report-document';
import { xml } from './xml';

const GENDER = { female: 'F', male: 'M', unknown: 'UN' } as const;

/**
 * The report as an HL7 CDA R2 document for the DMP, at level 1 (the French "structuration minimale"):
 * the CI-SIS header (patient with the INS only for a qualified identity, else the practice's local
 * identifier; author with their RPPS as idNatPs "8" + RPPS; the visit as the documented encounter;
 * confidentiality; setId/versionNumber and the replaced version for a correction) and a nonXMLBody
 * carrying the signed PDF in base64. What it does not follow of the "CR de téléconsultation" model
 * is in docs/report.md.
 */
export function renderReportCda(doc: ReportDocument, pdfBase64: string): string {
  const lng = doc.language;
  const title = t(lng, 'report:pdf.title');
  const p = doc.patient;
  const patientId = p.ins
    ? `<id root="${p.ins.oid}" extension="${xml(p.ins.value)}" assigningAuthorityName="${p.ins.oid === INS_OID_NIR ? 'INS-NIR' : 'INS-NIA'}"/>`
    : `<id root="${LOCAL_PATIENT_OID}" extension="${xml(p.id)}" assigningAuthorityName="${xml(doc.practice.name)}"/>`;
  const authorId = doc.author.rpps
    ? `<id root="${RPPS_OID}" extension="${idNatPs(doc.author.rpps)}" assigningAuthorityName="RPPS"/>`
    : `<id root="${LOCAL_PRACTICE_OID}" extension="${xml(doc.author.id)}"/>`;
  const organization = `<representedOrganization>
          <id root="${LOCAL_PRACTICE_OID}" extension="${xml(doc.practice.id)}"/>
          <name>${xml(doc.practice.name)}</name>${doc.practice.phone ? `\n          <telecom value="tel:${xml(doc.practice.phone.replace(/\s+/g, ''))}"/>` : ''}${doc.practice.address ? `\n          <addr>${xml(doc.practice.address)}</addr>` : ''}
        </representedOrganization>`;
  const recipient = doc.recipient
    ? `
  <informationRecipient typeCode="PRCP">
    <intendedRecipient>${doc.recipient.rpps ? `\n      <id root="${RPPS_OID}" extension="${idNatPs(doc.recipient.rpps)}"/>` : ''}
      <telecom value="mailto:${xml(doc.recipient.mssante)}"/>
    </intendedRecipient>
  </informationRecipient>`
    : '';
  const replaces = doc.replaces
    ? `
  <relatedDocument typeCode="RPLC">
    <parentDocument>
      <id root="${uuidOid(doc.replaces.id)}"/>
      <setId root="${uuidOid(doc.setId)}"/>
      <versionNumber value="${doc.replaces.version}"/>
    </parentDocument>
  </relatedDocument>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" classCode="DOCCLIN" moodCode="EVN">
  <realmCode code="FR"/>
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <templateId root="2.16.840.1.113883.2.8.2.1" assigningAuthorityName="HL7 France"/>
  <templateId root="1.2.250.1.213.1.1.1.1" assigningAuthorityName="CI-SIS"/>
  <id root="${uuidOid(doc.id)}"/>
  <code code="${REPORT_LOINC.code}" codeSystem="${REPORT_LOINC.system}" codeSystemName="LOINC" displayName="${REPORT_LOINC.display}"/>
  <title>${xml(title)}</title>
  <effectiveTime value="${hl7Time(doc.signedAt)}"/>
  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25" displayName="Normal"/>
  <languageCode code="${lng === 'fr' ? 'fr-FR' : 'en-GB'}"/>
  <setId root="${uuidOid(doc.setId)}"/>
  <versionNumber value="${doc.version}"/>
  <recordTarget>
    <patientRole>
      ${patientId}
      <patient>
        <name>
          <given>${xml(p.firstName)}</given>
          <family qualifier="${p.birthName ? 'SP' : 'BR'}">${xml(p.lastName)}</family>${p.birthName ? `\n          <family qualifier="BR">${xml(p.birthName)}</family>` : ''}
        </name>
        <administrativeGenderCode code="${GENDER[p.sex]}" codeSystem="2.16.840.1.113883.5.1"/>
        <birthTime value="${hl7Date(p.birthDate)}"/>
      </patient>
    </patientRole>
  </recordTarget>
  <author>
    <time value="${hl7Time(doc.signedAt)}"/>
    <assignedAuthor>
      ${authorId}
      <assignedPerson>
        <name>${xml(doc.author.displayName)}</name>
      </assignedPerson>
      ${organization}
    </assignedAuthor>
  </author>
  <custodian>
    <assignedCustodian>
      <representedCustodianOrganization>
        <id root="${LOCAL_PRACTICE_OID}" extension="${xml(doc.practice.id)}"/>
        <name>${xml(doc.practice.name)}</name>
      </representedCustodianOrganization>
    </assignedCustodian>
  </custodian>${recipient}
  <legalAuthenticator>
    <time value="${hl7Time(doc.signedAt)}"/>
    <signatureCode code="S"/>
    <assignedEntity>
      ${authorId}
      <assignedPerson>
        <name>${xml(doc.author.displayName)}</name>
      </assignedPerson>
    </assignedEntity>
  </legalAuthenticator>
  <documentationOf>
    <serviceEvent classCode="ACT" moodCode="EVN">
      <effectiveTime>
        <low value="${hl7Time(doc.visit.startedAt)}"/>
        <high value="${hl7Time(doc.visit.endedAt)}"/>
      </effectiveTime>
      <performer typeCode="PRF">
        <assignedEntity>
          ${authorId}
        </assignedEntity>
      </performer>
    </serviceEvent>
  </documentationOf>${replaces}
  <componentOf>
    <encompassingEncounter>
      <id root="${LOCAL_DOCUMENT_OID}" extension="${xml(doc.visit.id)}"/>
      <code code="VR" codeSystem="2.16.840.1.113883.5.4" displayName="virtual"/>
      <effectiveTime>
        <low value="${hl7Time(doc.visit.startedAt)}"/>
        <high value="${hl7Time(doc.visit.endedAt)}"/>
      </effectiveTime>
    </encompassingEncounter>
  </componentOf>
  <component>
    <nonXMLBody>
      <text mediaType="application/pdf" representation="B64">${pdfBase64}</text>
    </nonXMLBody>
  </component>
</ClinicalDocument>
`;
}
