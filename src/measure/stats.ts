/** A histogram bin: values in `[from, to]` (inclusive); `to` null means no upper bound. */
export interface Bin {
  from: number
  to: number | null
  count: number
}

/** Summary of a list of lengths. Every figure is null when the list is empty. */
export interface Distribution {
  count: number
  mean: number | null
  median: number | null
  sd: number | null
  min: number | null
  max: number | null
  p10: number | null
  p90: number | null
  histogram: Bin[]
}

/** Lower bounds of fixed bins, so that scenes and works can be compared bin by bin. */
export const SENTENCE_BINS = [1, 6, 11, 16, 21, 26, 31, 41, 51] as const
export const PARAGRAPH_BINS = [1, 11, 26, 51, 101, 201] as const

/**
 * Percentile by linear interpolation between the closest ranks (the "type 7" definition used
 * by R, NumPy and spreadsheet PERCENTILE.INC). `sorted` must be ascending and non-empty.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.ceil(h)
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!)
}

const round = (x: number, digits = 2): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/** Count, mean, median, population standard deviation, extremes, 10th/90th percentile, histogram. */
export function distribution(values: readonly number[], bins: readonly number[]): Distribution {
  const histogram: Bin[] = bins.map((from, i) => ({ from, to: i + 1 < bins.length ? bins[i + 1]! - 1 : null, count: 0 }))
  if (values.length === 0) {
    return { count: 0, mean: null, median: null, sd: null, min: null, max: null, p10: null, p90: null, histogram }
  }
  const sorted = Float64Array.from(values).sort() // typed arrays sort numerically, and fast
  let sum = 0
  for (const v of sorted) sum += v
  const mean = sum / sorted.length
  let sq = 0
  for (const v of sorted) sq += (v - mean) ** 2
  for (const v of sorted) {
    let k = histogram.length - 1
    while (k > 0 && v < histogram[k]!.from) k--
    if (v >= histogram[0]!.from) histogram[k]!.count++
  }
  return {
    count: sorted.length,
    mean: round(mean),
    median: round(percentile(sorted, 0.5)),
    sd: round(Math.sqrt(sq / sorted.length)),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    p10: round(percentile(sorted, 0.1)),
    p90: round(percentile(sorted, 0.9)),
    histogram,
  }
}
