import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, splitRunVerdict, twoProportionZTest } from './significance.utils';

describe('normalCdf against the standard normal table', () => {
  it.each([
    [0, 0.5],
    [1, 0.841345],
    [1.645, 0.950015],
    [1.96, 0.975002],
    [2.576, 0.995002],
    [3, 0.99865],
    [-1.96, 0.024998],
  ])('Φ(%s) = %s', (z, phi) => {
    expect(normalCdf(z)).toBeCloseTo(phi, 6);
  });

  it('keeps small tail probabilities accurate', () => {
    // 1 − Φ(5) = 2.8665e-7 (table value)
    expect(erfc(5 / Math.SQRT2) / 2 / 2.866516e-7).toBeCloseTo(1, 5);
  });
});

describe('twoProportionZTest', () => {
  it('matches the hand computation for 120 of 1000 against 90 of 1000', () => {
    // pooled p = 210/2000 = 0.105; SE = √(0.105 × 0.895 × (1/1000 + 1/1000)) = 0.0137095;
    // z = (0.12 − 0.09) / 0.0137095 = 2.1883; two-sided p = 2 × (1 − Φ(2.1883)) = 0.02865
    const t = twoProportionZTest({ successes: 120, trials: 1000 }, { successes: 90, trials: 1000 });
    expect(t?.z).toBeCloseTo(2.1883, 4);
    expect(t?.pValue).toBeCloseTo(0.02865, 5);
    expect(t?.difference).toBeCloseTo(0.03, 10);
  });

  it('is symmetric and gives p = 1 for equal rates', () => {
    const a = { successes: 300, trials: 2950 };
    const b = { successes: 240, trials: 2940 };
    expect(twoProportionZTest(a, b)?.pValue).toBeCloseTo(twoProportionZTest(b, a)?.pValue ?? 0, 12);
    expect(twoProportionZTest(a, b)?.pValue).toBeCloseTo(0.0076356, 6);
    expect(twoProportionZTest({ successes: 50, trials: 500 }, { successes: 100, trials: 1000 })?.pValue).toBeCloseTo(1, 6);
  });

  it('cannot test without trials or without any variation', () => {
    expect(twoProportionZTest({ successes: 0, trials: 0 }, { successes: 1, trials: 10 })).toBeNull();
    expect(twoProportionZTest({ successes: 0, trials: 10 }, { successes: 0, trials: 10 })).toBeNull();
  });
});

describe('splitRunVerdict', () => {
  it('names the leader and calls a clear difference significant at 95 %', () => {
    const v = splitRunVerdict(
      [
        { successes: 90, trials: 1000 },
        { successes: 120, trials: 1000 },
      ],
      0.95,
    );
    expect(v).toMatchObject({ kind: 'significant', winner: 1, runnerUp: 0 });
    if (v.kind === 'significant') expect(v.pValue).toBeCloseTo(0.02865, 5);
  });

  it('says "not yet" when the same difference is not enough at 99 %', () => {
    expect(
      splitRunVerdict(
        [
          { successes: 90, trials: 1000 },
          { successes: 120, trials: 1000 },
        ],
        0.99,
      ).kind,
    ).toBe('notYet');
    expect(
      splitRunVerdict(
        [
          { successes: 50, trials: 1000 },
          { successes: 45, trials: 1000 },
        ],
        0.95,
      ),
    ).toMatchObject({
      kind: 'notYet',
      winner: 0,
    });
  });

  it('needs the leader to beat every other group; the weakest comparison counts', () => {
    const v = splitRunVerdict(
      [
        { successes: 120, trials: 1000 },
        { successes: 90, trials: 1000 },
        { successes: 118, trials: 1000 },
      ],
      0.95,
    );
    expect(v).toMatchObject({ kind: 'notYet', winner: 0, runnerUp: 2 });
  });

  it('does not judge too few results, a tie, or unknown groups', () => {
    expect(
      splitRunVerdict(
        [
          { successes: 3, trials: 100 },
          { successes: 1, trials: 100 },
        ],
        0.95,
      ).kind,
    ).toBe('tooFew');
    expect(
      splitRunVerdict(
        [
          { successes: 10, trials: 100 },
          { successes: 10, trials: 100 },
        ],
        0.95,
      ),
    ).toEqual({ kind: 'tie', winner: 0 });
    expect(splitRunVerdict([{ successes: 10, trials: 100 }, null], 0.95)).toEqual({ kind: 'noData' });
  });
});
