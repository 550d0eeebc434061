/**
 * The signed report's documents, checked with real parsers:
 * - the CDA R2 document: well-formed XML (@xmldom/xmldom, errors fail the test) and a structural check
 *   that names what it checks (no CDA R2 schema is published as an npm package, see docs/report.md);
 *   the INS only for a qualified identity, both ways;
 * - the FHIR document Bundle: the same validator as the billing bundles (test/support/fhir-validator.ts);
 * - the IHE XDM zip: read back with yauzl (another implementation than the writer's).
 */
import { createHash } from 'node:crypto';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import yauzl from 'yauzl';
import { fhirIssues, loadFhirDefinitions } from '../../../../test/support/fhir-validator';
import type { ReportDocument } from './report-document';
import { renderReportCda } from './render-cda';
import { renderReportFhir } from './render-fhir';
import { renderReportPdf } from './render-pdf';
import { renderXdmZip } from './render-xdm';

const HL7 = 'urn:hl7-org:v3';
const RIM = 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0';
const INS = '279035121518989';

function reportDocument(overrides: Partial<ReportDocument> = {}, patient: Partial<ReportDocument['patient']> = {}): ReportDocument {
  return {
    id: '6f1c1a52-6d3c-4b1e-9a55-0c7b1f1d2e01',
    setId: '0b7f6f0e-2f7e-4a43-9b1c-5a1e2f3d4c02',
    version: 1,
    replaces: null,
    signedAt: new Date('2026-12-01T10:30:00Z'),
    language: 'fr',
    content: {
      reason: 'Toux sèche depuis 5 jours',
      findings: 'Pas de fièvre. Auscultation non réalisable (téléconsultation) ; pas de dyspnée rapportée.',
      advice: 'Hydratation, repos. Consulter en présentiel si la fièvre dépasse 38,5 °C.',
      prescriptions: 'Paracétamol 1 g, 3 fois par jour pendant 3 jours',
      followUp: 'Revoir dans une semaine si pas d’amélioration',
    },
    visit: { id: '2c8e8d1f-9b7a-4f3e-8d2c-1a0b9c8d7e03', startedAt: new Date('2026-12-01T10:00:00Z'), endedAt: new Date('2026-12-01T10:20:00Z') },
    patient: {
      id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b04',
      firstName: 'Hélène',
      lastName: 'Lefèvre-Dupré',
      birthName: 'Müller',
      birthDate: '1979-03-12',
      sex: 'female',
      ins: { value: INS, oid: '1.2.250.1.213.1.4.8' },
      ...patient,
    },
    author: { id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c05', displayName: 'Dr Élodie Martin', rpps: '10003456789' },
    practice: { id: '00000000-0000-4000-8000-000000000001', name: 'Cabinet du Dr Martin', address: '3 rue de la Paix, 75002 Paris', phone: '+33 1 23 45 67 89', timeZone: 'Europe/Paris' },
    recipient: { rpps: '10101201234', mssante: 'dr.durand@medecin.mssante.fr' },
    ...overrides,
  };
}

/** Parses strictly: any warning or error of the parser fails. */
function parseXml(text: string): XmlDocument {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => problems.push(`${level}: ${msg}`) }).parseFromString(text, 'text/xml');
  expect(problems).toEqual([]);
  return doc;
}

const children = (el: XmlElement, name: string, ns = HL7) => Array.from(el.childNodes).filter((n): n is XmlElement => n.nodeType === 1 && (n as XmlElement).localName === name && (n as XmlElement).namespaceURI === ns);
const child = (el: XmlElement, ...path: string[]): XmlElement => {
  let at = el;
  for (const name of path) {
    const found = children(at, name)[0];
    if (!found) throw new Error(`missing <${name}> under <${at.localName}> (path ${path.join('/')})`);
    at = found;
  }
  return at;
};

/**
 * The CDA R2 header elements the DMP requires, in schema order: what this structural check verifies of
 * ClinicalDocument (POCD_MT000040) since the schema itself cannot be had as a package.
 */
const HEADER_ORDER = ['realmCode', 'typeId', 'templateId', 'id', 'code', 'title', 'effectiveTime', 'confidentialityCode', 'languageCode', 'setId', 'versionNumber', 'recordTarget', 'author', 'custodian', 'informationRecipient', 'legalAuthenticator', 'documentationOf', 'relatedDocument', 'componentOf', 'component'];

function checkCdaStructure(cda: XmlDocument): void {
  const root = cda.documentElement!;
  expect(root.localName).toBe('ClinicalDocument');
  expect(root.namespaceURI).toBe(HL7);
  // Children only from the header list, in its order (the schema's xs:sequence).
  const names = Array.from(root.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as XmlElement).localName!);
  const positions = names.map((n) => HEADER_ORDER.indexOf(n));
  expect(positions).not.toContain(-1);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const required of ['typeId', 'id', 'code', 'title', 'effectiveTime', 'confidentialityCode', 'setId', 'versionNumber', 'recordTarget', 'author', 'custodian', 'legalAuthenticator', 'componentOf', 'component']) {
    expect(names).toContain(required);
  }
  expect(child(root, 'typeId').getAttribute('root')).toBe('2.16.840.1.113883.1.3');
  expect(child(root, 'typeId').getAttribute('extension')).toBe('POCD_HD000040');
  expect(child(root, 'effectiveTime').getAttribute('value')).toMatch(/^\d{14}[+-]\d{4}$/);
  expect(child(root, 'confidentialityCode').getAttribute('codeSystem')).toBe('2.16.840.1.113883.5.25');
  expect(child(root, 'id').getAttribute('root')).toMatch(/^2\.25\.\d+$/);
  expect(child(root, 'recordTarget', 'patientRole', 'patient', 'birthTime').getAttribute('value')).toMatch(/^\d{8}$/);
  // The body: level 1, the PDF in base64.
  const text = child(root, 'component', 'nonXMLBody', 'text');
  expect(text.getAttribute('mediaType')).toBe('application/pdf');
  expect(text.getAttribute('representation')).toBe('B64');
}

describe('the CDA R2 document of a report', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderReportPdf(reportDocument());
  });

  it('is well-formed XML with the CDA R2 header, the author’s RPPS and the visit’s dates, and carries the signed PDF', () => {
    const doc = reportDocument();
    const cda = parseXml(renderReportCda(doc, pdf.toString('base64')));
    checkCdaStructure(cda);
    const root = cda.documentElement!;
    const author = child(root, 'author', 'assignedAuthor', 'id');
    expect(author.getAttribute('root')).toBe('1.2.250.1.71.4.2.1');
    expect(author.getAttribute('extension')).toBe('810003456789');
    expect(child(root, 'legalAuthenticator', 'assignedEntity', 'id').getAttribute('extension')).toBe('810003456789');
    expect(child(root, 'componentOf', 'encompassingEncounter', 'effectiveTime', 'low').getAttribute('value')).toBe('20261201100000+0000');
    expect(child(root, 'componentOf', 'encompassingEncounter', 'effectiveTime', 'high').getAttribute('value')).toBe('20261201102000+0000');
    expect(child(root, 'versionNumber').getAttribute('value')).toBe('1');
    expect(children(root, 'relatedDocument')).toHaveLength(0);
    // French names survive the round trip.
    expect(child(root, 'recordTarget', 'patientRole', 'patient', 'name', 'given').textContent).toBe('Hélène');
    const embedded = Buffer.from(child(root, 'component', 'nonXMLBody', 'text').textContent!, 'base64');
    expect(embedded.equals(pdf)).toBe(true);
    expect(embedded.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('carries the INS (OID 1.2.250.1.213.1.4.8) for a qualified identity', () => {
    const cda = parseXml(renderReportCda(reportDocument(), pdf.toString('base64')));
    const ids = children(child(cda.documentElement!, 'recordTarget', 'patientRole'), 'id');
    expect(ids.map((i) => [i.getAttribute('root'), i.getAttribute('extension')])).toEqual([['1.2.250.1.213.1.4.8', INS]]);
  });

  it('carries only the local identifier, never an INS, when the identity is not qualified', () => {
    const doc = reportDocument({}, { ins: null });
    const text = renderReportCda(doc, pdf.toString('base64'));
    const cda = parseXml(text);
    checkCdaStructure(cda);
    const ids = children(child(cda.documentElement!, 'recordTarget', 'patientRole'), 'id');
    expect(ids).toHaveLength(1);
    expect(ids[0]!.getAttribute('root')).not.toMatch(/^1\.2\.250\.1\.213\.1\.4\.[89]$/);
    expect(ids[0]!.getAttribute('extension')).toBe(doc.patient.id);
    expect(text).not.toContain(INS);
    expect(text).not.toContain('1.2.250.1.213.1.4.8');
  });

  it('a correction keeps the setId, counts the version and names the version it replaces', () => {
    const first = parseXml(renderReportCda(reportDocument(), pdf.toString('base64'))).documentElement!;
    const second = parseXml(
      renderReportCda(reportDocument({ id: '7a1c1a52-6d3c-4b1e-9a55-0c7b1f1d2e99', version: 2, replaces: { id: '6f1c1a52-6d3c-4b1e-9a55-0c7b1f1d2e01', version: 1 } }), pdf.toString('base64')),
    ).documentElement!;
    expect(child(second, 'setId').getAttribute('root')).toBe(child(first, 'setId').getAttribute('root'));
    expect(child(second, 'id').getAttribute('root')).not.toBe(child(first, 'id').getAttribute('root'));
    expect(child(second, 'versionNumber').getAttribute('value')).toBe('2');
    const related = child(second, 'relatedDocument');
    expect(related.getAttribute('typeCode')).toBe('RPLC');
    expect(child(related, 'parentDocument', 'id').getAttribute('root')).toBe(child(first, 'id').getAttribute('root'));
  });

  it('the structural check fails on a broken document (so it is not vacuous)', () => {
    const good = renderReportCda(reportDocument(), pdf.toString('base64'));
    expect(() => checkCdaStructure(parseXml(good.replace(/<setId [^>]*\/>/, '')))).toThrow();
    expect(() => checkCdaStructure(parseXml(good.replace('<title>', '<component/><title>')))).toThrow();
    expect(() => parseXml(good.replace('</recordTarget>', ''))).toThrow();
  });
});

describe('the FHIR document Bundle of a report (same validator as the billing bundles)', () => {
  beforeAll(loadFhirDefinitions);
  const bundleOf = async (doc: ReportDocument) => {
    const pdf = await renderReportPdf(doc);
    return renderReportFhir(doc, pdf.toString('base64'), createHash('sha1').update(pdf).digest('base64')) as unknown as Bundle;
  };

  it('validates: Composition first, then Patient, Practitioner, Encounter and the DocumentReference with the PDF', async () => {
    const bundle = await bundleOf(reportDocument());
    expect(fhirIssues(bundle)).toEqual([]);
    for (const entry of bundle.entry!) expect(fhirIssues(entry.resource as Resource)).toEqual([]);
    expect(bundle.type).toBe('document');
    expect(bundle.entry!.map((e) => e.resource!.resourceType)).toEqual(['Composition', 'Patient', 'Practitioner', 'Encounter', 'DocumentReference']);
    const patient = bundle.entry![1]!.resource as { identifier: { system: string; value: string }[] };
    expect(patient.identifier[0]).toMatchObject({ system: 'urn:oid:1.2.250.1.213.1.4.8', value: INS });
    const ref = bundle.entry![4]!.resource as { content: { attachment: { contentType: string; data: string } }[] };
    expect(ref.content[0]!.attachment.contentType).toBe('application/pdf');
    expect(Buffer.from(ref.content[0]!.attachment.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has no INS for an identity that is not qualified, and still validates', async () => {
    const bundle = await bundleOf(reportDocument({ replaces: { id: '6f1c1a52-6d3c-4b1e-9a55-0c7b1f1d2e00', version: 1 }, version: 2 }, { ins: null }));
    expect(fhirIssues(bundle)).toEqual([]);
    expect(JSON.stringify(bundle)).not.toContain(INS);
  });

  it('the validator reports a broken document bundle', async () => {
    const bundle = await bundleOf(reportDocument());
    const composition = bundle.entry![0]!.resource as unknown as Record<string, unknown>;
    composition.status = 'signed';
    delete composition.title;
    const issues = fhirIssues(bundle);
    expect(issues.join('\n')).toMatch(/status/);
    expect(issues.join('\n')).toMatch(/title/);
  });
});

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      const out = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(out));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

describe('the IHE XDM zip of a report', () => {
  it('holds INDEX.HTM, README.TXT and IHE_XDM/SUBSET01 with the CDA and a METADATA.XML naming the patient and the author', async () => {
    const doc = reportDocument();
    const cda = Buffer.from(renderReportCda(doc, (await renderReportPdf(doc)).toString('base64')));
    const files = await unzip(renderXdmZip(doc, cda));
    expect([...files.keys()].sort()).toEqual(['IHE_XDM/SUBSET01/DOC0001.XML', 'IHE_XDM/SUBSET01/METADATA.XML', 'INDEX.HTM', 'README.TXT']);
    expect(files.get('IHE_XDM/SUBSET01/DOC0001.XML')!.equals(cda)).toBe(true);
    const metadata = parseXml(files.get('IHE_XDM/SUBSET01/METADATA.XML')!.toString('utf8'));
    const slots = new Map(
      Array.from(metadata.getElementsByTagNameNS(RIM, 'Slot')).map((s) => [s.getAttribute('name')!, Array.from(s.getElementsByTagNameNS(RIM, 'Value')).map((v) => v.textContent!)] as const),
    );
    expect(slots.get('sourcePatientId')).toEqual([`${INS}^^^&1.2.250.1.213.1.4.8&ISO^NH`]);
    expect(slots.get('sourcePatientInfo')).toEqual(expect.arrayContaining(['PID-5|Lefèvre-Dupré^Hélène^^^^^L', 'PID-7|19790312']));
    expect(slots.get('authorPerson')![0]).toMatch(/^810003456789\^Dr Élodie Martin\^/);
    expect(slots.get('hash')).toEqual([createHash('sha1').update(cda).digest('hex')]);
    expect(slots.get('size')).toEqual([String(cda.length)]);
    expect(metadata.getElementsByTagNameNS(RIM, 'ExtrinsicObject')).toHaveLength(1);
    expect(metadata.getElementsByTagNameNS(RIM, 'RegistryPackage')).toHaveLength(1);
    expect(files.get('INDEX.HTM')!.toString('utf8')).toContain('IHE_XDM/SUBSET01/DOC0001.XML');
  });
});

describe('the PDF of a report', () => {
  it('is a PDF with its fonts embedded (French accents print)', async () => {
    const pdf = await renderReportPdf(reportDocument());
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(text).toMatch(/DejaVuSans/);
    expect(text).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});
