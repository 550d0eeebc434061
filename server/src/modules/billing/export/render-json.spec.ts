import { createHash } from 'node:crypto';
import { canonicalLine } from './canonical-line';
import { renderJson } from './render-json';
import { collect, makeHeader, mixedLines, pagesOf } from './test-fixtures';

describe('renderJson', () => {
  it('parses with JSON.parse, carries the batch and one element per line, one chunk per page', async () => {
    const lines = mixedLines();
    const header = await makeHeader(lines);
    const chunks = await collect(renderJson(header, pagesOf(lines, 3)));
    expect(chunks).toHaveLength(1 + 2 + 1);
    const doc = JSON.parse(chunks.join(''));
    expect(Object.keys(doc)).toEqual(['batch', 'lines']);
    expect(doc.batch).toEqual(header);
    expect(doc.lines).toHaveLength(header.lineCount);
    expect(doc.lines).toEqual(lines.map((l) => JSON.parse(canonicalLine(l))));
  });

  it('lets anyone recompute the content hash from the file: SHA-256 over JSON.stringify(line) + "\\n"', async () => {
    const lines = mixedLines();
    const header = await makeHeader(lines);
    const doc = JSON.parse((await collect(renderJson(header, pagesOf(lines, 2)))).join(''));
    const hash = createHash('sha256');
    for (const line of doc.lines) hash.update(JSON.stringify(line) + '\n');
    expect(hash.digest('hex')).toBe(doc.batch.contentHash);
  });

  it('keeps characters beyond Latin-1 intact (names, emoji), in any page', async () => {
    const lines = mixedLines();
    lines[1].input.patient.lastName = 'Œuvray 😀';
    lines[3].input.patient.firstName = 'Nguyễn Thị';
    const header = await makeHeader(lines);
    const doc = JSON.parse((await collect(renderJson(header, pagesOf(lines, 3)))).join(''));
    expect(doc.lines[1].input.patient.lastName).toBe('Œuvray 😀');
    expect(doc.lines[3].input.patient.firstName).toBe('Nguyễn Thị');
    const hash = createHash('sha256');
    for (const line of doc.lines) hash.update(JSON.stringify(line) + '\n');
    expect(hash.digest('hex')).toBe(header.contentHash);
  });

  it('writes one line of text per billed line', async () => {
    const lines = mixedLines();
    const text = (await collect(renderJson(await makeHeader(lines), pagesOf(lines, 1)))).join('');
    expect(text.split('\n').slice(1, 5)).toEqual(lines.map((l, i) => canonicalLine(l) + (i < 3 ? ',' : '')));
  });

  it('renders an empty batch', async () => {
    const header = await makeHeader([]);
    const doc = JSON.parse((await collect(renderJson(header, pagesOf([], 10)))).join(''));
    expect(doc).toEqual({ batch: header, lines: [] });
  });
});
