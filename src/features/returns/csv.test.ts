/** CSV cells: quoting (RFC 4180) and formula injection neutralised (OWASP). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvCell, toCsv } from './csv.js';

describe('CSV', () => {
  test('plain cells are left alone; commas, quotes and line breaks are quoted, quotes doubled', () => {
    assert.equal(csvCell('8805'), '8805');
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell('the ‘RC8’ or "RC9"'), '"the ‘RC8’ or ""RC9"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
  });
  test('a cell starting with = + - @ is not a formula', () => {
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  });
  test('rows end CRLF', () => assert.equal(toCsv(['a', 'b'], [['1', '2']]), 'a,b\r\n1,2\r\n'));
});
