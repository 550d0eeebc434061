import { canonicalJson, canonicalRow, canonicalTimestamp, GENESIS_HASH, hashRow, normalizeDetail, type ChainedFields } from './audit-chain';

const row: ChainedFields = {
  id: '6f1c1a52-4c1e-4d0e-9d55-3f0e8b2a7c11',
  chain: '00000000-0000-4000-8000-000000000001',
  seq: 7,
  createdAt: '2026-12-01T08:30:00.123000Z',
  practiceId: '00000000-0000-4000-8000-000000000001',
  actorType: 'user',
  actorId: 'a3c1d0e2-1111-4222-8333-444455556666',
  action: 'visits.listed',
  visitId: null,
  detail: { visitIds: ['v2', 'v1'], patientIds: ['p1'], count: 2 },
  prevHash: GENESIS_HASH,
};

describe('audit chain canonical form (unit)', () => {
  it('writes objects with sorted keys whatever order they were built in, arrays in their order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [3, 1] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } }));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson('é "q" \u2028')).toBe(JSON.stringify('é "q" \u2028'));
  });

  it('refuses what jsonb would change or refuse, instead of hashing something else than is stored', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/cannot be stored/);
    expect(() => canonicalJson({ n: Infinity })).toThrow(/cannot be stored/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
    expect(normalizeDetail({ at: new Date('2026-01-02T03:04:05.678Z'), gone: undefined })).toEqual({ at: '2026-01-02T03:04:05.678Z' });
    expect(() => normalizeDetail({ n: Number.NaN })).not.toThrow(); // JSON turns NaN into null, and so does the stored row
    expect(normalizeDetail({ n: Number.NaN })).toEqual({ n: null });
  });

  it('writes timestamps with microseconds in UTC, as PostgreSQL gives them back', () => {
    expect(canonicalTimestamp(new Date('2026-12-01T09:30:00.123+01:00'))).toBe('2026-12-01T08:30:00.123000Z');
  });

  it('gives a row the same hash for the same fields, and another for any field changed', () => {
    const same = { ...row, detail: { count: 2, patientIds: ['p1'], visitIds: ['v2', 'v1'] } };
    expect(hashRow(same)).toBe(hashRow(row));
    expect(hashRow(row)).toMatch(/^[0-9a-f]{64}$/);
    const changes: Partial<ChainedFields>[] = [
      { seq: 8 }, { chain: 'install' }, { createdAt: '2026-12-01T08:30:00.123001Z' }, { actorId: null }, { action: 'visits.listed2' },
      { visitId: row.id }, { detail: { ...row.detail, count: 3 } }, { detail: { ...row.detail, visitIds: ['v1', 'v2'] } }, { prevHash: 'f'.repeat(64) },
      { practiceId: null }, { actorType: 'system' }, { id: row.actorId! },
    ];
    for (const change of changes) expect(hashRow({ ...row, ...change })).not.toBe(hashRow(row));
    expect(canonicalRow(row).startsWith('["visite-audit-v1",')).toBe(true);
  });
});
