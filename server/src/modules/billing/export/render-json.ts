import { canonicalHeader, canonicalLine } from './canonical-line';
import type { ExportBatchHeader, ExportLine } from './export-line';
import { TextSink } from './format';

/**
 * `{"batch":{...header},"lines":[<canonical line>,...]}`, streamed: the prologue, one chunk per page,
 * the epilogue. Each element of `lines` is exactly canonicalLine(line), one per text line, so
 * SHA-256 over JSON.stringify(element) + "\n" for every element equals batch.contentHash.
 */
export async function* renderJson(header: ExportBatchHeader, pages: AsyncIterable<ExportLine[]>): AsyncGenerator<string> {
  yield '{"batch":' + canonicalHeader(header) + ',"lines":[';
  let first = true;
  const sink = new TextSink();
  for await (const page of pages) {
    for (let i = 0; i < page.length; i++) {
      sink.write(first ? '\n' : ',\n');
      sink.write(canonicalLine(page[i]));
      first = false;
    }
    yield sink.take();
  }
  yield (first ? '' : '\n') + ']}\n';
}
