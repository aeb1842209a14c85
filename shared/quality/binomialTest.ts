/**
 * Exact two-sided binomial test of H0: p = ½. With p = ½ the distribution is symmetric,
 * so the two-sided p-value (scipy.stats.binomtest's "sum of outcomes no more likely") is
 * min(1, 2·P(X ≤ min(k, n−k))). The tail is summed in log space so n can be large.
 */
export function binomialTestHalf(k: number, n: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || k > n)
    throw new RangeError(`binomial test: need 0 ≤ k ≤ n, got ${k}/${n}`);
  if (n === 0) return 1;
  const tail = Math.min(k, n - k);
  if (2 * tail === n) return 1;
  const logHalfN = n * Math.log(0.5);
  let logChoose = 0; // ln C(n, 0)
  let logTail = -Infinity;
  for (let j = 0; j <= tail; j++) {
    if (j > 0) logChoose += Math.log((n - j + 1) / j);
    logTail = logAddExp(logTail, logChoose + logHalfN);
  }
  return Math.min(1, 2 * Math.exp(logTail));
}

function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  const hi = Math.max(x, y);
  return hi + Math.log1p(Math.exp(Math.min(x, y) - hi));
}
