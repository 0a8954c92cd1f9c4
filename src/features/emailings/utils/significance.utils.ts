/**
 * Is one version of a split run really better, or could the difference be chance? A two-sided
 * two-proportion z-test (pooled standard error) on "messages with the result ÷ delivered messages" of
 * two groups. The normal approximation needs at least 5 successes and 5 failures per group; below
 * that the verdict is "too few results yet" rather than a number that means nothing.
 */

/** erfc by the Chebyshev fit of Numerical Recipes (§6.2): fractional error below 1.2e-7 everywhere. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z ≤ z) for a standard normal Z. */
export const normalCdf = (z: number) => 0.5 * erfc(-z / Math.SQRT2);

export type Proportion = { successes: number; trials: number };

export type ZTest = { z: number; pValue: number; difference: number };

/** Two-sided test of "a and b have the same rate"; null when it cannot be computed (no trials, or no variation at all). */
export function twoProportionZTest(a: Proportion, b: Proportion): ZTest | null {
  if (a.trials <= 0 || b.trials <= 0) return null;
  const pa = a.successes / a.trials;
  const pb = b.successes / b.trials;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  if (!(se > 0)) return null;
  const z = (pa - pb) / se;
  return { z, pValue: erfc(Math.abs(z) / Math.SQRT2), difference: pa - pb };
}

/** The normal approximation holds with at least this many successes and failures in each group. */
export const MIN_PER_CELL = 5;
const enough = (p: Proportion) => p.successes >= MIN_PER_CELL && p.trials - p.successes >= MIN_PER_CELL;

export type SplitRunVerdict =
  | { kind: 'noData' }
  | { kind: 'tie'; winner: number }
  | { kind: 'tooFew'; winner: number; runnerUp: number }
  | { kind: 'notYet' | 'significant'; winner: number; runnerUp: number; pValue: number; confidence: number };

/**
 * The leading group and whether it beats every other group at the chosen confidence (e.g. 0.95). With
 * more than two groups the leader must beat each of them; the reported p-value is the weakest of those
 * comparisons (normally the one with the runner-up). `groups[i]` null = its figures are unknown.
 */
export function splitRunVerdict(groups: (Proportion | null)[], confidence: number): SplitRunVerdict {
  const known = groups.flatMap((g, i) => (g && g.trials > 0 ? [{ i, g, rate: g.successes / g.trials }] : []));
  if (known.length < 2) return { kind: 'noData' };
  const ranked = [...known].sort((x, y) => y.rate - x.rate || x.i - y.i);
  const [first, second] = ranked as [(typeof ranked)[number], (typeof ranked)[number]];
  if (first.rate === second.rate) return { kind: 'tie', winner: first.i };
  if (ranked.some((r) => !enough(r.g))) return { kind: 'tooFew', winner: first.i, runnerUp: second.i };
  let pValue = 0;
  for (const other of ranked.slice(1)) pValue = Math.max(pValue, twoProportionZTest(first.g, other.g)?.pValue ?? 1);
  return { kind: pValue < 1 - confidence ? 'significant' : 'notYet', winner: first.i, runnerUp: second.i, pValue, confidence };
}
