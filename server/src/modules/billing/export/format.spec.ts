import { addOnCodes, addOnTotalCents, centsToDecimal, csvAmount, csvText, formatCents, jsonString, TextSink, warningRuleIds, yesNo } from './format';

describe('export formatting', () => {
  it('formats cents as decimal euros with a dot and two decimals', () => {
    expect(formatCents(2500)).toBe('25.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(1999)).toBe('19.99');
    expect(formatCents(-350)).toBe('-3.50');
    expect(formatCents(123456789)).toBe('1234567.89');
    expect(() => formatCents(12.5)).toThrow(TypeError);
    expect(() => formatCents(Number.NaN)).toThrow(TypeError);
  });

  it('gives FHIR decimals from cents', () => {
    expect(centsToDecimal(2500)).toBe(25);
    expect(centsToDecimal(1999)).toBe(19.99);
    expect(JSON.stringify(centsToDecimal(1)).toString()).toBe('0.01');
  });

  it('quotes CSV text only when needed and doubles quotes', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a;b')).toBe('"a;b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvText('a\nb')).toBe('"a\nb"');
    expect(csvText(null)).toBe('');
    expect(csvText('')).toBe('');
  });

  it('guards CSV text against formula injection', () => {
    expect(csvText('=1+1')).toBe("'=1+1");
    expect(csvText('+33 6 12')).toBe("'+33 6 12");
    expect(csvText('-2+3')).toBe("'-2+3");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\t=cmd')).toBe("'\t=cmd");
    expect(csvText('=HYPERLINK("http://x";"y")')).toBe('"\'=HYPERLINK(""http://x"";""y"")"');
    expect(csvText('a=b')).toBe('a=b');
  });

  it('leaves amounts numeric (a minus sign is a number, not a formula)', () => {
    expect(csvAmount(-350)).toBe('-3.50');
  });

  it('joins add-ons and acknowledged warnings', () => {
    const addOns = [
      { code: 'MOP', amountCents: 500 },
      { code: 'XYZ', amountCents: 120 },
    ];
    expect(addOnCodes(addOns)).toBe('MOP,XYZ');
    expect(addOnCodes([])).toBe('');
    expect(addOnTotalCents(addOns)).toBe(620);
    expect(
      warningRuleIds([
        { rule: 'F6', severity: 'warning', message: 'F6: x' },
        { rule: 'F2', severity: 'error', message: 'F2: x' },
        { rule: 'F7', severity: 'warning', message: 'F7: x' },
      ]),
    ).toBe('F6|F7');
    expect(yesNo(true)).toBe('Y');
    expect(yesNo(false)).toBe('N');
  });

  it('writes JSON strings exactly as JSON.stringify does', () => {
    for (const value of ['plain', 'é à ç', 'quote " backslash \\', 'control \u0001 \n \t', 'lone \ud800 surrogate', 'pair 😀', '\u2028', '']) {
      expect(jsonString(value)).toBe(JSON.stringify(value));
    }
    expect(() => jsonString(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('TextSink', () => {
  it('returns what was written, Latin-1 or not, page after page', () => {
    const sink = new TextSink(8);
    sink.write('abc é ');
    sink.write('ÿ');
    expect(sink.take()).toBe('abc é ÿ');
    // A character beyond Latin-1 in the middle of a page switches the page to UTF-8 without losing what came before.
    sink.write('Léo ');
    sink.write('Œuvray 😀 Nguyễn');
    sink.write(' é');
    expect(sink.take()).toBe('Léo Œuvray 😀 Nguyễn é');
    sink.write('back to Latin-1: à');
    expect(sink.take()).toBe('back to Latin-1: à');
    expect(sink.take()).toBe('');
  });

  it('grows past its initial size', () => {
    const sink = new TextSink(4);
    const parts = Array.from({ length: 1000 }, (_, i) => `${i}:é;`);
    for (const part of parts) sink.write(part);
    sink.write('Ω');
    expect(sink.take()).toBe(parts.join('') + 'Ω');
  });
});

