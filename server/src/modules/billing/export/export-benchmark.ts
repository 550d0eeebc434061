/**
 * Throughput and memory of the export renderers on synthetic lines (the export path minus the
 * database). Not used by the application; run it on the built server, on the target hardware:
 *
 *   pnpm --filter @visite/server build
 *   node server/dist/modules/billing/export/export-benchmark.js [lines=1000000] [format|all] [pageSize=5000]
 *
 * Lines are fresh objects page by page, as a database driver produces them (their creation is timed
 * too, and reported on its own as "generate"); one patient per 10 lines and 50 doctors, so the FHIR
 * renderers' per-patient memory is exercised. Run it under jest only as a sanity check: jest's module
 * sandbox makes the same code about twice slower.
 */
import { createContentHasher } from './canonical-line';
import type { ExportBatchHeader, ExportLine, ExportRenderer } from './export-line';
import { renderCsv } from './render-csv';
import { renderFhirFr } from './render-fhir-fr';
import { renderFhirUs } from './render-fhir-us';
import { renderJson } from './render-json';
import { makeHeader, makeLine, mixedLines, PATIENT_NIA, PATIENT_PROV, PATIENT_QUAL, uuid } from './test-fixtures';

export const BENCHMARK_FORMATS: Readonly<Record<string, ExportRenderer | 'hash' | 'generate'>> = {
  generate: 'generate',
  hash: 'hash',
  csv: renderCsv,
  json: renderJson,
  'fhir-fr': renderFhirFr,
  'fhir-us': renderFhirUs,
};

export interface BenchmarkResult {
  format: string;
  lines: number;
  seconds: number;
  linesPerSecond: number;
  megabytesOut: number;
  peakRssMb: number;
}

/** `count` synthetic lines in pages of `pageSize`, built as they are consumed. */
export async function* syntheticPages(count: number, pageSize: number): AsyncGenerator<ExportLine[]> {
  const templates = mixedLines();
  const patients = [PATIENT_QUAL, PATIENT_PROV, PATIENT_NIA];
  const distinctPatients = Math.max(1, Math.floor(count / 10));
  for (let start = 0; start < count; start += pageSize) {
    const page: ExportLine[] = [];
    for (let n = start; n < Math.min(count, start + pageSize); n++) {
      const t = templates[n % templates.length];
      const p = n % distinctPatients;
      page.push({
        ...t,
        id: uuid('11', n),
        visitId: uuid('71', n),
        patientId: uuid('ba', p),
        doctorId: uuid('d0c', n % 50),
        input: {
          ...t.input,
          practitioner: { ...t.input.practitioner },
          patient: { ...patients[p % patients.length] },
          visit: { ...t.input.visit, visitId: uuid('71', n) },
          coding: { ...t.input.coding, addOns: t.input.coding.addOns.map((a) => ({ ...a })) },
        },
        results: t.results.map((r) => ({ ...r })),
      });
    }
    yield page;
  }
}

export async function runExportBenchmark(format: string, lines: number, pageSize = 5000): Promise<BenchmarkResult> {
  const target = BENCHMARK_FORMATS[format];
  if (target === undefined) throw new Error(`unknown format ${format}: ${Object.keys(BENCHMARK_FORMATS).join(', ')}`);
  const header: ExportBatchHeader = await makeHeader([makeLine(1)]);
  let peakRss = process.memoryUsage().rss;
  let bytes = 0;
  const start = process.hrtime.bigint();
  if (target === 'generate' || target === 'hash') {
    const hasher = createContentHasher();
    for await (const page of syntheticPages(lines, pageSize)) {
      if (target === 'hash') hasher.update(page);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  } else {
    for await (const chunk of target(header, syntheticPages(lines, pageSize))) {
      bytes += chunk.length;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    format,
    lines,
    seconds: Math.round(seconds * 100) / 100,
    linesPerSecond: Math.round(lines / seconds),
    megabytesOut: Math.round(bytes / 1e6),
    peakRssMb: Math.round(peakRss / 1e6),
  };
}

if (require.main === module) {
  const [lines = '1000000', format = 'all', pageSize = '5000'] = process.argv.slice(2);
  void (async () => {
    for (const name of format === 'all' ? Object.keys(BENCHMARK_FORMATS) : [format]) {
      const r = await runExportBenchmark(name, Number(lines), Number(pageSize));
      console.log(`${r.format}: ${r.lines} lines in ${r.seconds} s = ${r.linesPerSecond} lines/s, ${r.megabytesOut} M chars out, peak RSS ${r.peakRssMb} MB`);
    }
  })();
}
