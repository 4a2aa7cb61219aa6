import { mdTable, mdText } from './markdown';

describe('mdText', () => {
  it('escapes table pipes, inline markup and HTML', () => {
    expect(mdText('a | b')).toBe('a \\| b');
    expect(mdText('*bold* _it_ `code` [link](x)')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)');
    expect(mdText('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(mdText('back\\slash')).toBe('back\\\\slash');
  });

  it('keeps a text on one line', () => {
    expect(mdText('one\ntwo\r\nthree\rfour')).toBe('one two three four');
  });

  it('leaves ordinary refs and titles readable', () => {
    expect(mdText('T-DRG-01 County lines (NW)')).toBe('T-DRG-01 County lines (NW)');
  });

  it('is empty for null and undefined', () => {
    expect(mdText(null)).toBe('');
    expect(mdText(undefined)).toBe('');
  });
});

describe('mdTable', () => {
  it('writes a GFM table', () => {
    expect(mdTable(['A', 'B'], [['1', ''], ['x', 'y']])).toBe('| A | B |\n| --- | --- |\n| 1 |   |\n| x | y |');
  });
});
