/**
 * Displayed rank (FastChat `elo_analysis.py`, "Rank (UB)"): 1 + the number of models whose
 * lower bound is strictly above this model's upper bound. Sorting the lower bounds makes
 * it O(n log n) — the same counting as `monitor.py`'s searchsorted(side="right").
 */
export function displayedRanks(lower: ArrayLike<number>, upper: ArrayLike<number>): Int32Array {
  const n = lower.length;
  const sortedLower = Float64Array.from(lower).sort();
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // count of lower bounds > upper[i] = n − (index of first lower bound > upper[i])
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedLower[mid]! > upper[i]!) hi = mid;
      else lo = mid + 1;
    }
    ranks[i] = 1 + (n - lo);
  }
  return ranks;
}
