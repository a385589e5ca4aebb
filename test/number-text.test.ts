// The one number format of the texts for people (src/text/number-text.ts): Vietnamese with a
// decimal comma and thousands dots, English and data as data holds them; every Vietnamese text
// reads back to the same exact value with the library's Vietnamese reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, readExact, readTypedNumber } from '../src/index.js';
import { parseDecimalCell } from '../src/csv/index.js';

/** A plain decimal as results and data hold them (within the library's 30 significant digits): no leading zeros. */
const plainDecimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: undefined }))
  .map(([negative, whole, decimals]) => `${negative ? '-' : ''}${whole}${decimals === undefined ? '' : `.${decimals}`}`);

describe('formatNumber', () => {
  it.each([
    ['0.9346', '0,9346'],
    ['16.00', '16,00'],
    ['0', '0'],
    ['999', '999'],
    ['1000', '1.000'],
    ['1000.00', '1.000,00'],
    ['1234.5', '1.234,5'],
    ['12345.678', '12.345,678'],
    ['1200000000', '1.200.000.000'],
    ['-4.5', '-4,5'],
    ['-1234', '-1.234'],
    ['0.001', '0,001'],
  ])('vi: %s → %s', (figure, text) => {
    expect(formatNumber(figure, 'vi')).toBe(text);
  });

  it('en and data: unchanged, a dot before the decimals and no thousands separators', () => {
    for (const figure of ['0.9346', '1000.00', '1200000000', '-4.5']) expect(formatNumber(figure, 'en')).toBe(figure);
  });

  it('an exact number is written from its plain decimal (no exponent, no trailing zeros)', () => {
    expect(formatNumber(readExact(1e-7)!, 'vi')).toBe('0,0000001');
    expect(formatNumber(readExact('12500.50')!, 'vi')).toBe('12.500,5');
    expect(formatNumber(readExact(1e21)!, 'vi')).toBe('1.000.000.000.000.000.000.000');
  });

  it('text that is not a plain decimal comes back as it is', () => {
    for (const text of ['—', '', 'n/a', '1e5', '+1', '1,5', '.5', '5.', ' 1']) expect(formatNumber(text, 'vi')).toBe(text);
  });

  it('property: the Vietnamese text reads back to the same exact value with the Vietnamese reader', () => {
    fc.assert(
      fc.property(plainDecimal, (figure) => {
        const text = formatNumber(figure, 'vi');
        const back = parseDecimalCell(text, 'vi');
        expect(back).toBeDefined();
        expect(readExact(back)!.eq(readExact(figure)!)).toBe(true);
        // Where it cannot be read two ways, so does the reader of typed numbers (the portal's, a workbook's text cells).
        const typed = readTypedNumber(text);
        if (typed.ok) expect(readExact(typed.value)!.eq(readExact(figure)!)).toBe(true);
        else expect(typed.problem).toBe('ambiguous');
      }),
      { numRuns: 2000 },
    );
  });

  it('property: digits are copied, never rounded: the same digits without separators', () => {
    fc.assert(
      fc.property(plainDecimal, (figure) => {
        expect(formatNumber(figure, 'vi').replace(/\./g, '').replace(',', '.')).toBe(figure);
      }),
    );
  });
});
