import type { Span } from '../types.js'

/** Marks which of a sorted list of offsets fall inside a sorted list of spans. */
export function insideSpans(offsets: ArrayLike<number>, spans: readonly Span[]): Uint8Array {
  const out = new Uint8Array(offsets.length)
  if (offsets.length === 0) return out
  // Start at the first span that ends after the first offset (binary search), not at span 0.
  let k = firstEndingAfter(spans, offsets[0]!)
  for (let i = 0; i < offsets.length; i++) {
    const at = offsets[i]!
    while (k < spans.length && spans[k]!.end <= at) k++
    if (k < spans.length && spans[k]!.start <= at) out[i] = 1
  }
  return out
}

/** The first index in 0…length for which `before(i)` is false, where it is true up to some index and false after (binary search). */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The index of the first item starting at or after `at`, in items sorted by start. */
export const firstFrom = (items: readonly { start: number }[], at: number): number => lowerBound(items.length, (i) => items[i]!.start < at)
/** The index of the first offset at or after `at`, in sorted offsets. */
export const firstOffsetFrom = (xs: ArrayLike<number>, at: number): number => lowerBound(xs.length, (i) => xs[i]! < at)
/** The index of the first span that ends after `at`, in sorted spans. */
export const firstEndingAfter = (spans: readonly Span[], at: number): number => lowerBound(spans.length, (i) => spans[i]!.end <= at)
