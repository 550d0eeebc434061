import { ExportIntegrityError, verifyingPages } from './canonical-line';
import { CSV_COLUMNS, renderCsv } from './render-csv';
import { collect, makeHeader, makeLine, mixedLines, pagesOf, PATIENT_QUAL, uuid, withPatient } from './test-fixtures';

async function csvOf(lines = mixedLines(), pageSize = 3): Promise<{ chunks: string[]; text: string }> {
  const chunks = await collect(renderCsv(await makeHeader(lines), pagesOf(lines, pageSize)));
  return { chunks, text: chunks.join('') };
}

/** Rows as records, by the simple split the fixture allows (no quoted cell in these rows). */
function records(text: string): Record<string, string>[] {
  const [head, ...rows] = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(rows.pop()).toBe('');
  const names = head.split(';');
  return rows.map((row) => {
    const cells = row.split(';');
    expect(cells).toHaveLength(names.length);
    return Object.fromEntries(names.map((name, i) => [name, cells[i]]));
  });
}

describe('renderCsv', () => {
  it('starts with a BOM and the header row, and ends every row with CRLF', async () => {
    const { text } = await csvOf();
    expect(text.startsWith('\uFEFFbatch_id;line_id;visit_id;date_of_service;act_code;act_amount;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')[0].replace('\uFEFF', '').split(';')).toEqual(CSV_COLUMNS.map((c) => c.name));
  });

  it('has the columns the billing software needs', () => {
    expect(CSV_COLUMNS.map((c) => c.name)).toEqual([
      'batch_id', 'line_id', 'visit_id', 'date_of_service', 'act_code', 'act_amount', 'add_on_codes', 'add_on_amount', 'extra_fee',
      'total_amount', 'coverage_percent', 'third_party_payment', 'modality', 'patient_location', 'practitioner_rpps',
      'practitioner_am_number', 'practitioner_name', 'profession', 'specialty', 'sector', 'optam', 'other_professional_rpps',
      'insured_nir', 'beneficiary_rank', 'beneficiary_birth_date', 'beneficiary_last_name', 'beneficiary_first_name', 'ins',
      'ins_oid', 'identity_status', 'referral', 'care_exception', 'fee_table_version', 'rules_version', 'warnings', 'replaces_line_id',
    ]);
  });

  it('writes one row per line, one chunk per page after the header chunk', async () => {
    const { chunks, text } = await csvOf(mixedLines(), 3);
    expect(chunks).toHaveLength(1 + 2);
    expect(records(text)).toHaveLength(4);
    expect(chunks[0].split('\r\n')).toHaveLength(2);
  });

  it('puts each value in its cell (known fixture, parsed back)', async () => {
    const [first, second, child, nia] = records((await csvOf()).text);
    expect(first).toMatchObject({
      batch_id: '0b8e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b',
      line_id: '11000000-0000-4000-8000-000000000001',
      date_of_service: '2025-03-10',
      act_code: 'TCG',
      act_amount: '25.00',
      add_on_codes: 'MOP',
      add_on_amount: '5.00',
      extra_fee: '0.00',
      total_amount: '30.00',
      coverage_percent: '70',
      third_party_payment: 'N',
      modality: 'video',
      patient_location: 'home',
      practitioner_rpps: '10101201234',
      practitioner_am_number: '751234567',
      practitioner_name: 'Bernard Jeanne',
      profession: 'physician',
      specialty: 'general_practice',
      sector: '1',
      optam: 'N',
      other_professional_rpps: '',
      insured_nir: '290017501234551',
      beneficiary_rank: '1',
      beneficiary_birth_date: '1990-01-15',
      beneficiary_last_name: 'Dupont',
      beneficiary_first_name: 'Marie',
      ins: '290017501234551',
      ins_oid: '1.2.250.1.213.1.4.8',
      identity_status: 'QUAL',
      referral: 'N',
      care_exception: '',
      fee_table_version: 'ngap-2025-01',
      rules_version: 'rules-1',
      warnings: '',
      replaces_line_id: '',
    });
    expect(second).toMatchObject({ modality: 'audio', patient_location: 'workplace', warnings: 'F6|F7', add_on_codes: '', add_on_amount: '0.00' });
    expect(child).toMatchObject({
      act_code: 'TE2', act_amount: '20.00', coverage_percent: '100', third_party_payment: 'Y', modality: 'asynchronous',
      patient_location: '', other_professional_rpps: '10003461033', insured_nir: '185057512345673', beneficiary_rank: '2',
      beneficiary_birth_date: '2015-06-01', beneficiary_first_name: 'Léo',
    });
    expect(nia).toMatchObject({ extra_fee: '15.00', total_amount: '40.00', sector: '2', care_exception: 'emergency', ins: '712345678901220', ins_oid: '1.2.250.1.213.1.4.9', replaces_line_id: '11000000-0000-4000-8000-000000000999' });
  });

  it('omits the INS unless the identity is qualified (the insured NIR stays: it is the billing identity)', async () => {
    const [, , child] = records((await csvOf()).text);
    expect(child.identity_status).toBe('PROV');
    expect(child.ins).toBe('');
    expect(child.ins_oid).toBe('');
    expect(child.insured_nir).toBe('185057512345673');
    const lines = [
      makeLine(1, (l) => withPatient(l, { ...PATIENT_QUAL, identityStatus: 'VALI' }, uuid('ba', 10))),
      makeLine(2, (l) => withPatient(l, { ...PATIENT_QUAL, ins: '290017501234599' }, uuid('ba', 11))),
    ];
    for (const row of records((await csvOf(lines)).text)) expect([row.ins, row.ins_oid]).toEqual(['', '']);
  });

  it('quotes cells holding the separator, quotes or line breaks', async () => {
    const line = makeLine(1, (l) => {
      l.input.patient.lastName = 'Le "Grand"; Dupont';
      l.input.patient.firstName = 'Anne\nMarie';
      l.feeTableVersion = 'v1\r\nv2';
    });
    const { text } = await csvOf([line]);
    expect(text).toContain(';"Le ""Grand""; Dupont";"Anne\nMarie";');
    expect(text).toContain(';"v1\r\nv2";');
  });

  it('guards text cells against formula injection', async () => {
    const line = makeLine(1, (l) => {
      l.input.patient.lastName = '=HYPERLINK("http://evil.example";"click")';
      l.input.patient.firstName = '+33612345678';
      l.input.practitioner.lastName = '@SUM(A1:A9)';
      l.input.coding.code = '-TCG';
    });
    const { text } = await csvOf([line]);
    expect(text).toContain(';"\'=HYPERLINK(""http://evil.example"";""click"")";\'+33612345678;');
    expect(text).toContain(";'@SUM(A1:A9) Jeanne;");
    expect(text).toContain(";'-TCG;25.00;");
    // No cell of any row starts with a formula character.
    for (const row of text.split('\r\n')) {
      for (const cell of row.split(';')) expect(cell).not.toMatch(/^"?[=+@]/);
    }
  });

  it('fails instead of completing when wrapped in verifyingPages and the lines differ from the batch', async () => {
    const lines = mixedLines();
    const header = await makeHeader(lines);
    const chunks: string[] = [];
    const tampered = mixedLines();
    tampered[3].totalCents += 100;
    await expect(
      (async () => {
        for await (const chunk of renderCsv(header, verifyingPages(header, pagesOf(tampered, 2)))) chunks.push(chunk);
      })(),
    ).rejects.toThrow(ExportIntegrityError);
    // Rows were streamed, but the stream ended in an error: the download is visibly incomplete.
    expect(chunks).toHaveLength(3);
    expect((await collect(renderCsv(header, verifyingPages(header, pagesOf(lines, 2)))))).toHaveLength(3);
  });

  it('keeps names beyond Latin-1 intact', async () => {
    const line = makeLine(1, (l) => (l.input.patient.lastName = 'Nguyễn Œ'));
    expect(records((await csvOf([line])).text)[0].beneficiary_last_name).toBe('Nguyễn Œ');
  });

  it('renders an empty batch as the header row only', async () => {
    const { chunks } = await csvOf([]);
    expect(chunks).toHaveLength(1);
  });
});
