import { describe, expect, it } from 'vitest'
import { edgeLabel, ladderEdges, niceEdges, niceHistogram, niceStep, PERCENT_SCALE, SENTENCE_SCALE, WORD_SCALE } from '../src/corpus/bins.js'
import { commonFolder, duplicateGroups, summarise } from '../src/corpus/summary.js'
import type { WorkRow } from '../src/corpus/rows.js'
import { doneLine } from '../src/cli/corpus.js'

/** A work row with the figures a test sets; the rest plain. */
function row(path: string, sha256: string, figures: Partial<WorkRow> = {}): WorkRow {
  return {
    path, report: path.replace(/\.\w+$/, ''), format: 'text', sha256, title: null, author: null, rating: null, fandom: null,
    words: 1000, scenes: 2, chapters: 1, dialogueShare: 0.2, thoughtShare: null, unmarkedThoughtShare: null, tense: 'past', pov: 'third',
    character: null, topSpeakers: '', meanSentence: 12, medianSentence: 11, slips: 0, povShifts: 0, readingMinutes: 4, diagnostics: 0,
    ...figures,
  }
}

describe('round histogram edges', () => {
  it.each([
    // min, max, min step, most bins → step
    [0, 62, 1, 10, 10],
    [8.3, 21.7, 1, 8, 2],
    [9.5, 10.4, 1, 8, 1],
    [1200, 5800, 100, 8, 1000],
    [1200, 1900, 100, 8, 100],
    [0, 100, 1, 10, 10],
    [0.12, 0.49, 0.01, 8, 0.05],
    [3000, 3000, 100, 8, 100],
  ])('from %d to %d (step at least %d, at most %d bins): a step of %d', (min, max, minStep, maxBins, step) => {
    expect(niceStep(min, max, minStep, maxBins)).toBe(step)
  })

  it.each([
    [8.3, 21.7, SENTENCE_SCALE, [8, 10, 12, 14, 16, 18, 20, 22]],
    [1200, 5800, WORD_SCALE, [1000, 2000, 3000, 4000, 5000, 6000]],
    // A value on an edge closes the last bin rather than opening an empty one.
    [1000, 6000, WORD_SCALE, [1000, 2000, 3000, 4000, 5000, 6000]],
    [0, 62, PERCENT_SCALE, [0, 10, 20, 30, 40, 50, 60, 70]],
    [4, 100, PERCENT_SCALE, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]],
    [3000, 3000, WORD_SCALE, [3000, 3100]],
    [0, 0, PERCENT_SCALE, [0, 1]],
    // Word counts over orders of magnitude climb the ladder.
    [500, 200_000, WORD_SCALE, [0, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000]],
    [2000, 60_000, WORD_SCALE, [2000, 5000, 10_000, 20_000, 50_000, 100_000]],
  ])('edges over %d–%d', (min, max, scale, edges) => {
    expect(niceEdges(min, max, scale)).toEqual(edges)
  })

  it('the ladder starts at the rung at or below the least value and ends at or above the largest', () => {
    expect(ladderEdges(0, 10_000)).toEqual([0, 1000, 2000, 5000, 10_000])
    expect(ladderEdges(1500, 1_200_000)).toEqual([1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000])
  })

  it('writes edges as a reader says them', () => {
    expect([0, 500, 1000, 2500, 10_000, 1_000_000, 2_500_000].map((x) => edgeLabel(x, true))).toEqual(['0', '500', '1k', '2.5k', '10k', '1M', '2.5M'])
    expect(edgeLabel(12)).toBe('12')
    expect(edgeLabel(0.15)).toBe('0.15')
  })

  it('counts each value in one bin, the largest in the last', () => {
    const bins = niceHistogram([450, 999, 1000, 1999, 4200, 5000], WORD_SCALE)
    expect(bins).toEqual([
      { from: 0, to: 1000, count: 2, label: '0–1k' },
      { from: 1000, to: 2000, count: 2, label: '1k–2k' },
      { from: 2000, to: 3000, count: 0, label: '2k–3k' },
      { from: 3000, to: 4000, count: 0, label: '3k–4k' },
      { from: 4000, to: 5000, count: 2, label: '4k–5k' },
    ])
    // Three values, four bins at most.
    expect(niceHistogram([22.5, 31, 0], PERCENT_SCALE).map((b) => `${b.label}: ${b.count}`)).toEqual(['0–10%: 1', '10–20%: 0', '20–30%: 1', '30–40%: 1'])
    // Fifty values: as many bins as the scale allows.
    const fifty = Array.from({ length: 50 }, (_, i) => 8 + i * 0.15)
    expect(niceHistogram(fifty, SENTENCE_SCALE).map((b) => b.label)).toEqual(['8–9', '9–10', '10–11', '11–12', '12–13', '13–14', '14–15', '15–16'])
    expect(niceHistogram([], SENTENCE_SCALE)).toEqual([])
  })
})

describe('the corpus summary', () => {
  const rows = [
    row('fics/b/harbour.txt', 'aaa', { words: 3000, title: 'Harbour', tense: 'present' }),
    row('fics/a/harbour.txt', 'bbb', { words: 1200, title: 'Harbour', meanSentence: 9.5, dialogueShare: 0.31 }),
    row('fics/copies/harbour-again.txt', 'aaa', { words: 3000, title: 'Harbour', tense: 'present' }),
    row('fics/z.txt', 'ccc', { words: 4800, scenes: 5, slips: 2, pov: 'first', meanSentence: 15.2, dialogueShare: null }),
    row('fics/copies/z-copy.txt', 'ccc', { words: 4800, scenes: 5, slips: 2, pov: 'first', meanSentence: 15.2, dialogueShare: null }),
    row('fics/copies/a-copy.txt', 'aaa', { words: 3000, title: 'Harbour', tense: 'present' }),
  ]

  it('groups files with the same bytes, each group sorted, the groups by their first path', () => {
    expect(duplicateGroups(rows)).toEqual([
      ['fics/b/harbour.txt', 'fics/copies/a-copy.txt', 'fics/copies/harbour-again.txt'].sort(),
      ['fics/copies/z-copy.txt', 'fics/z.txt'],
    ])
    expect(duplicateGroups(rows.slice(0, 2))).toEqual([])
  })

  it('counts each text once in the totals, the distributions and the tense and POV counts', () => {
    const s = summarise(rows, [{ path: 'fics/bad.docx', error: 'fics/bad.docx is not a readable .docx: the file is damaged or is not a Word document' }], { analysed: 2, cached: 4 })
    expect(s.works).toBe(3)
    expect(s.rows).toHaveLength(6)
    expect(s.failed).toBe(1)
    expect(s.run).toEqual({ analysed: 2, cached: 4 })
    expect(s.totals).toEqual({ words: 3000 + 1200 + 4800, scenes: 2 + 2 + 5, chapters: 3, slips: 2 })
    expect(s.tense).toEqual({ present: 1, past: 2 })
    expect(s.pov).toEqual({ third: 2, first: 1 })
    expect(s.distributions.words).toMatchObject({ count: 3, min: 1200, max: 4800, median: 3000 })
    expect(s.distributions.words.histogram.map((b) => `${b.label}: ${b.count}`)).toEqual(['1k–2k: 1', '2k–3k: 0', '3k–4k: 1', '4k–5k: 1'])
    expect(s.distributions.meanSentence.histogram.map((b) => `${b.label}: ${b.count}`)).toEqual(['8–10: 1', '10–12: 0', '12–14: 1', '14–16: 1'])
    expect(s.distributions.dialoguePercent).toMatchObject({ count: 2, min: 20, max: 31 })
    expect(s.duplicates).toEqual(duplicateGroups(rows))
    expect(s.root).toBe('fics/')
  })

  it('leaves `run` out when it is not given, and has no duplicates without copies', () => {
    const s = summarise(rows.slice(0, 2), [])
    expect('run' in s).toBe(false)
    expect(s).toMatchObject({ works: 2, duplicates: [], failed: 0 })
  })

  it('finds the folder every path shares, never half a name', () => {
    expect(commonFolder(['fics/shelf-1/a.txt', 'fics/shelf-2/b.txt'])).toBe('fics/')
    expect(commonFolder(['/data/fics/a.txt'])).toBe('/data/fics/')
    expect(commonFolder(['a.txt', 'b.txt'])).toBe('')
    expect(commonFolder(['C:\\fics\\a.txt', 'C:\\fics\\b\\c.txt'])).toBe('C:\\fics\\')
    expect(commonFolder([])).toBe('')
  })
})

describe("the corpus command's last line", () => {
  it.each([
    [14, 14, 0, 0, 0, '14 works analysed'],
    [1, 1, 0, 0, 0, '1 work analysed'],
    [14, 1, 13, 0, 0, '14 works: 1 analysed, 13 from the cache'],
    [14, 0, 14, 0, 2, '14 works: 0 analysed, 14 from the cache; 2 duplicates counted once'],
    [5, 5, 0, 0, 1, '5 works analysed; 1 duplicate counted once'],
    [14, 13, 0, 1, 0, '14 works: 13 analysed, 1 empty (no words)'],
    [1, 0, 0, 1, 0, '1 work: 0 analysed, 1 empty (no words)'],
    [14, 2, 10, 2, 1, '14 works: 2 analysed, 10 from the cache, 2 empty (no words); 1 duplicate counted once'],
  ])('%d works, %d analysed, %d cached, %d empty, %d copies', (works, analysed, cached, empty, copies, line) => {
    expect(doneLine(works, analysed, cached, empty, copies)).toBe(line)
  })
})

describe('empty works in the summary', () => {
  it('counts a work with no words as empty and leaves it out of the distributions and the tense and POV counts', () => {
    const blank = { words: 0, scenes: 0, chapters: 0, dialogueShare: null, tense: null, pov: null, meanSentence: null, medianSentence: null, readingMinutes: 0 }
    const s = summarise([row('/c/a.txt', 'a'), row('/c/b.txt', 'b', { words: 3000, tense: 'present' }), row('/c/blank.txt', 'e', blank), row('/c/blank2.txt', 'e', blank)], [])
    // Two empty files with the same (no) bytes are one empty work.
    expect(s.works).toBe(3)
    expect(s.empty).toBe(1)
    expect(s.duplicates).toEqual([['/c/blank.txt', '/c/blank2.txt']])
    expect(s.distributions.words.count).toBe(2)
    expect(s.distributions.words.min).toBe(1000)
    expect(s.distributions.words.histogram.reduce((n, b) => n + b.count, 0)).toBe(2)
    expect(s.distributions.dialoguePercent.count).toBe(2)
    expect(s.tense).toEqual({ past: 1, present: 1 })
    expect(s.pov).toEqual({ third: 2 })
    expect(s.totals.words).toBe(4000)
  })
})
