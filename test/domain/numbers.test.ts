import type { CellValue } from '../../src/domain/dates';
import { formatGermanNumber, parseGermanNumber } from '../../src/domain/numbers';

describe('parseGermanNumber – numbers', () => {
  it.each<[CellValue, number]>([
    [1500, 1500],
    [0, 0],
    [-3.5, -3.5],
    ['1.500,50', 1500.5],
    ['1.500 €', 1500],
    ['1.500€', 1500],
    ['15.000 EUR', 15000],
    ['15.000 Euro', 15000],
    ['0,5', 0.5],
    ['1500', 1500],
    ['  1500  ', 1500],
    ['0', 0],
    ['-200', -200],
    ['−200', -200],
    ['1.5', 1.5],
    ['1.500', 1500],
    ['1.500.000', 1500000],
    ['1.500.000,25', 1500000.25],
    ['€ 1.500', 1500],
    ['EUR 1500', 1500],
    ['1500,- €', 1500],
    ['1.500,–', 1500],
    ['5 T€', 5000],
    ['5T€', 5000],
    ['5 Tsd. €', 5000],
    ['5 Tsd.', 5000],
    ['5 TEUR', 5000],
    ['2,5 TEUR', 2500],
    ['1\u00a0500', 1500],
    ['1\u202f500,50 €', 1500.5],
    ['1\u00a0500\u00a0€', 1500],
    ['1 500 000', 1500000],
  ])('%p → %p', (input, value) => {
    expect(parseGermanNumber(input)).toEqual({ kind: 'number', value });
  });
});

describe('parseGermanNumber – empty', () => {
  it.each<[CellValue]>([[null], [undefined], [''], ['  '], ['\u00a0']])('%p → empty', (input) => {
    expect(parseGermanNumber(input)).toEqual({ kind: 'empty' });
  });
});

describe('parseGermanNumber – invalid', () => {
  it.each<[CellValue, string]>([
    ['ca. 500', 'ca. 500'],
    ['500-1000', '500-1000'],
    ['fünf', 'fünf'],
    ['1,2,3', '1,2,3'],
    ['1.50.0', '1.50.0'],
    ['1,500.50', '1,500.50'],
    ['€', '€'],
    ['5 t', '5 t'],
    ['abc', 'abc'],
    [' x ', 'x'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [true, 'true'],
  ])('%p → invalid', (input, text) => {
    expect(parseGermanNumber(input)).toEqual({ kind: 'invalid', text });
  });

  it('a Date is invalid', () => {
    expect(parseGermanNumber(new Date(Date.UTC(2025, 0, 1))).kind).toBe('invalid');
  });
});

describe('formatGermanNumber', () => {
  it.each<[number, number | undefined, string]>([
    [1500.5, 2, '1.500,50'],
    [1500.5, undefined, '1.500,5'],
    [1500, undefined, '1.500'],
    [1500, 2, '1.500,00'],
    [0.5, undefined, '0,5'],
    [0, undefined, '0'],
    [999, undefined, '999'],
    [1234567.891, undefined, '1.234.567,89'],
    [1500000, 0, '1.500.000'],
    [-1500.25, undefined, '-1.500,25'],
    [-0.001, undefined, '0'],
    [100, undefined, '100'],
    [10.1, undefined, '10,1'],
  ])('formatGermanNumber(%p, %p) → %p', (n, digits, expected) => {
    expect(formatGermanNumber(n, digits)).toBe(expected);
  });

  it('round-trips through parseGermanNumber', () => {
    for (const n of [0, 1, 12.5, 1500.5, 1234567.89, -42]) {
      expect(parseGermanNumber(formatGermanNumber(n))).toEqual({ kind: 'number', value: n });
    }
  });
});
