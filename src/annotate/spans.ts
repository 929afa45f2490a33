import type { Span } from '../types.js'

/** Marks which of a sorted list of offsets fall inside a sorted list of spans. */
export function insideSpans(offsets: ArrayLike<number>, spans: readonly Span[]): Uint8Array {
  const out = new Uint8Array(offsets.length)
  if (offsets.length === 0) return out
  // Start at the first span that ends after the first offset (binary search), not at span 0.
  let k = 0
  let hi = spans.length
  while (k < hi) {
    const mid = (k + hi) >> 1
    if (spans[mid]!.end <= offsets[0]!) k = mid + 1
    else hi = mid
  }
  for (let i = 0; i < offsets.length; i++) {
    const at = offsets[i]!
    while (k < spans.length && spans[k]!.end <= at) k++
    if (k < spans.length && spans[k]!.start <= at) out[i] = 1
  }
  return out
}
