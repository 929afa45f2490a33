import { describe, expect, it } from 'vitest'
import { distribution, percentile, SENTENCE_BINS } from '../src/measure/stats.js'

describe('distribution', () => {
  it('summarises a list of lengths', () => {
    const d = distribution([4, 8, 15, 16, 23, 42], SENTENCE_BINS)
    expect(d).toMatchObject({ count: 6, mean: 18, median: 15.5, min: 4, max: 42, p10: 6, p90: 32.5 })
    expect(d.sd).toBe(12.32) // √(910 / 6), rounded to two decimals
    expect(d.histogram.map((b) => b.count)).toEqual([1, 1, 1, 1, 1, 0, 0, 1, 0])
    expect(d.histogram[0]).toEqual({ from: 1, to: 5, count: 1 })
    expect(d.histogram[8]).toEqual({ from: 51, to: null, count: 0 })
  })

  it('gives null figures for no values', () => {
    const d = distribution([], SENTENCE_BINS)
    expect(d).toMatchObject({ count: 0, mean: null, median: null, sd: null, min: null, max: null, p10: null, p90: null })
    expect(d.histogram.every((b) => b.count === 0)).toBe(true)
  })

  it('handles a single value', () => {
    expect(distribution([7], SENTENCE_BINS)).toMatchObject({ count: 1, mean: 7, median: 7, sd: 0, p10: 7, p90: 7 })
  })

  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5], 0.1, 1.4],
    [[10, 20], 0.9, 19],
  ])('percentile(%j, %d) = %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10)
  })
})
