import { createHash } from 'node:crypto';
import { CANONICAL_FIELDS, canonicalHeader, canonicalLine, contentHashOf, createContentHasher, ExportIntegrityError, verifyingPages } from './canonical-line';
import type { ExportLine } from './export-line';
import { makeHeader, makeLine, mixedLines, pagesOf } from './test-fixtures';

/** The canonical form is a stored format (batch hashes depend on it): this pins it. */
const GOLDEN_LINE_1 =
  '{"id":"11000000-0000-4000-8000-000000000001","batchId":"0b8e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b","visitId":"71000000-0000-4000-8000-000000000001","patientId":"ba000000-0000-4000-8000-000000000001","doctorId":"d0c00000-0000-4000-8000-000000000001"' +
  ',"input":{"practitioner":{"rpps":"10101201234","amNumber":"751234567","profession":"physician","specialty":"general_practice","sector":"1","optam":false,"firstName":"Jeanne","lastName":"Bernard"}' +
  ',"patient":{"firstName":"Marie","lastName":"Dupont","birthDate":"1990-01-15","sex":"female","ins":"290017501234551","insOid":"1.2.250.1.213.1.4.8","identityStatus":"QUAL","insuredNir":"290017501234551","beneficiaryRank":1,"regularDoctorRpps":"10101201234"}' +
  ',"visit":{"visitId":"71000000-0000-4000-8000-000000000001","dateOfService":"2025-03-10","modality":"video"}' +
  ',"coding":{"code":"TCG","amountCents":2500,"addOns":[],"extraFeeCents":0,"otherProfessionalRpps":null,"thirdPartyPayment":false,"coveragePercent":70,"referral":false,"careException":null,"exceptionReason":null,"sickNote":null,"patientLocation":"home"}' +
  ',"context":{"teleconsultationShare":{"year":2025,"countable":12,"declaredTotalActs":4000},"te2CountForPatientAndRequester":null}}' +
  ',"results":[],"totalCents":2500,"feeTableVersion":"ngap-2025-01","rulesVersion":"rules-1","replacesLineId":null}';
const GOLDEN_MIXED_HASH = '701ed41d2bbf256312a604f31d28beed7c742fcd7f094f50db4376422bd8bec0';

describe('canonicalLine', () => {
  it('is fixed: key order, no whitespace, every field present', () => {
    expect(canonicalLine(makeLine(1))).toBe(GOLDEN_LINE_1);
  });

  it('writes exactly the CANONICAL_FIELDS (checked against the contracts at compile time), in their order', async () => {
    const line = makeLine(1, (l) => {
      l.input.coding.addOns = [{ code: 'MOP', amountCents: 500 }];
      l.input.coding.sickNote = { days: 2, inPersonImpossible: true };
      l.input.context.te2CountForPatientAndRequester = 1;
      l.results = [{ rule: 'F6', severity: 'warning', message: 'F6: x', field: 'coding.code' }];
    });
    const c = JSON.parse(canonicalLine(line));
    const keys = (o: object) => Object.keys(o);
    const F = CANONICAL_FIELDS;
    expect(keys(c)).toEqual(keys(F.line));
    expect(keys(c.input)).toEqual(keys(F.input));
    expect(keys(c.input.practitioner)).toEqual(keys(F.practitioner));
    expect(keys(c.input.patient)).toEqual(keys(F.patient));
    expect(keys(c.input.visit)).toEqual(keys(F.visit));
    expect(keys(c.input.coding)).toEqual(keys(F.coding));
    expect(keys(c.input.coding.addOns[0])).toEqual(keys(F.addOn));
    expect(keys(c.input.coding.sickNote)).toEqual(keys(F.sickNote));
    expect(keys(c.input.context)).toEqual(keys(F.context));
    expect(keys(c.input.context.teleconsultationShare)).toEqual(keys(F.teleconsultationShare));
    expect(keys(c.results[0])).toEqual(keys(F.result));
    expect(keys(JSON.parse(canonicalHeader(await makeHeader([line]))))).toEqual(keys(F.header));
    // And every value is the one read (no field written from the wrong property).
    expect(c).toEqual(JSON.parse(JSON.stringify(line)));
  });

  it('is deterministic whatever the key order of the objects it reads', () => {
    const line = makeLine(1);
    const shuffled = JSON.parse(JSON.stringify(line, Object.keys(line).reverse())) as ExportLine;
    const reordered = { ...shuffled, input: { context: line.input.context, coding: { ...line.input.coding }, visit: line.input.visit, patient: line.input.patient, practitioner: line.input.practitioner } };
    expect(canonicalLine(reordered)).toBe(canonicalLine(line));
  });

  it('round-trips through JSON.parse/JSON.stringify unchanged (what a verifier re-serializes)', () => {
    for (const line of mixedLines()) {
      line.input.patient.lastName = 'Ă\u0001"\\\u2028 é 😀';
      const canonical = canonicalLine(line);
      expect(JSON.stringify(JSON.parse(canonical))).toBe(canonical);
    }
  });

  it('writes absent optional fields as null and ignores fields outside the contract', () => {
    const line = makeLine(1, (l) => {
      l.input.context = {};
      (l.input.coding as unknown as Record<string, unknown>).somethingNew = 'x';
    });
    const parsed = JSON.parse(canonicalLine(line));
    expect(parsed.input.context).toEqual({ teleconsultationShare: null, te2CountForPatientAndRequester: null });
    expect(parsed.input.coding.somethingNew).toBeUndefined();
    expect(parsed.results).toEqual([]);
  });

  it('refuses malformed lines instead of hashing them', () => {
    expect(() => canonicalLine(makeLine(1, (l) => (l.totalCents = Number.NaN)))).toThrow(TypeError);
    expect(() => canonicalLine(makeLine(1, (l) => ((l.input.coding as unknown as Record<string, unknown>).code = 42)))).toThrow(TypeError);
    expect(() => canonicalLine(makeLine(1, (l) => ((l.input as unknown as Record<string, unknown>).visit = null)))).toThrow(TypeError);
  });

  it('writes the header in its own fixed order', async () => {
    const header = await makeHeader([makeLine(1)]);
    expect(Object.keys(JSON.parse(canonicalHeader(header)))).toEqual(['id', 'number', 'createdAt', 'from', 'to', 'lineCount', 'totalCents', 'contentHash']);
  });
});

describe('content hash', () => {
  it('is SHA-256 over canonicalLine + "\\n" per line, in order', async () => {
    const lines = mixedLines();
    const expected = createHash('sha256')
      .update(lines.map((l) => canonicalLine(l) + '\n').join(''))
      .digest('hex');
    expect(await contentHashOf(pagesOf(lines, 3))).toBe(expected);
    expect(expected).toBe(GOLDEN_MIXED_HASH);
  });

  it('is stable for the same lines and does not depend on how they are paged', async () => {
    const a = await contentHashOf(pagesOf(mixedLines(), 1));
    const b = await contentHashOf(pagesOf(mixedLines(), 100));
    const c = await contentHashOf([mixedLines().slice(0, 2), [], mixedLines().slice(2)]);
    expect(new Set([a, b, c]).size).toBe(1);
  });

  it('changes when one amount changes by one cent, or when the order changes', async () => {
    const base = await contentHashOf([mixedLines()]);
    const changed = mixedLines();
    changed[2].input.coding.amountCents += 1;
    expect(await contentHashOf([changed])).not.toBe(base);
    expect(await contentHashOf([mixedLines().reverse()])).not.toBe(base);
  });

  it('counts lines and totals as it goes', () => {
    const hasher = createContentHasher();
    hasher.update(mixedLines());
    expect(hasher.lineCount).toBe(4);
    expect(hasher.totalCents).toBe(3000 + 2500 + 2000 + 4000);
    expect(hasher.digest()).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyingPages', () => {
  async function drain(pages: AsyncIterable<ExportLine[]>): Promise<number> {
    let count = 0;
    for await (const page of pages) count += page.length;
    return count;
  }

  it('passes the pages through when they match the batch', async () => {
    const lines = mixedLines();
    expect(await drain(verifyingPages(await makeHeader(lines), pagesOf(lines, 3)))).toBe(4);
  });

  it('fails after the last page when a line is missing, a total or the content differs', async () => {
    const lines = mixedLines();
    const header = await makeHeader(lines);
    await expect(drain(verifyingPages(header, pagesOf(lines.slice(1), 3)))).rejects.toThrow(ExportIntegrityError);
    await expect(drain(verifyingPages({ ...header, totalCents: header.totalCents + 1 }, pagesOf(lines, 3)))).rejects.toThrow(/total/);
    const tampered = mixedLines();
    tampered[0].input.patient.lastName = 'Other';
    await expect(drain(verifyingPages(header, pagesOf(tampered, 3)))).rejects.toThrow(/content hash/);
  });
});
