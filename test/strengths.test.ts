import { describe, expect, it } from 'vitest';
import { scoreBatch, strengthsAndWeaknesses } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';

describe('strengthsAndWeaknesses', () => {
  const report = scoreBatch(getCriteria('can-tho@2022.1.0'), {
    units: [
      {
        id: 'x', level: 'commune',
        values: {
          'CQS.4.2': 'kiem-nhiem',                              // 7.50 of 15: lost 0.5
          'CQS.2.1': true,                                       // 15 of 15: lost 0
          'CQS.1.3': { numerator: 1, denominator: 4 },           // 5 of 20: lost 0.75
          'CQS.7.2': { numerator: 0, denominator: 0 },           // not applicable: left out
          'CQS.8.1': 12,                                         // info: left out
        },
      },
    ],
  });
  const unit = report.results[0]!;

  it('orders leaves by share of points lost, the bigger leaf first on ties', () => {
    const { strongest, weakest } = strengthsAndWeaknesses(unit, 3);
    expect(strongest[0]).toMatchObject({ code: 'CQS.2.1', shareLost: '0.0000', points: '15.00' });
    // Missing leaves score 0 under missing: zero and lose everything: the biggest comes first.
    expect(weakest[0]?.shareLost).toBe('1.0000');
    expect(weakest[0]?.maxPoints).toBe('70.00');
    const codes = strengthsAndWeaknesses(unit, 100).weakest.map((l) => l.code);
    expect(codes).not.toContain('CQS.7.2');
    expect(codes).not.toContain('CQS.8.1');
    expect(codes.indexOf('CQS.1.3')).toBeLessThan(codes.indexOf('CQS.4.2'));
    expect(codes.indexOf('CQS.4.2')).toBeLessThan(codes.indexOf('CQS.2.1'));
  });

  it('carries the explanation of each leaf', () => {
    const { weakest } = strengthsAndWeaknesses(unit, 100);
    expect(weakest.find((l) => l.code === 'CQS.1.3')?.explanation?.en).toBe('1/4 = 25% of the 100% target → 0.25 × 20 = 5.00 points');
  });
});
