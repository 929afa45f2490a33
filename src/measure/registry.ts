import type { Counts } from './counts.js'
import { distribution, PARAGRAPH_BINS, SENTENCE_BINS, type Distribution } from './stats.js'

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)

/**
 * Every measure, with its definition. The JSON Schema and the README's table of measures are
 * drawn from these definitions, so a figure's meaning is stated in one place.
 */
export const measures = {
  words: {
    kind: 'count',
    definition:
      'Words of story text (front and end matter, headings, scene-break markers and author\'s notes left out). A word is a run of letters or digits, with apostrophes and hyphens inside it: /[\\p{L}\\p{N}]+(?:[\'’\\-][\\p{L}\\p{N}]+)*/u.',
    compute: (c: Counts): number => sum(c.paragraphWords),
  },
  sentences: {
    kind: 'count',
    definition: 'Sentences with at least one word, as wink-nlp\'s sentence boundary detection finds them within each paragraph; a paragraph end always ends a sentence.',
    compute: (c: Counts): number => c.sentenceWords.length,
  },
  paragraphs: {
    kind: 'count',
    definition: 'Paragraphs of story text: lines or blocks of lines as the document\'s own layout separates them.',
    compute: (c: Counts): number => c.paragraphWords.length,
  },
  sentenceLength: {
    kind: 'distribution',
    definition:
      'Sentence length in words: count, mean, median, population standard deviation, min, max, 10th and 90th percentiles (linear interpolation between closest ranks), and a histogram in fixed bins (1-5, 6-10, 11-15, 16-20, 21-25, 26-30, 31-40, 41-50, 51+). Figures are null when there is no sentence.',
    compute: (c: Counts): Distribution => distribution(c.sentenceWords, SENTENCE_BINS),
  },
  paragraphLength: {
    kind: 'distribution',
    definition:
      'Paragraph length in words, summarised like sentence length, with bins 1-10, 11-25, 26-50, 51-100, 101-200, 201+.',
    compute: (c: Counts): Distribution => distribution(c.paragraphWords, PARAGRAPH_BINS),
  },
} as const

export type MeasureName = keyof typeof measures
export type Measures = { [K in MeasureName]: ReturnType<(typeof measures)[K]['compute']> }

/** Run every registered measure over the counts. */
export function measureAll(c: Counts): Measures {
  const out = {} as Record<string, unknown>
  for (const [name, m] of Object.entries(measures)) out[name] = m.compute(c)
  return out as Measures
}
