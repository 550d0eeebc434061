import type { InsOid } from '@visite/contracts';
import type { ExportBatchHeader, ExportLine } from './export-line';
import { exportableIns } from '@visite/billing';
import {
  addOnCodes,
  addOnTotalCents,
  CSV_BOM,
  CSV_EOL,
  CSV_SEPARATOR,
  csvAmount,
  csvNumber,
  csvText,
  TextSink,
  warningRuleIds,
  yesNo,
} from './format';

/**
 * Pre-billing CSV for the practice's certified billing software (docs/billing-export.md, "CSV"):
 * UTF-8 with a BOM, `;` separator, CRLF line ends, a header row, one row per billed line, ISO dates,
 * amounts as decimal euros with a dot ("25.00"), text cells quoted when needed and guarded against
 * formula injection.
 */

type Ins = { value: string; oid: InsOid } | null;

interface CsvColumn {
  name: string;
  cell(line: ExportLine, ins: Ins): string;
}

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'batch_id', cell: (l) => csvText(l.batchId) },
  { name: 'line_id', cell: (l) => csvText(l.id) },
  { name: 'visit_id', cell: (l) => csvText(l.visitId) },
  { name: 'date_of_service', cell: (l) => csvText(l.input.visit.dateOfService) },
  { name: 'act_code', cell: (l) => csvText(l.input.coding.code) },
  { name: 'act_amount', cell: (l) => csvAmount(l.input.coding.amountCents) },
  { name: 'add_on_codes', cell: (l) => csvText(addOnCodes(l.input.coding.addOns)) },
  { name: 'add_on_amount', cell: (l) => csvAmount(addOnTotalCents(l.input.coding.addOns)) },
  { name: 'extra_fee', cell: (l) => csvAmount(l.input.coding.extraFeeCents) },
  { name: 'total_amount', cell: (l) => csvAmount(l.totalCents) },
  { name: 'coverage_percent', cell: (l) => csvNumber(l.input.coding.coveragePercent) },
  { name: 'third_party_payment', cell: (l) => yesNo(l.input.coding.thirdPartyPayment) },
  { name: 'modality', cell: (l) => csvText(l.input.visit.modality) },
  { name: 'patient_location', cell: (l) => csvText(l.input.coding.patientLocation) },
  { name: 'practitioner_rpps', cell: (l) => csvText(l.input.practitioner.rpps) },
  { name: 'practitioner_am_number', cell: (l) => csvText(l.input.practitioner.amNumber) },
  { name: 'practitioner_name', cell: (l) => csvText(l.input.practitioner.lastName + ' ' + l.input.practitioner.firstName) },
  { name: 'profession', cell: (l) => csvText(l.input.practitioner.profession) },
  { name: 'specialty', cell: (l) => csvText(l.input.practitioner.specialty) },
  { name: 'sector', cell: (l) => csvText(l.input.practitioner.sector) },
  { name: 'optam', cell: (l) => yesNo(l.input.practitioner.optam) },
  { name: 'other_professional_rpps', cell: (l) => csvText(l.input.coding.otherProfessionalRpps) },
  { name: 'insured_nir', cell: (l) => csvText(l.input.patient.insuredNir) },
  { name: 'beneficiary_rank', cell: (l) => csvNumber(l.input.patient.beneficiaryRank) },
  { name: 'beneficiary_birth_date', cell: (l) => csvText(l.input.patient.birthDate) },
  { name: 'beneficiary_last_name', cell: (l) => csvText(l.input.patient.lastName) },
  { name: 'beneficiary_first_name', cell: (l) => csvText(l.input.patient.firstName) },
  { name: 'ins', cell: (_l, ins) => (ins === null ? '' : csvText(ins.value)) },
  { name: 'ins_oid', cell: (_l, ins) => (ins === null ? '' : csvText(ins.oid)) },
  { name: 'identity_status', cell: (l) => csvText(l.input.patient.identityStatus) },
  { name: 'referral', cell: (l) => yesNo(l.input.coding.referral) },
  { name: 'care_exception', cell: (l) => csvText(l.input.coding.careException) },
  { name: 'fee_table_version', cell: (l) => csvText(l.feeTableVersion) },
  { name: 'rules_version', cell: (l) => csvText(l.rulesVersion) },
  { name: 'warnings', cell: (l) => csvText(warningRuleIds(l.results)) },
  { name: 'replaces_line_id', cell: (l) => csvText(l.replacesLineId) },
];

const COLUMN_COUNT = CSV_COLUMNS.length;
const HEADER_ROW = CSV_COLUMNS.map((column) => column.name).join(CSV_SEPARATOR) + CSV_EOL;

/** One row (with its CRLF) for one line. */
export function csvRow(line: ExportLine): string {
  const ins = exportableIns(line.input.patient);
  let row = CSV_COLUMNS[0].cell(line, ins);
  for (let i = 1; i < COLUMN_COUNT; i++) row += CSV_SEPARATOR + CSV_COLUMNS[i].cell(line, ins);
  return row + CSV_EOL;
}

/** Yields the BOM + header row, then one chunk of rows per page. The batch header is not in the file (one row = one line). */
export async function* renderCsv(_header: ExportBatchHeader, pages: AsyncIterable<ExportLine[]>): AsyncGenerator<string> {
  yield CSV_BOM + HEADER_ROW;
  const sink = new TextSink();
  for await (const page of pages) {
    for (let i = 0; i < page.length; i++) sink.write(csvRow(page[i]));
    yield sink.take();
  }
}
