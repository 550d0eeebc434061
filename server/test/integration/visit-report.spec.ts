import type { Bundle } from '@medplum/fhirtypes';
import { DOMParser } from '@xmldom/xmldom';
import request from 'supertest';
import { DataSource } from 'typeorm';
import yauzl from 'yauzl';
import { gpProfile, qualifiedIdentity, SfuControlDouble } from '../factories/billing';
import { connectRealtime, createStaff, createVisit, giveConsent, startTestApp, type Doctor, type TestApp } from '../factories/test-app';
import { fhirIssues } from '../support/fhir-validator';
import { SmtpSink } from '../support/smtp-sink';
import { waitUntil } from '../support/wait-until';

const RIM = 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0';
const HL7 = 'urn:hl7-org:v3';
const INS = '295109912611193';
const RPPS = '10003456789';
const MSSANTE = 'dr.traitant@medecin.mssante.fr';

const content = (reason: string, findings = 'Pas de fièvre, gorge rouge.') => ({ reason, findings, advice: 'Hydratation', prescriptions: 'Paracétamol 1 g x3/j, 3 jours', followUp: 'Revoir si fièvre' });

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      const out = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => (out.set(entry.fileName, Buffer.concat(chunks)), file.readEntry()));
        }),
      );
      file.on('end', () => resolve(out));
      file.readEntry();
    });
  });
}

const parseXml = (text: string) => {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => problems.push(`${level}: ${msg}`) }).parseFromString(text, 'text/xml');
  if (problems.length) throw new Error(problems.join('\n'));
  return doc;
};

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The visit report on the real server, PostgreSQL, Redis and a real SMTP server as the MSSanté relay. */
describe('visit report: write, sign, send (real PostgreSQL, Redis and SMTP)', () => {
  let t: TestApp;
  let sfu: SfuControlDouble;
  let relay: SmtpSink;
  let db: DataSource;
  let doctor: Doctor;
  let assistant: Doctor;
  let otherDoctor: Doctor;
  let biller: Doctor;

  beforeAll(async () => {
    sfu = await new SfuControlDouble().start();
    relay = await SmtpSink.start();
    t = await startTestApp({ SFU_CONTROL_URL: sfu.url, MSSANTE_SMTP_URL: relay.url, MSSANTE_FROM: 'cabinet.martin@cabinet.mssante.fr', OUTBOX_POLL_INTERVAL_MS: '200' });
    db = t.app.get(DataSource);
    doctor = await createStaff(t, 'doctor', 'Dr Élodie Martin');
    assistant = await createStaff(t, 'assistant', 'Assistante', t.practiceId, [doctor.id]);
    otherDoctor = await createStaff(t, 'doctor', 'Dr Autre');
    biller = await createStaff(t, 'billing', 'Facturation');
    await request(t.url).put(`/api/billing/practitioners/${doctor.id}`).set('cookie', biller.cookie).send(gpProfile(RPPS)).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await relay.close();
    await sfu.close();
  });

  /** A consultation that took place: link, consent, waiting room, admitted, ended by the doctor. */
  async function endedVisit(patient: Record<string, unknown>): Promise<{ visitId: string; joinToken: string; patientId: string }> {
    const { visit, joinToken } = await createVisit(t, doctor, patient);
    await giveConsent(t, joinToken);
    const socket = await connectRealtime(t, { joinToken });
    try {
      expect((await socket.emitWithAck('waiting.join', {})).ok).toBe(true);
      await request(t.url).post(`/api/visits/${visit.id}/admit`).set('cookie', doctor.cookie).expect(200);
      await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(200);
    } finally {
      socket.close();
    }
    return { visitId: visit.id, joinToken, patientId: visit.patient.id };
  }

  const draft = (visitId: string, body: object, cookie = doctor.cookie) => request(t.url).put(`/api/visits/${visitId}/report`).set('cookie', cookie).send(body);

  it('writes, signs and corrects a report; a signed version never changes; the patient reads it on their link', async () => {
    const { visitId, joinToken, patientId } = await endedVisit({ firstName: 'Hélène', lastName: 'Lefèvre', email: 'helene@example.fr' });
    await request(t.url).put(`/api/visits/${visitId}/patient-identity`).set('cookie', doctor.cookie).send(qualifiedIdentity(null)).expect(200);

    const empty = await request(t.url).get(`/api/visits/${visitId}/report`).set('cookie', doctor.cookie).expect(200);
    expect(empty.body.versions).toEqual([]);
    expect(empty.body.prefill).toEqual({ reason: '', findings: '', advice: '', prescriptions: '', followUp: '' });
    expect(empty.body.patient.identityQualified).toBe(true);

    // Before signing, the patient's link has nothing.
    const none = await request(t.url).get(`/api/join/${joinToken}/report`).expect(404);
    expect(none.body.code).toBe('REPORT_NOT_FOUND');

    const destinations = { patient: true, dmp: true, mssante: true };
    const saved = await draft(visitId, { content: content('Toux'), destinations, revision: 0 }).expect(200);
    expect(saved.body.versions).toHaveLength(1);
    expect(saved.body.versions[0]).toMatchObject({ version: 1, status: 'draft', revision: 1 });
    await draft(visitId, { content: content('Toux sèche'), destinations, revision: 1 }).expect(200);
    // A save over an older revision (another tab) is refused, nothing lost.
    const stale = await draft(visitId, { content: content('écrasé'), destinations, revision: 1 }).expect(409);
    expect(stale.body.code).toBe('REPORT_DRAFT_CONFLICT');

    // Encrypted at rest.
    const [raw] = await db.query(`SELECT content FROM visit_reports WHERE visit_id = $1`, [visitId]);
    expect(raw.content).toMatch(/^enc1:/);
    expect(raw.content).not.toContain('Toux');

    // MSSanté needs the regular doctor's address.
    const noAddress = await request(t.url).post(`/api/visits/${visitId}/report/sign`).set('cookie', doctor.cookie).send({ revision: 2 }).expect(400);
    expect(noAddress.body.code).toBe('MSSANTE_NO_RECIPIENT');
    await request(t.url).put(`/api/visits/${visitId}/report/regular-doctor`).set('cookie', doctor.cookie).send({ rpps: '10101201234', mssante: MSSANTE }).expect(200);
    const [patientRow] = await db.query(`SELECT regular_doctor_mssante FROM patients WHERE id = $1`, [patientId]);
    expect(patientRow.regular_doctor_mssante).toMatch(/^enc1:/);

    const signed = await request(t.url).post(`/api/visits/${visitId}/report/sign`).set('cookie', doctor.cookie).send({ revision: 2 }).expect(200);
    const v1 = signed.body.versions[0];
    expect(v1).toMatchObject({ version: 1, status: 'signed', content: content('Toux sèche') });
    expect(v1.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const byDestination = Object.fromEntries(v1.deliveries.map((d: { destination: string }) => [d.destination, d]));
    expect(byDestination.patient.state).toBe('sent');
    expect(byDestination.dmp.state).toBe('not_configured');
    expect(byDestination.mssante).toMatchObject({ state: 'sent', recipient: MSSANTE, attempts: 1 });

    // Signed: immutable through the API and in the database itself.
    expect((await draft(visitId, { content: content('changé'), destinations, revision: 2 }).expect(409)).body.code).toBe('REPORT_ALREADY_SIGNED');
    expect((await request(t.url).post(`/api/visits/${visitId}/report/sign`).set('cookie', doctor.cookie).send({ revision: 2 }).expect(409)).body.code).toBe('REPORT_ALREADY_SIGNED');
    await expect(db.query(`UPDATE visit_reports SET revision = 99 WHERE visit_id = $1`, [visitId])).rejects.toThrow(/signed: it cannot be changed/);
    await expect(db.query(`DELETE FROM visit_reports WHERE visit_id = $1`, [visitId])).rejects.toThrow(/signed: it cannot be changed/);

    // The patient is told through the outbox, and reads the PDF on their link.
    const notices = await db.query(`SELECT channel FROM outbox_messages WHERE visit_id = $1 AND kind = 'report_ready'`, [visitId]);
    expect(notices.map((n: { channel: string }) => n.channel)).toContain('email');
    // The outbox renders it (no mail server here: kept, readable in the outbox) with the patient's link.
    await waitUntil('the report notice rendered', async () => {
      const rows = await db.query(`SELECT state FROM outbox_messages WHERE visit_id = $1 AND kind = 'report_ready' AND channel = 'email'`, [visitId]);
      return rows[0]?.state === 'kept';
    });
    const info = await request(t.url).get(`/api/join/${joinToken}/report`).expect(200);
    expect(info.body).toMatchObject({ version: 1, doctorName: 'Dr Élodie Martin' });
    const pdf = await request(t.url).get(`/api/join/${joinToken}/report/pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // The CDA carries the INS (qualified identity) and the author's RPPS.
    const cdaRes = await request(t.url).get(`/api/visits/${visitId}/report/cda`).set('cookie', doctor.cookie).buffer(true).parse(binary).expect(200);
    const cda = parseXml((cdaRes.body as Buffer).toString('utf8'));
    const patientIds = Array.from(cda.getElementsByTagNameNS(HL7, 'patientRole')[0]!.getElementsByTagNameNS(HL7, 'id'));
    expect(patientIds.map((i) => [i.getAttribute('root'), i.getAttribute('extension')])).toEqual([['1.2.250.1.213.1.4.8', INS]]);
    expect(cda.getElementsByTagNameNS(HL7, 'assignedAuthor')[0]!.getElementsByTagNameNS(HL7, 'id')[0]!.getAttribute('extension')).toBe(`8${RPPS}`);

    // The FHIR document bundle validates with the billing bundles' validator.
    const fhir = await request(t.url).get(`/api/visits/${visitId}/report/fhir`).set('cookie', doctor.cookie).buffer(true).parse(binary).expect(200);
    const bundle = JSON.parse((fhir.body as Buffer).toString('utf8')) as Bundle;
    expect(bundle.type).toBe('document');
    expect(fhirIssues(bundle)).toEqual([]);

    // A correction: version 2 of the same set, version 1 superseded (and unchanged).
    const corrected = await request(t.url).post(`/api/visits/${visitId}/report/correct`).set('cookie', doctor.cookie).expect(200);
    expect(corrected.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'draft'], [1, 'signed']]);
    expect(corrected.body.versions[0].content).toEqual(content('Toux sèche'));
    await draft(visitId, { content: content('Toux sèche', 'Pas de fièvre ; correction : angine virale.'), destinations: { patient: true, dmp: false, mssante: false }, revision: 0 }).expect(200);
    const v2 = await request(t.url).post(`/api/visits/${visitId}/report/sign`).set('cookie', doctor.cookie).send({ revision: 1 }).expect(200);
    expect(v2.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'signed'], [1, 'superseded']]);
    expect(v2.body.versions[0].setId).toBe(v1.setId);
    expect(v2.body.versions[1].content).toEqual(content('Toux sèche'));
    const cda2 = parseXml(
      ((await request(t.url).get(`/api/visits/${visitId}/report/cda`).set('cookie', doctor.cookie).buffer(true).parse(binary).expect(200)).body as Buffer).toString('utf8'),
    );
    expect(cda2.getElementsByTagNameNS(HL7, 'versionNumber')[0]!.getAttribute('value')).toBe('2');
    expect(cda2.getElementsByTagNameNS(HL7, 'relatedDocument')[0]!.getAttribute('typeCode')).toBe('RPLC');
    expect((await request(t.url).get(`/api/join/${joinToken}/report`).expect(200)).body.version).toBe(2);
    // The old version stays readable as it was.
    await request(t.url).get(`/api/visits/${visitId}/report/pdf?version=1`).set('cookie', doctor.cookie).expect(200);

    // Everything in the audit trail.
    const actions = (await db.query(`SELECT action FROM audit_events WHERE visit_id = $1 ORDER BY seq`, [visitId])).map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['report.draft_saved', 'report.signed', 'report.mssante_sent', 'report.dmp_submitted', 'report.correction_started', 'report.downloaded']));
    const details = JSON.stringify(await db.query(`SELECT detail FROM audit_events WHERE visit_id = $1`, [visitId]));
    expect(details).not.toMatch(/Toux|Hélène|Lefèvre/);
  }, 120_000);

  it('leaves the INS out of the CDA when the identity is not qualified', async () => {
    const { visitId } = await endedVisit({ firstName: 'Paul', lastName: 'Provisoire', phone: '+33612345678' });
    await draft(visitId, { content: content('Mal de dos'), destinations: { patient: true, dmp: true, mssante: false }, revision: 0 }).expect(200);
    const signed = await request(t.url).post(`/api/visits/${visitId}/report/sign`).set('cookie', doctor.cookie).send({ revision: 1 }).expect(200);
    expect(signed.body.patient.identityQualified).toBe(false);
    const text = ((await request(t.url).get(`/api/visits/${visitId}/report/cda`).set('cookie', doctor.cookie).buffer(true).parse(binary).expect(200)).body as Buffer).toString('utf8');
    const cda = parseXml(text);
    const ids = Array.from(cda.getElementsByTagNameNS(HL7, 'patientRole')[0]!.getElementsByTagNameNS(HL7, 'id'));
    expect(ids).toHaveLength(1);
    expect(ids[0]!.getAttribute('root')).not.toMatch(/^1\.2\.250\.1\.213\.1\.4\.[89]$/);
    expect(text).not.toContain('1.2.250.1.213.1.4.8');
    // The notice goes by SMS (no e-mail).
    const notices = await db.query(`SELECT channel FROM outbox_messages WHERE visit_id = $1 AND kind = 'report_ready'`, [visitId]);
    expect(notices.map((n: { channel: string }) => n.channel)).toEqual(['sms']);
  });

  it('sends by MSSanté an e-mail whose XDM zip holds the CDA and a METADATA.XML naming the patient and the author; a refusal is recorded and resent', async () => {
    const { visitId } = await endedVisit({ firstName: 'Zoé', lastName: 'Dubœuf', email: 'zoe@example.fr' });
    await request(t.url).put(`/api/visits/${visitId}/patient-identity`).set('cookie', doctor.cookie).send(qualifiedIdentity('10101201234')).expect(200);
    await request(t.url).put(`/api/visits/${visitId}/report/regular-doctor`).set('cookie', doctor.cookie).send({ rpps: '10101201234', mssante: MSSANTE }).expect(200);
    await draft(visitId, { content: content('Contrôle tension'), destinations: { patient: false, dmp: false, mssante: true }, revision: 0 }).expect(200);

    relay.refuseNext(550, '5.1.1 mailbox unknown');
    const signed = await request(t.url).post(`/api/visits/${visitId}/report/sign`).set('cookie', doctor.cookie).send({ revision: 1 }).expect(200);
    const failed = signed.body.versions[0].deliveries.find((d: { destination: string }) => d.destination === 'mssante');
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/550|mailbox unknown/);

    const before = relay.received.length;
    const resent = await request(t.url).post(`/api/visits/${visitId}/report/mssante`).set('cookie', doctor.cookie).expect(200);
    expect(resent.body.versions[0].deliveries.find((d: { destination: string }) => d.destination === 'mssante')).toMatchObject({ state: 'sent', attempts: 2, error: null });
    await waitUntil('the MSSanté message at the relay', () => relay.received.length > before);
    const mail = relay.received[relay.received.length - 1]!;
    expect(mail.envelopeTo).toEqual([MSSANTE]);
    expect(mail.parsed.subject).toContain('DUBŒUF Zoé');
    const zip = mail.parsed.attachments.find((a) => a.filename === 'IHE_XDM.ZIP');
    expect(zip?.contentType).toBe('application/zip');
    const files = await unzip(zip!.content);
    expect([...files.keys()].sort()).toEqual(['IHE_XDM/SUBSET01/DOC0001.XML', 'IHE_XDM/SUBSET01/METADATA.XML', 'INDEX.HTM', 'README.TXT']);
    const docXml = parseXml(files.get('IHE_XDM/SUBSET01/DOC0001.XML')!.toString('utf8'));
    expect(docXml.documentElement!.localName).toBe('ClinicalDocument');
    const metadata = parseXml(files.get('IHE_XDM/SUBSET01/METADATA.XML')!.toString('utf8'));
    const values = (name: string) =>
      Array.from(metadata.getElementsByTagNameNS(RIM, 'Slot')).filter((s) => s.getAttribute('name') === name).flatMap((s) => Array.from(s.getElementsByTagNameNS(RIM, 'Value')).map((v) => v.textContent));
    expect(values('sourcePatientInfo')).toContain('PID-5|Dubœuf^Zoé^^^^^L');
    expect(values('sourcePatientId')).toEqual([`${INS}^^^&1.2.250.1.213.1.4.8&ISO^NH`]);
    expect(values('authorPerson')[0]).toMatch(new RegExp(`^8${RPPS}\\^Dr Élodie Martin\\^`));
  });

  it('lets the visit’s doctor write and sign, the practice’s doctors read, nobody else; the patient record shows clinical content to doctors only', async () => {
    const { visitId, patientId } = await endedVisit({ firstName: 'Role', lastName: 'Check', phone: '+33698765432' });
    const body = { content: content('Motif confidentiel'), destinations: { patient: false, dmp: false, mssante: false }, revision: 0 };
    expect((await draft(visitId, body, assistant.cookie).expect(403)).body.code).toBe('ASSISTANT_CANNOT_JOIN');
    expect((await draft(visitId, body, otherDoctor.cookie).expect(403)).body.code).toBe('NOT_YOUR_VISIT');
    await draft(visitId, body).expect(200);
    // Clinical staff (the practice's doctors) read; assistants and billing do not.
    await request(t.url).get(`/api/visits/${visitId}/report`).set('cookie', otherDoctor.cookie).expect(200);
    expect((await request(t.url).get(`/api/visits/${visitId}/report`).set('cookie', assistant.cookie).expect(403)).body.code).toBe('CLINICAL_STAFF_ONLY');
    expect((await request(t.url).get(`/api/visits/${visitId}/report`).set('cookie', biller.cookie).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await request(t.url).post(`/api/visits/${visitId}/report/sign`).set('cookie', otherDoctor.cookie).send({ revision: 1 }).expect(403)).body.code).toBe('NOT_YOUR_VISIT');
    await request(t.url).post(`/api/visits/${visitId}/report/sign`).set('cookie', doctor.cookie).send({ revision: 1 }).expect(200);
    await request(t.url).get(`/api/visits/${visitId}/report/pdf`).set('cookie', otherDoctor.cookie).expect(200);
    await request(t.url).get(`/api/visits/${visitId}/report/pdf`).set('cookie', assistant.cookie).expect(403);
    await request(t.url).get(`/api/visits/${visitId}/report/pdf`).set('cookie', biller.cookie).expect(403);

    const record = await request(t.url).get(`/api/patients/${patientId}/record`).set('cookie', doctor.cookie).expect(200);
    expect(record.body.clinical).toBe(true);
    expect(record.body.visits[0].report).toMatchObject({ version: 1, status: 'signed', reason: 'Motif confidentiel' });
    for (const who of [biller, assistant]) {
      const limited = await request(t.url).get(`/api/patients/${patientId}/record`).set('cookie', who.cookie).expect(200);
      expect(limited.body.clinical).toBe(false);
      expect(limited.body.visits[0]).toMatchObject({ id: visitId, status: 'completed', report: null, documents: null, chatMessages: null });
      expect(limited.text).not.toContain('Motif confidentiel');
    }
  });

  it('starts the draft from the doctor’s notes of the visit', async () => {
    const { visitId } = await endedVisit({ firstName: 'Note', lastName: 'Prefill', phone: '+33633333333' });
    await request(t.url).put(`/api/visits/${visitId}/notes`).set('cookie', doctor.cookie).send({ text: 'Gorge rouge, pas de fièvre', baseVersion: 0 }).expect(200);
    const report = await request(t.url).get(`/api/visits/${visitId}/report`).set('cookie', doctor.cookie).expect(200);
    expect(report.body.prefill.findings).toBe('Gorge rouge, pas de fièvre');
  });

  it('refuses a report before the consultation ended, and bad input with a code', async () => {
    const { visit } = await createVisit(t, doctor, { firstName: 'Pas', lastName: 'Finie', phone: '+33611111111' });
    const early = await draft(visit.id, { content: content('x'), destinations: { patient: true, dmp: false, mssante: false }, revision: 0 }).expect(409);
    expect(early.body.code).toBe('REPORT_VISIT_NOT_ENDED');
    const bad = await draft(visit.id, { content: { reason: 'x' }, destinations: {}, revision: -1 }).expect(400);
    expect(typeof bad.body.code).toBe('string');
    await request(t.url).get(`/api/visits/${visit.id}/report/docx`).set('cookie', doctor.cookie).expect(400);
    const { visitId } = await endedVisit({ firstName: 'Vide', lastName: 'Rapport', phone: '+33622222222' });
    await draft(visitId, { content: { reason: ' ', findings: '', advice: '', prescriptions: '', followUp: '' }, destinations: { patient: true, dmp: false, mssante: false }, revision: 0 }).expect(200);
    expect((await request(t.url).post(`/api/visits/${visitId}/report/sign`).set('cookie', doctor.cookie).send({ revision: 1 }).expect(400)).body.code).toBe('REPORT_EMPTY');
  });
});
