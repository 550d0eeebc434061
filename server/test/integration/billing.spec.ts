import type { BatchView, BillingLinesPage, BillingLineView, CodingDraft, PractitionerView } from '@visite/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/modules/audit/audit.service';
import { BillingExportService } from '../../src/modules/billing/billing-export.service';
import { copyBillingLine } from '../../src/modules/demo/bulk-billing-seed';
import {
  completedVisit, gpProfile, PATIENT_MEDIA_NEVER_ARRIVED, PATIENT_WITHOUT_CAMERA, qualifiedIdentity, SfuControlDouble, tcg, VIDEO_BOTH_WAYS,
} from '../factories/billing';
import { createDoctor, createStaff, startTestApp, type Doctor, type TestApp } from '../factories/test-app';

/** CSV data rows' line ids (column line_id), header skipped. */
function csvLineIds(csv: string): string[] {
  const rows = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((r) => r.length > 0);
  const header = rows[0]!.split(';');
  const column = header.indexOf('line_id');
  return rows.slice(1).map((r) => r.split(';')[column]!);
}

describe('billing: coding, review and export batches (real PostgreSQL)', () => {
  let t: TestApp;
  let sfu: SfuControlDouble;
  let db: DataSource;
  let doctor: Doctor;
  let biller: Doctor;
  const rpps = '10003456789';

  beforeAll(async () => {
    sfu = await new SfuControlDouble().start();
    t = await startTestApp({ SFU_CONTROL_URL: sfu.url });
    db = t.app.get(DataSource);
    doctor = await createDoctor(t, 'Dr Claire Martin');
    biller = await createStaff(t, 'billing', 'Sophie Bernard');
    await request(t.url).put(`/api/billing/practitioners/${doctor.id}`).set('cookie', biller.cookie).send(gpProfile(rpps)).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await sfu.close();
  });

  const asDoctor = (method: 'get' | 'post' | 'put', path: string) => request(t.url)[method](path).set('cookie', doctor.cookie);
  const asBiller = (method: 'get' | 'post' | 'put', path: string) => request(t.url)[method](path).set('cookie', biller.cookie);

  async function codedLine(carried: typeof VIDEO_BOTH_WAYS | null, coding = tcg()): Promise<BillingLineView> {
    const visitId = await completedVisit(t, doctor, sfu, carried);
    await asDoctor('put', `/api/visits/${visitId}/patient-identity`).send(qualifiedIdentity(rpps)).expect(200);
    return (await asDoctor('post', `/api/visits/${visitId}/billing-line`).send(coding).expect(200)).body;
  }

  it('records a video visit from what the SFU carried, proposes TCG and stores a ready line', async () => {
    const visitId = await completedVisit(t, doctor, sfu, VIDEO_BOTH_WAYS);
    const [visit] = await db.query(`SELECT modality, modality_source, media_summary FROM visits WHERE id = $1`, [visitId]);
    expect(visit).toMatchObject({ modality: 'video', modality_source: 'sfu' });
    expect(visit.media_summary.patient.videoPackets).toBe(3500);

    await asDoctor('put', `/api/visits/${visitId}/patient-identity`).send(qualifiedIdentity(rpps)).expect(200);
    const draft: CodingDraft = (await asDoctor('get', `/api/visits/${visitId}/coding`).expect(200)).body;
    expect(draft.proposal).toMatchObject({ code: 'TCG', amountCents: 2500 });
    expect(draft.visit.modality).toBe('video');
    expect(draft.practitioner?.rpps).toBe(rpps);
    expect(draft.fees.map((f) => f.code)).toEqual(expect.arrayContaining(['TCG', 'TE2', 'MOP']));
    expect(draft.fees.map((f) => f.code)).not.toContain('TE1');

    const line: BillingLineView = (await asDoctor('post', `/api/visits/${visitId}/billing-line`).send(tcg()).expect(200)).body;
    expect(line).toMatchObject({ state: 'ready', hasErrors: false, hasWarnings: false, results: [], totalCents: 2500, visitId });
    expect(line.input.practitioner.rpps).toBe(rpps);
    expect(line.input.patient.insuredNir).toBe('295109912611193');

    // Coding again replaces the open line instead of adding one.
    const recoded: BillingLineView = (await asDoctor('post', `/api/visits/${visitId}/billing-line`).send(tcg({ amountCents: 3000 })).expect(200)).body;
    expect(recoded.id).toBe(line.id);
    expect(recoded.state).toBe('blocked');
    expect(recoded.results.map((r) => r.rule)).toContain('F3');
    const [{ n }] = await db.query(`SELECT COUNT(*)::int AS n FROM billing_lines WHERE visit_id = $1`, [visitId]);
    expect(n).toBe(1);
  });

  it('blocks an audio-only visit coded TCG with the F1 message until a biller records otherwise', async () => {
    const line = await codedLine(PATIENT_WITHOUT_CAMERA);
    expect(line.input.visit.modality).toBe('audio');
    expect(line.state).toBe('blocked');
    const f1 = line.results.find((r) => r.rule === 'F1');
    expect(f1).toMatchObject({ severity: 'error' });
    expect(f1!.message).toMatch(/^F1: .*audio/i);

    const draft: CodingDraft = (await asDoctor('get', `/api/visits/${line.visitId}/coding`).expect(200)).body;
    expect(draft.proposal.code).toBeNull();
    expect(draft.proposal.reason).toMatch(/F1/);

    // A modality correction needs a reason, and is audited with it.
    await asBiller('put', `/api/billing/visits/${line.visitId}/modality`).send({ modality: 'video' }).expect(400);
    const corrected = (await asBiller('put', `/api/billing/visits/${line.visitId}/modality`).send({ modality: 'video', reason: 'SFU figures lost; video confirmed by the doctor' }).expect(200)).body;
    expect(corrected.lines[0]).toMatchObject({ id: line.id, state: 'ready' });
    const audit = await t.app.get(AuditService).forVisit(line.visitId);
    expect(audit.find((e) => e.action === 'billing.modality_recorded')?.detail).toMatchObject({ from: 'audio', to: 'video' });
  });

  it('records "none", not "audio", when media did not go both ways (the patient never got through), and F1 blocks it', async () => {
    const line = await codedLine(PATIENT_MEDIA_NEVER_ARRIVED);
    expect(line.input.visit.modality).toBe('none');
    const [visit] = await db.query(`SELECT modality, modality_source FROM visits WHERE id = $1`, [line.visitId]);
    expect(visit).toMatchObject({ modality: 'none', modality_source: 'sfu' });
    expect(line.state).toBe('blocked');
    expect(line.results.find((r) => r.rule === 'F1')?.message).toMatch(/no media went both ways/);
  });

  it('records "none" when the SFU answered that it carried nothing at all (nobody\'s media got through)', async () => {
    const line = await codedLine(null);
    expect(line.input.visit.modality).toBe('none');
    expect(line.results.find((r) => r.rule === 'F1')?.message).toMatch(/no media went both ways/);
  });

  it('re-evaluates open lines when billing staff correct the patient identity (F9 on the insured NIR key)', async () => {
    const line = await codedLine(VIDEO_BOTH_WAYS);
    const wrongKey = { ...qualifiedIdentity(rpps), insuredNir: '295109912611194' };
    const updated = (await asBiller('put', `/api/billing/patients/${line.patientId}/identity`).send(wrongKey).expect(200)).body;
    expect(updated.lines).toHaveLength(1);
    expect(updated.lines[0].state).toBe('blocked');
    expect(updated.lines[0].results.map((r: { rule: string }) => r.rule)).toEqual(['F9']);
    await asBiller('put', `/api/billing/patients/${line.patientId}/identity`).send(qualifiedIdentity(rpps)).expect(200);
    expect((await asBiller('get', `/api/billing/lines/${line.id}`).expect(200)).body.state).toBe('ready');
  });

  it('asks the biller to acknowledge warnings before the line can be exported', async () => {
    const visitId = await completedVisit(t, doctor, sfu, VIDEO_BOTH_WAYS);
    await asDoctor('put', `/api/visits/${visitId}/patient-identity`).send(qualifiedIdentity(null)).expect(200);
    const line: BillingLineView = (await asDoctor('post', `/api/visits/${visitId}/billing-line`).send(tcg()).expect(200)).body;
    expect(line.state).toBe('to_review');
    expect(line.results).toEqual([expect.objectContaining({ rule: 'F6', severity: 'warning' })]);
    const acked: BillingLineView = (await asBiller('post', `/api/billing/lines/${line.id}/acknowledge`).expect(200)).body;
    expect(acked.state).toBe('ready');
    expect(acked.warningsAcknowledged?.by).toBe(biller.id);
    await asBiller('post', `/api/billing/lines/${line.id}/acknowledge`).expect(409);
  });

  it('keeps an acknowledgement when a correction leaves the same findings (results read back from jsonb)', async () => {
    const visitId = await completedVisit(t, doctor, sfu, VIDEO_BOTH_WAYS);
    await asDoctor('put', `/api/visits/${visitId}/patient-identity`).send(qualifiedIdentity(null)).expect(200);
    const line: BillingLineView = (await asDoctor('post', `/api/visits/${visitId}/billing-line`).send(tcg()).expect(200)).body;
    await asBiller('post', `/api/billing/lines/${line.id}/acknowledge`).expect(200);
    // The same identity saved again re-evaluates the line: same rule, severity and field, so it stays ready.
    const same = (await asBiller('put', `/api/billing/patients/${line.patientId}/identity`).send(qualifiedIdentity(null)).expect(200)).body;
    expect(same.lines.find((l: BillingLineView) => l.id === line.id)).toMatchObject({ state: 'ready', warningsAcknowledged: { by: biller.id } });
    // A different finding (the regular doctor is now someone else: F6 no longer warns, nothing to acknowledge) is a new evaluation.
    const changed = (await asBiller('put', `/api/billing/patients/${line.patientId}/identity`).send(qualifiedIdentity(rpps)).expect(200)).body;
    expect(changed.lines.find((l: BillingLineView) => l.id === line.id)).toMatchObject({ state: 'ready', results: [], warningsAcknowledged: null });
  });

  it('keeps roles and ownership apart', async () => {
    const visitId = await completedVisit(t, doctor, sfu, VIDEO_BOTH_WAYS);
    const other = await createDoctor(t, 'Dr Other');
    await request(t.url).get(`/api/visits/${visitId}/coding`).set('cookie', other.cookie).expect(403);
    await request(t.url).post(`/api/visits/${visitId}/billing-line`).set('cookie', other.cookie).send(tcg()).expect(403);
    await asDoctor('get', '/api/billing/lines').expect(403);
    await asBiller('get', `/api/visits/${visitId}/coding`).expect(403);
    await request(t.url).get('/api/billing/batches').expect(401);

    // A doctor without a billing profile gets a clear refusal, not a broken line.
    const draft: CodingDraft = (await request(t.url).get(`/api/visits/${(await completedVisit(t, other, sfu, VIDEO_BOTH_WAYS))}/coding`).set('cookie', other.cookie).expect(200)).body;
    expect(draft.practitioner).toBeNull();
    expect(draft.proposal.code).toBeNull();
  });

  it('refuses to code a visit that is not completed', async () => {
    const res = await asDoctor('post', '/api/visits').send({ patient: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', phone: '+33600000000' } }).expect(201);
    const refused = await asDoctor('post', `/api/visits/${res.body.visit.id}/billing-line`).send(tcg()).expect(409);
    expect(refused.body.code).toBe('VISIT_NOT_COMPLETED');
  });

  it('answers bad input with a 400 and a message, and stores nothing', async () => {
    const line = await codedLine(VIDEO_BOTH_WAYS);
    const bad: [string, 'get' | 'post' | 'put', string, unknown][] = [
      ['amount in euros', 'post', `/api/visits/${line.visitId}/billing-line`, tcg({ amountCents: 25.5 })],
      ['negative amount', 'post', `/api/visits/${line.visitId}/billing-line`, tcg({ amountCents: -1 })],
      ['junk code', 'post', `/api/visits/${line.visitId}/billing-line`, tcg({ code: 'TCG; DROP TABLE' })],
      ['unknown location', 'post', `/api/visits/${line.visitId}/billing-line`, tcg({ patientLocation: 'moon' as never })],
      ['no body', 'post', `/api/visits/${line.visitId}/billing-line`, undefined],
      ['sick note of 0 days', 'post', `/api/visits/${line.visitId}/billing-line`, tcg({ sickNote: { days: 0, inPersonImpossible: false } })],
      ['NIR with letters', 'put', `/api/billing/patients/${line.patientId}/identity`, { ...qualifiedIdentity(rpps), insuredNir: '29510991261119X' }],
      ['unknown OID', 'put', `/api/billing/patients/${line.patientId}/identity`, { ...qualifiedIdentity(rpps), insOid: '1.2.3' }],
      ['rank 0', 'put', `/api/billing/patients/${line.patientId}/identity`, { ...qualifiedIdentity(rpps), beneficiaryRank: 0 }],
      ['RPPS of 10 digits', 'put', `/api/billing/practitioners/${doctor.id}`, gpProfile('1000345678')],
      ['31 February', 'get', '/api/billing/lines?from=2026-02-31', undefined],
      ['unknown state', 'get', '/api/billing/lines?state=paid', undefined],
      ['forged cursor', 'get', '/api/billing/lines?cursor=bm90LWEtY3Vyc29y', undefined],
      ['period backwards', 'post', '/api/billing/batches', { from: '2026-02-01', to: '2026-01-01' }],
      ['unknown format', 'get', `/api/billing/batches/${line.id}/export?format=xls`, undefined],
      ['not a uuid', 'get', '/api/billing/lines/42', undefined],
    ];
    for (const [what, method, path, body] of bad) {
      const req = path.startsWith('/api/visits') ? asDoctor(method, path) : asBiller(method, path);
      const res = await (body === undefined ? req : req.send(body as object));
      expect({ what, status: res.status }).toEqual({ what, status: 400 });
      expect(typeof res.body.message).toBe('string');
      expect(res.body.message.length).toBeGreaterThan(5);
    }
    const after: BillingLineView = (await asBiller('get', `/api/billing/lines/${line.id}`).expect(200)).body;
    expect(after).toMatchObject({ state: 'ready', totalCents: 2500 });
    expect(after.input.coding.code).toBe('TCG');
    expect(after.input.patient.insuredNir).toBe('295109912611193');
    await asBiller('get', '/api/billing/batches/6a1f8d1e-2b7c-4c1e-9f3a-3d2f1e0c9b8a/export?format=csv').expect(404);
  });

  it('exports a batch in every format, with a content hash that verifies, and audits each download', async () => {
    const line = await codedLine(VIDEO_BOTH_WAYS);
    const from = line.dateOfService;
    const batch: BatchView = (await asBiller('post', '/api/billing/batches').send({ from, to: from, doctorId: doctor.id }).expect(201)).body;
    expect(batch.lineCount).toBeGreaterThanOrEqual(1);
    expect(batch.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.app.get(BillingExportService).hashBatch(batch.id)).toBe(batch.contentHash);

    const csv = await asBiller('get', `/api/billing/batches/${batch.id}/export?format=csv`).buffer(true).parse((res, cb) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => cb(null, text));
    }).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="visite-batch-\d+\.csv"/);
    expect(csvLineIds(csv.body as string)).toContain(line.id);
    expect(csvLineIds(csv.body as string)).toHaveLength(batch.lineCount);

    for (const format of ['json', 'fhir-fr', 'fhir-us']) {
      const res = await asBiller('get', `/api/billing/batches/${batch.id}/export?format=${format}`).expect(200);
      const body = JSON.parse(res.text);
      if (format === 'json') expect(body.lines).toHaveLength(batch.lineCount);
      else expect(body).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    }
    const events = await db.query(`SELECT detail FROM audit_events WHERE action = 'billing.batch_exported' AND detail->>'batchId' = $1`, [batch.id]);
    expect(events.map((e: { detail: { format: string } }) => e.detail.format).sort()).toEqual(['csv', 'fhir-fr', 'fhir-us', 'json']);

    // The line is exported: nobody can re-code it, and the batch refuses a second inclusion.
    expect((await asDoctor('post', `/api/visits/${line.visitId}/billing-line`).send(tcg()).expect(409)).body.code).toBe('LINE_EXPORTED');
    expect((await asBiller('post', '/api/billing/batches').send({ from, to: from, doctorId: doctor.id }).expect(409)).body.code).toBe('NOTHING_TO_EXPORT');
  });

  it('checks every export against the batch: a line changed behind its back cuts the download', async () => {
    const line = await codedLine(VIDEO_BOTH_WAYS);
    const day = line.dateOfService;
    const batch: BatchView = (await asBiller('post', '/api/billing/batches').send({ from: day, to: day, doctorId: doctor.id }).expect(201)).body;
    await asBiller('get', `/api/billing/batches/${batch.id}/export?format=csv`).expect(200);
    // Someone with database access edits an exported line (the immutability trigger switched off).
    await db.query('ALTER TABLE billing_lines DISABLE TRIGGER tr_billing_lines_exported_immutable');
    try {
      await db.query(`UPDATE billing_lines SET input = jsonb_set(input, '{coding,amountCents}', '2600') WHERE id = $1`, [line.id]);
    } finally {
      await db.query('ALTER TABLE billing_lines ENABLE TRIGGER tr_billing_lines_exported_immutable');
    }
    for (const format of ['csv', 'json', 'fhir-fr']) {
      await expect(asBiller('get', `/api/billing/batches/${batch.id}/export?format=${format}`).buffer(true).then((r) => r.status)).rejects.toThrow(/aborted|socket hang up|ECONNRESET|terminated/i);
    }
  });

  it('keeps a batch and its lines immutable in the database itself; a voided line is reissued into a later batch', async () => {
    const line = await codedLine(VIDEO_BOTH_WAYS);
    const day = line.dateOfService;
    const first: BatchView = (await asBiller('post', '/api/billing/batches').send({ from: day, to: day, doctorId: doctor.id }).expect(201)).body;

    await expect(db.query(`UPDATE billing_batches SET total_cents = 0 WHERE id = $1`, [first.id])).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM billing_batches WHERE id = $1`, [first.id])).rejects.toThrow(/immutable/);
    await expect(db.query(`UPDATE billing_lines SET total_cents = 1 WHERE id = $1`, [line.id])).rejects.toThrow(/can only be voided/);
    await expect(db.query(`UPDATE billing_lines SET batch_id = NULL, state = 'ready' WHERE id = $1`, [line.id])).rejects.toThrow(/can only be voided/);
    await expect(db.query(`DELETE FROM billing_lines WHERE id = $1`, [line.id])).rejects.toThrow(/cannot be deleted/);

    await asBiller('post', `/api/billing/lines/${line.id}/reissue`).expect(409);
    await asBiller('post', `/api/billing/lines/${line.id}/void`).send({ reason: '' }).expect(400);
    const voided: BillingLineView = (await asBiller('post', `/api/billing/lines/${line.id}/void`).send({ reason: 'wrong patient location' }).expect(200)).body;
    expect(voided).toMatchObject({ state: 'voided', batchId: first.id, voided: { by: biller.id, reason: 'wrong patient location' } });
    const reissued: BillingLineView = (await asBiller('post', `/api/billing/lines/${line.id}/reissue`).expect(201)).body;
    expect(reissued).toMatchObject({ replacesLineId: line.id, state: 'ready', batchId: null, visitId: line.visitId });
    await asBiller('post', `/api/billing/lines/${line.id}/reissue`).expect(409);

    const second: BatchView = (await asBiller('post', '/api/billing/batches').send({ from: day, to: day, doctorId: doctor.id }).expect(201)).body;
    expect(second.number).toBeGreaterThan(first.number);
    // The first batch did not change: same hash from its lines, the voided line still in it.
    expect(await t.app.get(BillingExportService).hashBatch(first.id)).toBe(first.contentHash);
    const [{ ids }] = await db.query(`SELECT array_agg(id) AS ids FROM billing_lines WHERE batch_id = $1`, [second.id]);
    expect(ids).toContain(reissued.id);
    expect(ids).not.toContain(line.id);
  });

  it('never puts one line into two batches when exports start at the same moment', async () => {
    const other = await createDoctor(t, 'Dr Concurrent');
    await request(t.url).put(`/api/billing/practitioners/${other.id}`).set('cookie', biller.cookie).send(gpProfile('10009999999')).expect(200);
    const visitId = await completedVisit(t, other, sfu, VIDEO_BOTH_WAYS);
    await request(t.url).put(`/api/visits/${visitId}/patient-identity`).set('cookie', other.cookie).send(qualifiedIdentity('10009999999')).expect(200);
    const template: BillingLineView = (await request(t.url).post(`/api/visits/${visitId}/billing-line`).set('cookie', other.cookie).send(tcg()).expect(200)).body;
    expect(template.state).toBe('ready');
    const day = template.dateOfService;

    for (const [round, lines, exporters] of [[1, 3000, 2], [2, 1500, 4], [3, 1, 3]] as const) {
      // The template itself is ready in round 1 only (exported afterwards): copies make up the rest.
      if (lines > 1) await copyBillingLine(db, template.id, round === 1 ? lines - 1 : lines);
      else {
        const single = await completedVisit(t, other, sfu, VIDEO_BOTH_WAYS);
        await request(t.url).put(`/api/visits/${single}/patient-identity`).set('cookie', other.cookie).send(qualifiedIdentity('10009999999')).expect(200);
        await request(t.url).post(`/api/visits/${single}/billing-line`).set('cookie', other.cookie).send(tcg()).expect(200);
      }
      const [{ ready }] = await db.query(`SELECT COUNT(*)::int AS ready FROM billing_lines WHERE doctor_id = $1 AND state = 'ready'`, [other.id]);
      expect({ round, ready }).toEqual({ round, ready: lines });

      const results = await Promise.all(
        Array.from({ length: exporters }, () => request(t.url).post('/api/billing/batches').set('cookie', biller.cookie).send({ from: day, to: day, doctorId: other.id })),
      );
      const created = results.filter((r) => r.status === 201).map((r) => r.body as BatchView);
      // Every other exporter found nothing left: a clear 409, never a 500.
      expect(results.filter((r) => r.status !== 201).map((r) => [r.status, r.body.code])).toEqual(Array(exporters - created.length).fill([409, 'NOTHING_TO_EXPORT']));

      const seen = new Set<string>();
      for (const batch of created) {
        const csv = (await request(t.url).get(`/api/billing/batches/${batch.id}/export?format=csv`).set('cookie', biller.cookie).expect(200)).text;
        const ids = csvLineIds(csv);
        expect(ids).toHaveLength(batch.lineCount);
        for (const id of ids) {
          expect(seen.has(id)).toBe(false);
          seen.add(id);
        }
        expect(await t.app.get(BillingExportService).hashBatch(batch.id)).toBe(batch.contentHash);
      }
      expect({ round, exported: seen.size }).toEqual({ round, exported: lines });
      const [{ left }] = await db.query(`SELECT COUNT(*)::int AS left FROM billing_lines WHERE doctor_id = $1 AND state = 'ready'`, [other.id]);
      expect(left).toBe(0);
    }
    // 4,500 lines exported, hashed and read back in three rounds: minutes, not seconds, on a loaded 2-core machine.
  }, 180_000);

  it('lists lines by period, doctor and state with counts and keyset pages, and shows each doctor’s F7 share', async () => {
    const page1: BillingLinesPage = (await asBiller('get', `/api/billing/lines?doctorId=${doctor.id}&limit=2`).expect(200)).body;
    expect(page1.lines).toHaveLength(2);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2: BillingLinesPage = (await asBiller('get', `/api/billing/lines?doctorId=${doctor.id}&limit=2&cursor=${page1.nextCursor}`).expect(200)).body;
    expect(page2.lines.map((l) => l.id)).not.toEqual(expect.arrayContaining(page1.lines.map((l) => l.id).slice(0, 1)));
    const total = Object.values(page1.counts).reduce((a, b) => a + b, 0);
    const [{ n }] = await db.query(`SELECT COUNT(*)::int AS n FROM billing_lines WHERE doctor_id = $1`, [doctor.id]);
    expect(total).toBe(n);
    const blocked: BillingLinesPage = (await asBiller('get', `/api/billing/lines?doctorId=${doctor.id}&state=blocked`).expect(200)).body;
    expect(blocked.lines.every((l) => l.state === 'blocked')).toBe(true);
    expect(blocked.lines.length).toBe(page1.counts.blocked);

    const practitioners: PractitionerView[] = (await asBiller('get', '/api/billing/practitioners').expect(200)).body;
    const me = practitioners.find((p) => p.userId === doctor.id)!;
    // A GP's teleconsultations with their own patients do not count toward the share (F7).
    const [{ countable }] = await db.query(
      `SELECT COUNT(*)::int AS countable FROM billing_lines WHERE doctor_id = $1 AND counts_toward_share AND state <> 'voided' AND date_of_service >= date_trunc('year', now())::date`,
      [doctor.id],
    );
    expect(me.share).toMatchObject({ countable, declaredTotalActs: 4000, limitPercent: 20 });
    expect(me.share.percent).toBeCloseTo((countable / 4000) * 100, 1);
  });
});
