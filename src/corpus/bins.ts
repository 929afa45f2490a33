/**
 * Histogram bins over works with round edges a reader takes in at a glance ("0–1k", "1k–2k",
 * "10–12"), chosen from the data's range: a step of 1, 2 or 5 × 10^k, or for word counts
 * spread over orders of magnitude the ladder 0, 1k, 2k, 5k, 10k, 20k, 50k, 100k, …
 */

/** Works with `from ≤ value < to`; the last bin holds its upper edge too (`from ≤ value ≤ to`). */
export interface CorpusBin {
  from: number
  to: number
  count: number
  /** The bin as the page shows it: `1k–2k`, `10–12`, `20–30%`. */
  label: string
}

/** How a kind of figure is binned and written. */
export interface BinScale {
  /** The smallest step between edges (word counts: 100; percentages: 1). */
  minStep: number
  /** At most this many bins. */
  maxBins: number
  /** Write edges as 1k, 2.5k, 1M. */
  thousands?: boolean
  /** Written after the label (`%`). */
  unit?: string
  /** Use the 1-2-5 ladder from 0 when the largest value is at least this many times the smallest (or `minLadder`). */
  ladderRatio?: number
  minLadder?: number
}

export const WORD_SCALE: BinScale = { minStep: 100, maxBins: 8, thousands: true, ladderRatio: 10, minLadder: 1000 }
export const SENTENCE_SCALE: BinScale = { minStep: 1, maxBins: 8 }
export const PERCENT_SCALE: BinScale = { minStep: 1, maxBins: 10, unit: '%' }

const MANTISSAS = [1, 2, 5] as const

/** Round away the float dust of `i × step` (0.1 × 3 = 0.30000000000000004). */
const clean = (x: number): number => Number(x.toPrecision(12))

/** The smallest 1, 2 or 5 × 10^k (at least `minStep`) that covers `[min, max]` in at most `maxBins` bins. */
export function niceStep(min: number, max: number, minStep: number, maxBins: number): number {
  for (let k = Math.floor(Math.log10(minStep)); ; k++) {
    for (const m of MANTISSAS) {
      const step = clean(m * 10 ** k)
      if (step < minStep) continue
      if (binCount(min, max, step) <= maxBins) return step
    }
  }
}

const binCount = (min: number, max: number, step: number): number => Math.max(1, Math.ceil(clean(max / step)) - Math.floor(clean(min / step)))

/** Round edges over `[min, max]`: evenly spaced by a nice step, or the 1-2-5 ladder. */
export function niceEdges(min: number, max: number, scale: BinScale): number[] {
  if (scale.ladderRatio !== undefined && max >= scale.ladderRatio * Math.max(min, scale.minLadder ?? 1)) return ladderEdges(min, max)
  const step = niceStep(min, max, scale.minStep, scale.maxBins)
  const lo = Math.floor(clean(min / step))
  const n = binCount(min, max, step)
  return Array.from({ length: n + 1 }, (_, i) => clean((lo + i) * step))
}

/** 0, 1k, 2k, 5k, 10k, … from the last rung at or below `min` to the first at or above `max`. */
export function ladderEdges(min: number, max: number): number[] {
  const rungs = [0]
  for (let k = 3; rungs[rungs.length - 1]! < max; k++) for (const m of MANTISSAS) rungs.push(m * 10 ** k)
  let first = 0
  while (rungs[first + 1]! <= min) first++
  let last = first + 1
  while (rungs[last]! < max) last++
  return rungs.slice(first, last + 1)
}

/** An edge as a reader says it: 500, 1k, 2.5k, 1M; other figures as they are. */
export function edgeLabel(x: number, thousands = false): string {
  if (thousands && x >= 1e6) return `${clean(x / 1e6)}M`
  if (thousands && x >= 1000) return `${clean(x / 1000)}k`
  return String(x)
}

/** The histogram of `values` over round edges from their range (at most `scale.maxBins` bins, fewer for few values); no bins for no values. */
export function niceHistogram(values: readonly number[], scale: BinScale): CorpusBin[] {
  if (values.length === 0) return []
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (v < min) min = v
    if (v > max) max = v
  }
  // Few works, few bins: about Sturges' number (log2 n + 1), and one more, but at least four.
  const maxBins = Math.min(scale.maxBins, Math.max(4, Math.ceil(Math.log2(values.length)) + 2))
  const edges = niceEdges(min, max, { ...scale, maxBins })
  const bins: CorpusBin[] = []
  for (let i = 0; i + 1 < edges.length; i++) {
    bins.push({ from: edges[i]!, to: edges[i + 1]!, count: 0, label: `${edgeLabel(edges[i]!, scale.thousands)}–${edgeLabel(edges[i + 1]!, scale.thousands)}${scale.unit ?? ''}` })
  }
  for (const v of values) {
    let k = bins.length - 1
    while (k > 0 && v < bins[k]!.from) k--
    bins[k]!.count++
  }
  return bins
}
