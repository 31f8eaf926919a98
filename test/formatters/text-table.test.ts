// The plain-text tables of the report's summary and rollups (src/formatters/text-table.ts): natural
// widths, alignment, shrinking the cuttable columns, then dropping the optional ones.
import { describe, expect, it } from 'vitest';
import { textTable, type TextColumn } from '../../src/formatters/text-table.js';

interface Row {
  name: string;
  n: string;
}

const name = (over: Partial<TextColumn<Row>> = {}): TextColumn<Row> => ({ title: 'name', align: 'left', value: (r) => r.name, ...over });
const count = (over: Partial<TextColumn<Row>> = {}): TextColumn<Row> => ({ title: 'count', align: 'right', value: (r) => r.n, ...over });

describe('textTable', () => {
  it('gives each column the width of its widest cell or title, two spaces apart, after the indent', () => {
    const rows = [
      { name: 'alpha', n: '1' },
      { name: 'b', n: '123456' },
    ];
    expect(textTable(rows, [name(), count()], 80, '…')).toEqual(['  name    count', '  alpha       1', '  b      123456']);
    expect(textTable(rows, [count(), name()], 80, '…', '> ')).toEqual(['>  count  name', '>      1  alpha', '> 123456  b']);
    expect(textTable([], [name(), count()], 80, '…', '')).toEqual(['name  count']);
  });

  it('leaves a cuttable column at its natural width when the table fits, exactly or with room to spare', () => {
    const rows = [{ name: 'abcdefghij', n: '7' }];
    expect(textTable(rows, [name({ min: 3 }), count()], 80, '…')).toEqual(['  name        count', '  abcdefghij      7']);
    // 2 + 10 + 2 + 5 = 19 columns.
    expect(textTable(rows, [name({ min: 3 }), count()], 19, '…')).toEqual(['  name        count', '  abcdefghij      7']);
  });

  it('cuts the first cuttable columns by what is too much, never under their minimum', () => {
    const rows = [{ name: 'abcdefghij', n: '7' }];
    expect(textTable(rows, [name({ min: 3 }), count()], 16, '…')).toEqual(['  name     count', '  abcdef…      7']);
    expect(textTable(rows, [name({ min: 8 }), count()], 16, '…')).toEqual(['  name      count', '  abcdefg…      7']);
    expect(textTable(rows, [name({ min: 3 }), count()], 5, '...')).toEqual(['  ...  count', '  ...      7']);
    // A column without a minimum is never cut; the next one is, by all that is too much.
    const two: Array<TextColumn<Row>> = [name(), { title: 'id', align: 'left', value: (r) => r.n.repeat(10), min: 2 }];
    expect(textTable([{ name: 'abcdefghij', n: 'x' }], two, 20, '…')).toEqual(['  name        id', '  abcdefghij  xxxxx…']);
  });

  it('stops cutting once the table fits', () => {
    const rows = [{ name: 'abcdefghij', n: 'klmnopqrst' }];
    const cols = [name({ min: 3 }), count({ min: 3, align: 'left' })];
    // 2 + 10 + 2 + 10 = 24: four too many, taken from the first.
    expect(textTable(rows, cols, 20, '…')).toEqual(['  name    count', '  abcde…  klmnopqrst']);
    // Twelve too many: the first goes down to 3 (7 taken), the second by the other 5.
    expect(textTable(rows, cols, 12, '…')).toEqual(['  na…  count', '  ab…  klmn…']);
  });

  it('cuts in the middle the columns that ask for it', () => {
    const rows = [{ name: 'payments-gateway-eu-west-1', n: '1' }];
    expect(textTable(rows, [name({ min: 5, middle: true }), count()], 25, '…')).toEqual(['  name              count', '  payments-…west-1      1']);
    expect(textTable(rows, [name({ min: 5 }), count()], 25, '…')).toEqual(['  name              count', '  payments-gatewa…      1']);
  });

  it('drops optional columns in the order given until the table fits, and no more', () => {
    const rows = [{ name: 'abc', n: '1' }];
    const cols: Array<TextColumn<Row>> = [
      name(),
      { title: 'first', align: 'left', value: () => 'f', optional: true },
      { title: 'second', align: 'left', value: () => 's', optional: true },
      count(),
    ];
    // 2 + 4 + 2 + 5 + 2 + 6 + 2 + 5 = 28.
    expect(textTable(rows, cols, 28, '…')).toEqual(['  name  first  second  count', '  abc   f      s           1']);
    expect(textTable(rows, cols, 27, '…')).toEqual(['  name  second  count', '  abc   s           1']);
    expect(textTable(rows, cols, 21, '…')).toEqual(['  name  second  count', '  abc   s           1']);
    expect(textTable(rows, cols, 20, '…')).toEqual(['  name  count', '  abc       1']);
    // A column that is not optional stays, fitting or not.
    expect(textTable(rows, cols, 3, '…')).toEqual(['  name  count', '  abc       1']);
  });

  it('centres a centred column, the odd space on the right', () => {
    const rows = [{ name: 'x', n: 'ab' }];
    const cols: Array<TextColumn<Row>> = [{ title: 'state', align: 'center', value: (r) => r.name }, { title: 'v', align: 'center', value: (r) => r.n }, count()];
    expect(textTable(rows, cols, 80, '…')).toEqual(['  state  v   count', '    x    ab     ab']);
  });

  it('paints a cell after padding it, so that columns stay aligned', () => {
    const rows = [{ name: 'ab', n: '1' }];
    const cols = [name({ paint: (r, t) => `<${r.n}:${t}>` }), count()];
    expect(textTable(rows, cols, 80, '…')).toEqual(['  name  count', '  <1:ab  >      1']);
  });
});
