import { csvField, toCsv } from './csv';

describe('csvField', () => {
  it('leaves plain text as it is', () => {
    expect(csvField('T-DRG-01')).toBe('T-DRG-01');
    expect(csvField('North West Police')).toBe('North West Police');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it.each(['=1+1', '+44 161', '-2', '@SUM(A1:A2)', '\t=1', '\r=1'])('prefixes %j with a quote so no spreadsheet runs it', (text) => {
    const out = csvField(text);
    expect(out.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('quotes a formula-looking text that also needs quoting, after the prefix', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('-a,b')).toBe(`"'-a,b"`);
  });

  it('writes numbers and booleans as they are, and nothing for null, undefined or NaN', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('does not prefix a formula character that is not at the start', () => {
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y'], [null, '=cmd']])).toBe(`a,b\r\n1,"x,y"\r\n,'=cmd\r\n`);
  });

  it('is just the header when there are no rows', () => {
    expect(toCsv(['only'], [])).toBe('only\r\n');
  });
});
