import {
  compareIso,
  excelSerialToIso,
  formatGermanDate,
  isoFromDate,
  isoToExcelSerial,
  isValidIsoDate,
  lastDayOfMonth,
  parseGermanDate,
  type CellValue,
  type DatePrecision,
} from '../../src/domain/dates';

describe('parseGermanDate – dates', () => {
  it.each<[CellValue, string, DatePrecision]>([
    // day
    ['31.12.2025', '2025-12-31', 'day'],
    ['1.7.2025', '2025-07-01', 'day'],
    ['01.07.25', '2025-07-01', 'day'],
    ['31.12.2025.', '2025-12-31', 'day'],
    ['  31.12.2025  ', '2025-12-31', 'day'],
    ['1. 7. 2025', '2025-07-01', 'day'],
    ['2025-12-31', '2025-12-31', 'day'],
    ['29.02.2024', '2024-02-29', 'day'],
    ['bis 31.12.2025', '2025-12-31', 'day'],
    // month
    ['12/2025', '2025-12-31', 'month'],
    ['12.2025', '2025-12-31', 'month'],
    ['2/2024', '2024-02-29', 'month'],
    ['Dezember 2025', '2025-12-31', 'month'],
    // a period of two years: its last day
    ['2015/2016', '2016-12-31', 'year'],
    ['2015/16', '2016-12-31', 'year'],
    ['2015 - 2016', '2016-12-31', 'year'],
    ['Dez. 2025', '2025-12-31', 'month'],
    ['dez 2025', '2025-12-31', 'month'],
    ['DEZEMBER   2025', '2025-12-31', 'month'],
    ['März 2025', '2025-03-31', 'month'],
    ['Maerz 2025', '2025-03-31', 'month'],
    ['Sept. 2025', '2025-09-30', 'month'],
    ['Februar 2025', '2025-02-28', 'month'],
    ['Ende Dezember 2025', '2025-12-31', 'month'],
    ['bis Ende Juni 2026', '2026-06-30', 'month'],
    // quarter
    ['Q3 2025', '2025-09-30', 'quarter'],
    ['q1 2025', '2025-03-31', 'quarter'],
    ['Q3/2025', '2025-09-30', 'quarter'],
    ['Q3-2025', '2025-09-30', 'quarter'],
    ['3. Quartal 2025', '2025-09-30', 'quarter'],
    ['3.Quartal 2025', '2025-09-30', 'quarter'],
    ['III. Quartal 2025', '2025-09-30', 'quarter'],
    ['IV. Quartal 2025', '2025-12-31', 'quarter'],
    ['Ende Q3 2025', '2025-09-30', 'quarter'],
    // half year
    ['1. Halbjahr 2025', '2025-06-30', 'half'],
    ['2. Hj. 2025', '2025-12-31', 'half'],
    ['H1 2025', '2025-06-30', 'half'],
    ['1. HJ 2025', '2025-06-30', 'half'],
    // year
    ['2025', '2025-12-31', 'year'],
    ['Ende 2025', '2025-12-31', 'year'],
    ['bis 2025', '2025-12-31', 'year'],
    ['bis Ende 2025', '2025-12-31', 'year'],
    ['Jahr 2025', '2025-12-31', 'year'],
    // cells
    [2025, '2025-12-31', 'year'],
    [1900, '1900-12-31', 'year'],
    [2200, '2200-12-31', 'year'],
    [45657, '2024-12-31', 'day'],
    [45657.75, '2024-12-31', 'day'],
    [1, '1900-01-01', 'day'],
    [2201, '1906-01-09', 'day'],
    [new Date(Date.UTC(2025, 11, 31)), '2025-12-31', 'day'],
  ])('%p → %s (%s)', (input, date, precision) => {
    expect(parseGermanDate(input)).toEqual({ kind: 'date', date, precision });
  });
});

describe('parseGermanDate – empty', () => {
  it.each<[CellValue]>([[null], [undefined], [''], ['   '], ['\u00a0\t']])('%p → empty', (input) => {
    expect(parseGermanDate(input)).toEqual({ kind: 'empty' });
  });
});

describe('parseGermanDate – vague terms', () => {
  it.each([
    'fortlaufend', 'Laufend', 'dauerhaft', 'kurzfristig', 'mittelfristig', 'langfristig', 'ab 2025',
    'ab 1.1.2025', 'ab März 2025', 'ab sofort', 'ständig', 'regelmäßig', 'jährlich', 'fortwährend',
    'kontinuierlich', 'unbefristet', 'offen', 'n.n.', 'N.N.', 'tbd', 'TBD', 'noch offen', 'Nach Bedarf',
    'bei  Bedarf', ' fortlaufend ',
  ])('%p → vague', (input) => {
    expect(parseGermanDate(input)).toEqual({ kind: 'vague', text: input.trim() });
  });
});

describe('parseGermanDate – invalid', () => {
  it.each<[CellValue, string]>([
    ['31.02.2027', '31.02.2027'],
    ['29.02.2025', '29.02.2025'],
    ['2025-13-01', '2025-13-01'],
    ['2025-02-30', '2025-02-30'],
    ['32.01.2025', '32.01.2025'],
    ['13/2025', '13/2025'],
    ['12/25', '12/25'],
    ['Dezmber 2025', 'Dezmber 2025'],
    ['Q5 2025', 'Q5 2025'],
    ['3. Halbjahr 2025', '3. Halbjahr 2025'],
    ['Ende 31.12.2025', 'Ende 31.12.2025'],
    ['31.12.', '31.12.'],
    ['2015/2017', '2015/2017'],
    ['2016/2015', '2016/2015'],
    ['irgendwann', 'irgendwann'],
    ['abc', 'abc'],
    ['bis', 'bis'],
    ['1850', '1850'],
    ['  morgen ', 'morgen'],
    [true, 'true'],
    [false, 'false'],
    [0, '0'],
    [-5, '-5'],
    [60, '60'],
    [2958466, '2958466'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('%p → invalid', (input, text) => {
    expect(parseGermanDate(input)).toEqual({ kind: 'invalid', text });
  });

  it('an invalid Date object is invalid', () => {
    expect(parseGermanDate(new Date(Number.NaN)).kind).toBe('invalid');
  });
});

describe('isValidIsoDate', () => {
  it.each<[string, boolean]>([
    ['2025-12-31', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-01', false],
    ['31.12.2025', false],
    ['2025-12-31T00:00', false],
    ['', false],
  ])('%p → %p', (input, expected) => {
    expect(isValidIsoDate(input)).toBe(expected);
  });
});

describe('formatGermanDate', () => {
  it.each([
    ['2025-12-31', '31.12.2025'],
    ['2025-07-01', '01.07.2025'],
    ['kein Datum', 'kein Datum'],
  ])('%p → %p', (input, expected) => {
    expect(formatGermanDate(input)).toBe(expected);
  });
});

describe('Excel serials', () => {
  // Serial 60 is 29.02.1900 in Excel (the Lotus 1-2-3 leap-year bug); that day does not exist, so we
  // return null instead of inventing a date.
  it.each<[number, string | null]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, null],
    [61, '1900-03-01'],
    [45657, '2024-12-31'],
    [45658, '2025-01-01'],
    [45658.999, '2025-01-01'],
    [2958465, '9999-12-31'],
    [0, null],
    [-1, null],
    [0.5, null],
    [2958466, null],
    [Number.NaN, null],
  ])('excelSerialToIso(%p) → %p', (serial, expected) => {
    expect(excelSerialToIso(serial)).toBe(expected);
  });

  it.each<[string, number]>([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['2024-12-31', 45657],
    ['9999-12-31', 2958465],
  ])('isoToExcelSerial(%p) → %p', (iso, serial) => {
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  it('isoToExcelSerial rejects an invalid date', () => {
    expect(() => isoToExcelSerial('2025-02-30')).toThrow(RangeError);
  });

  it('round-trips every serial from 1 to 80000 and a sample up to the maximum', () => {
    const serials = [...Array.from({ length: 80000 }, (_, i) => i + 1), 100000, 1000000, 2958465];
    for (const n of serials) {
      if (n === 60) continue;
      const iso = excelSerialToIso(n);
      expect(iso).not.toBeNull();
      if (isoToExcelSerial(iso!) !== n) throw new Error(`round trip failed for ${n} (${iso})`);
    }
  });
});

describe('helpers', () => {
  it.each<[Date, string]>([
    [new Date(Date.UTC(2025, 0, 1)), '2025-01-01'],
    [new Date(Date.UTC(2025, 11, 31, 23, 59)), '2025-12-31'],
    [new Date('2024-02-29T00:00:00Z'), '2024-02-29'],
  ])('isoFromDate(%p) → %p', (d, expected) => {
    expect(isoFromDate(d)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ['2025-01-01', '2025-12-31', -1],
    ['2025-12-31', '2025-01-01', 1],
    ['2025-06-30', '2025-06-30', 0],
  ])('compareIso(%p, %p) has sign %p', (a, b, sign) => {
    expect(Math.sign(compareIso(a, b))).toBe(sign);
  });

  it.each<[number, number, number]>([
    [2025, 1, 31],
    [2025, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('lastDayOfMonth(%p, %p) → %p', (y, m, expected) => {
    expect(lastDayOfMonth(y, m)).toBe(expected);
  });
});
