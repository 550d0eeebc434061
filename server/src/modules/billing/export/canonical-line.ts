import { createHash, type Hash } from 'node:crypto';
import type {
  AddOn,
  BillingLineInput,
  LineCoding,
  LineContext,
  PatientBilling,
  PractitionerBilling,
  RuleResult,
  SickNote,
  VisitFacts,
} from '@visite/contracts';
import type { ExportBatchHeader, ExportLine } from './export-line';
import { jsonString } from './format';

/**
 * The canonical form of an exported line, and the batch content hash built on it.
 *
 * canonicalLine(line) is JSON with a fixed key order (CANONICAL_FIELDS below, which follows the
 * contract interfaces), no whitespace, strings escaped exactly as JSON.stringify escapes them,
 * numbers as JSON.stringify writes them, and every field present: an absent optional field is `null`.
 * Fields that are not in the contracts are not part of the canonical form.
 *
 * Content hash of a batch = SHA-256 (hex) over canonicalLine(l) + "\n" for every line in batch order.
 * Because the canonical form is what JSON.stringify produces for the same keys in the same order,
 * JSON.stringify(JSON.parse(canonicalLine(l))) === canonicalLine(l): a practice can re-hash the `lines`
 * of the JSON export with any JSON library that keeps key order (docs/billing-export.md).
 *
 * The writers are hand-written concatenations (this runs for every exported line, twice when a download
 * is verified). CANONICAL_FIELDS is checked against the contracts at compile time (`satisfies`: a field
 * added to a contract interface fails compilation here) and against the writers by the spec (the keys
 * written must be exactly these, in this order). Changing it changes every batch's hash: it is a format
 * change (docs/billing-export.md, "Content hash").
 */

type FieldList<T> = { [K in keyof T]-?: true };

export const CANONICAL_FIELDS = {
  line: {
    id: true, batchId: true, visitId: true, patientId: true, doctorId: true, input: true, results: true, totalCents: true,
    feeTableVersion: true, rulesVersion: true, replacesLineId: true,
  } satisfies FieldList<ExportLine>,
  input: { practitioner: true, patient: true, visit: true, coding: true, context: true } satisfies FieldList<BillingLineInput>,
  practitioner: {
    rpps: true, amNumber: true, profession: true, specialty: true, sector: true, optam: true, firstName: true, lastName: true,
  } satisfies FieldList<PractitionerBilling>,
  patient: {
    firstName: true, lastName: true, birthDate: true, sex: true, ins: true, insOid: true, identityStatus: true, insuredNir: true,
    beneficiaryRank: true, regularDoctorRpps: true,
  } satisfies FieldList<PatientBilling>,
  visit: { visitId: true, dateOfService: true, modality: true } satisfies FieldList<VisitFacts>,
  coding: {
    code: true, amountCents: true, addOns: true, extraFeeCents: true, otherProfessionalRpps: true, thirdPartyPayment: true,
    coveragePercent: true, referral: true, careException: true, exceptionReason: true, sickNote: true, patientLocation: true,
  } satisfies FieldList<LineCoding>,
  addOn: { code: true, amountCents: true } satisfies FieldList<AddOn>,
  sickNote: { days: true, inPersonImpossible: true } satisfies FieldList<SickNote>,
  context: { teleconsultationShare: true, te2CountForPatientAndRequester: true } satisfies FieldList<LineContext>,
  teleconsultationShare: { year: true, countable: true, declaredTotalActs: true } satisfies FieldList<NonNullable<LineContext['teleconsultationShare']>>,
  result: { rule: true, severity: true, message: true, field: true } satisfies FieldList<RuleResult>,
  header: {
    id: true, number: true, createdAt: true, from: true, to: true, lineCount: true, totalCents: true, contentHash: true,
  } satisfies FieldList<ExportBatchHeader>,
} as const;

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

function str(value: string): string {
  if (typeof value !== 'string') throw new TypeError(`canonical line: expected a string, got ${describe(value)}`);
  return jsonString(value);
}

function nstr(value: string | null | undefined): string {
  return value === null || value === undefined ? 'null' : str(value);
}

/** Finite numbers only (NaN/Infinity would silently become null in JSON). */
function num(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`canonical line: expected a finite number, got ${String(value)}`);
  return JSON.stringify(value);
}

function nnum(value: number | null | undefined): string {
  return value === null || value === undefined ? 'null' : num(value);
}

function bool(value: boolean): string {
  if (typeof value !== 'boolean') throw new TypeError(`canonical line: expected a boolean, got ${describe(value)}`);
  return value ? 'true' : 'false';
}

function obj<T>(value: T): T {
  if (value === null || typeof value !== 'object') throw new TypeError(`canonical line: expected an object, got ${describe(value)}`);
  return value;
}

function arr<T>(value: readonly T[]): readonly T[] {
  if (!Array.isArray(value)) throw new TypeError(`canonical line: expected an array, got ${describe(value)}`);
  return value;
}

function practitioner(p: PractitionerBilling): string {
  obj(p);
  return '{"rpps":' + str(p.rpps) + ',"amNumber":' + str(p.amNumber) + ',"profession":' + str(p.profession) +
    ',"specialty":' + str(p.specialty) + ',"sector":' + str(p.sector) + ',"optam":' + bool(p.optam) +
    ',"firstName":' + str(p.firstName) + ',"lastName":' + str(p.lastName) + '}';
}

function patient(p: PatientBilling): string {
  obj(p);
  return '{"firstName":' + str(p.firstName) + ',"lastName":' + str(p.lastName) + ',"birthDate":' + str(p.birthDate) +
    ',"sex":' + str(p.sex) + ',"ins":' + nstr(p.ins) + ',"insOid":' + nstr(p.insOid) + ',"identityStatus":' + str(p.identityStatus) +
    ',"insuredNir":' + nstr(p.insuredNir) + ',"beneficiaryRank":' + num(p.beneficiaryRank) + ',"regularDoctorRpps":' + nstr(p.regularDoctorRpps) + '}';
}

function visit(v: VisitFacts): string {
  obj(v);
  return '{"visitId":' + str(v.visitId) + ',"dateOfService":' + str(v.dateOfService) + ',"modality":' + nstr(v.modality) + '}';
}

function addOns(list: readonly AddOn[]): string {
  arr(list);
  let out = '[';
  for (let i = 0; i < list.length; i++) {
    const a = obj(list[i]);
    out += (i === 0 ? '{"code":' : ',{"code":') + str(a.code) + ',"amountCents":' + num(a.amountCents) + '}';
  }
  return out + ']';
}

function sickNote(s: SickNote | null | undefined): string {
  if (s === null || s === undefined) return 'null';
  obj(s);
  return '{"days":' + num(s.days) + ',"inPersonImpossible":' + bool(s.inPersonImpossible) + '}';
}

function coding(c: LineCoding): string {
  obj(c);
  return '{"code":' + str(c.code) + ',"amountCents":' + num(c.amountCents) + ',"addOns":' + addOns(c.addOns) +
    ',"extraFeeCents":' + num(c.extraFeeCents) + ',"otherProfessionalRpps":' + nstr(c.otherProfessionalRpps) +
    ',"thirdPartyPayment":' + bool(c.thirdPartyPayment) + ',"coveragePercent":' + num(c.coveragePercent) +
    ',"referral":' + bool(c.referral) + ',"careException":' + nstr(c.careException) + ',"exceptionReason":' + nstr(c.exceptionReason) +
    ',"sickNote":' + sickNote(c.sickNote) + ',"patientLocation":' + nstr(c.patientLocation) + '}';
}

function context(c: LineContext): string {
  obj(c);
  const share = c.teleconsultationShare;
  const shareJson =
    share === null || share === undefined
      ? 'null'
      : '{"year":' + num(obj(share).year) + ',"countable":' + num(share.countable) + ',"declaredTotalActs":' + nnum(share.declaredTotalActs) + '}';
  return '{"teleconsultationShare":' + shareJson + ',"te2CountForPatientAndRequester":' + nnum(c.te2CountForPatientAndRequester) + '}';
}

function input(i: BillingLineInput): string {
  obj(i);
  return '{"practitioner":' + practitioner(i.practitioner) + ',"patient":' + patient(i.patient) + ',"visit":' + visit(i.visit) +
    ',"coding":' + coding(i.coding) + ',"context":' + context(i.context) + '}';
}

function results(list: readonly RuleResult[]): string {
  arr(list);
  let out = '[';
  for (let i = 0; i < list.length; i++) {
    const r = obj(list[i]);
    out += (i === 0 ? '{"rule":' : ',{"rule":') + str(r.rule) + ',"severity":' + str(r.severity) + ',"message":' + str(r.message) +
      ',"field":' + nstr(r.field) + '}';
  }
  return out + ']';
}

/** The line's exported content as deterministic JSON (fixed key order, no whitespace). Throws on a malformed line. */
export function canonicalLine(line: ExportLine): string {
  obj(line);
  return (
    '{"id":' + str(line.id) + ',"batchId":' + str(line.batchId) + ',"visitId":' + str(line.visitId) +
      ',"patientId":' + str(line.patientId) + ',"doctorId":' + str(line.doctorId) + ',"input":' + input(line.input) +
      ',"results":' + results(line.results) + ',"totalCents":' + num(line.totalCents) +
      ',"feeTableVersion":' + str(line.feeTableVersion) + ',"rulesVersion":' + str(line.rulesVersion) +
      ',"replacesLineId":' + nstr(line.replacesLineId) + '}'
  );
}

/** The batch header the same way (the JSON export's `batch`); not part of the content hash. */
export function canonicalHeader(h: ExportBatchHeader): string {
  obj(h);
  return '{"id":' + str(h.id) + ',"number":' + num(h.number) + ',"createdAt":' + str(h.createdAt) + ',"from":' + str(h.from) +
    ',"to":' + str(h.to) + ',"lineCount":' + num(h.lineCount) + ',"totalCents":' + num(h.totalCents) +
    ',"contentHash":' + str(h.contentHash) + '}';
}

export interface ContentHasher {
  /** Adds a page of lines, in batch order. */
  update(lines: readonly ExportLine[]): void;
  /** SHA-256 hex of everything added; the hasher cannot be used afterwards. */
  digest(): string;
  /** Lines and sum of totalCents added so far. */
  readonly lineCount: number;
  readonly totalCents: number;
}

/** Incremental content hash: SHA-256 over canonicalLine(l) + "\n" for each line, in order. */
export function createContentHasher(): ContentHasher {
  const hash: Hash = createHash('sha256');
  let lineCount = 0;
  let totalCents = 0;
  return {
    update(lines) {
      for (let i = 0; i < lines.length; i++) {
        hash.update(canonicalLine(lines[i]) + '\n', 'utf8');
        totalCents += lines[i].totalCents;
      }
      lineCount += lines.length;
    },
    digest: () => hash.digest('hex'),
    get lineCount() {
      return lineCount;
    },
    get totalCents() {
      return totalCents;
    },
  };
}

/** The content hash of a whole sequence of pages. */
export async function contentHashOf(pages: AsyncIterable<readonly ExportLine[]> | Iterable<readonly ExportLine[]>): Promise<string> {
  const hasher = createContentHasher();
  for await (const page of pages) hasher.update(page);
  return hasher.digest();
}

export class ExportIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportIntegrityError';
  }
}

/**
 * Passes the pages through unchanged while hashing them; after the last page, throws
 * ExportIntegrityError if the line count, the total or the content hash differ from the header's.
 * Wrap a renderer's input with it (renderCsv(header, verifyingPages(header, pages))) so that a file
 * whose lines do not match the immutable batch fails instead of completing: the renderer never yields
 * its epilogue, the stream errors and the download is visibly incomplete.
 */
export async function* verifyingPages(header: ExportBatchHeader, pages: AsyncIterable<ExportLine[]>): AsyncGenerator<ExportLine[]> {
  const hasher = createContentHasher();
  for await (const page of pages) {
    hasher.update(page);
    yield page;
  }
  if (hasher.lineCount !== header.lineCount) {
    throw new ExportIntegrityError(`batch ${header.id}: ${hasher.lineCount} lines read, the batch has ${header.lineCount}`);
  }
  if (hasher.totalCents !== header.totalCents) {
    throw new ExportIntegrityError(`batch ${header.id}: lines total ${hasher.totalCents} cents, the batch says ${header.totalCents}`);
  }
  const digest = hasher.digest();
  if (digest !== header.contentHash) {
    throw new ExportIntegrityError(`batch ${header.id}: content hash ${digest} differs from the batch's ${header.contentHash}`);
  }
}
