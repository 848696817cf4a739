import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../../renderer/pages/audit/csv';
import { auditFileName, localDayStart } from '../../../../renderer/pages/audit/audit-csv';

describe('CSV export', () => {
  it('quotes cells with the separator, quotes, line breaks or edge spaces', () => {
    expect(csvCell('plain', ',')).toBe('plain');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvCell(' padded', ',')).toBe('" padded"');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvCell('=SUM(A1:A9)', ',')).toBe("'=SUM(A1:A9)");
    expect(csvCell('@cmd', ',')).toBe("'@cmd");
  });

  it('writes a BOM and CRLF line ends', () => {
    expect(
      toCsv(
        [
          ['a', 'b'],
          ['1', '2'],
        ],
        ';',
      ),
    ).toBe('\uFEFFa;b\r\n1;2\r\n');
  });

  it('names the file after the profile and the day', () => {
    expect(auditFileName('nordic-hvac', new Date(2026, 0, 5))).toBe('audit-log-nordic-hvac-2026-01-05.csv');
  });

  it('turns a local calendar day into the instants where it starts and ends', () => {
    expect(new Date(localDayStart('2026-01-31')).getDate()).toBe(31);
    const end = new Date(localDayStart('2026-01-31', true));
    expect([end.getMonth(), end.getDate(), end.getHours()]).toEqual([1, 1, 0]);
  });
});
