// Property tests: for any input, the analysis finishes and its report keeps its promises.
// CI runs a bounded number of cases (PROSELENS_FC_RUNS, default 150 a property); `npm run fuzz`
// runs many more by hand. Every failing case found is kept in test/fixtures/regressions.json
// and replayed here first.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chunks } from '../src/annotate/index.js'
import { MAX_RUN, winkInput } from '../src/annotate/sentences.js'
import { countWords, WORD, wordStarts } from '../src/annotate/words.js'
import { analyze, UnreadableInputError } from '../src/index.js'
import { checkReport } from './check-report.js'
import type { Report } from '../src/report/types.js'

const RUNS = Number(process.env.PROSELENS_FC_RUNS ?? 150)
const SEED = process.env.PROSELENS_FC_SEED === undefined ? undefined : Number(process.env.PROSELENS_FC_SEED)
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) }

// Pieces a story is made of, hostile ones included: words, spaces and line breaks of every
// kind, punctuation and quote marks, structure (markers, headings, header fields, notes, markup
// tags), then arbitrary Unicode text and arbitrary UTF-16 units (lone surrogates included).
const words = ['she', 'said', 'I', 'walked', 'home', 'is', 'was', 'Mara', 'Tom', 'the', 'rain', 'runs', "don't", 'well-known', 'ago', 'remember', 'you', 'we', 'ΟΔΟΣ', 'Ünter', '东京', 'مرحبا', '42']
const spaces = [' ', ' ', ' ', '\n', '\n\n', '\n\n\n', '\r\n', '\r', '\t', '\u00a0', '\u200b', '\u2028', '\ufeff', '\f']
const marks = ['.', ',', '!', '?', '…', '—', '--', '-', ';', ':', '“', '”', '‘', '’', '"', "'", '«', '»', '„', '(', ')', '*', '_', '~', '|']
const structure = [
  '\n\n* * *\n\n', '\n\n#\n\n', '\n\n***\n\n', '\n\n~\n\n', '\n\nChapter 2\n\n', '\n\nCHAPTER IV\n\n', '\n\nPart One\n\n', 'Rating: T\n', 'by Someone\n',
  'Summary:\n\n', 'The End', '\n\nA/N: thanks\n\n', 'Title: X\n', '---\n', '<p>', '</p>', '<em>', '</em>', '<i>', '<hr>', '<br>', '<h2>', '</h2>', '# ', '## ',
  '> ', '&amp;', '&#x1F600;', '😀', '👩‍👩‍👧', 'e\u0301', '\u202e', 'a'.repeat(70), '.'.repeat(80), 'x.'.repeat(40), '😀'.repeat(40), '“'.repeat(30), '\n'.repeat(12),
]
const utf16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...words) },
  { weight: 6, arbitrary: fc.constantFrom(...spaces) },
  { weight: 4, arbitrary: fc.constantFrom(...marks) },
  { weight: 2, arbitrary: fc.constantFrom(...structure) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: utf16, maxLength: 4 }) },
)
const soup = fc.array(piece, { maxLength: 300 }).map((parts) => parts.join(''))

// Stories with a shape: a header of fields, chapters of scenes of paragraphs of sentences, with
// dialogue, italics and the writer's own markup, joined by any line breaks; so that the deeper
// paths (front and end matter, chapters, scene breaks, speeches over paragraphs) are reached.
const sentence = fc
  .tuple(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 14 }), fc.constantFrom('.', '!', '?', '…', '', ',', '—'), fc.constantFrom('', '', '“', '"', "'", '‘', '*', '_', '<em>'), fc.boolean())
  .map(([ws, end, quote, closed]) => {
    const closing: Record<string, string> = { '“': '”', '"': '"', "'": "'", '‘': '’', '*': '*', _: '_', '<em>': '</em>' }
    return quote ? `${quote}${ws.join(' ')}${end}${closed ? closing[quote] : ''}` : ws.join(' ') + end
  })
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((ss) => ss.join(' '))
const scene = fc.array(paragraph, { minLength: 1, maxLength: 8 })
const header = fc.array(fc.constantFrom('Title: The Ferry', 'by Ann Other', 'Rating: T', 'Fandom: Original Work', 'Summary:', 'A/N: for my beta', '---\ntitle: The Ferry\nauthor: Ann\n---', '# The Ferry', '<h1>The Ferry</h1>'), { maxLength: 5 })
const breakLine = fc.constantFrom('* * *', '#', '***', '~', '---', '<hr>', '', 'Chapter 3', '## Chapter Two', '<h2>Part II</h2>', 'CHAPTER IX', 'The End', 'To be continued...')
const gap = fc.constantFrom('\n\n', '\n', '\n\n\n', '\r\n\r\n', '\n \n', '<br><br>', '</p><p>')
const shaped = fc.tuple(header, fc.array(fc.tuple(breakLine, scene, gap), { minLength: 1, maxLength: 6 }), gap).map(([head, parts, g]) =>
  [head.join(g), ...parts.map(([b, paras, inner]) => [b, ...paras].join(inner))].join(g),
)
const story = fc.oneof(soup, shaped)
const path = fc.constantFrom('story.txt', 'story.md', 'story.html', undefined)

/** Analyse, or accept a clear refusal of bytes that cannot be read; anything else fails. */
function analyzeOrRefuse(input: string | Uint8Array, file: string | undefined): Report | null {
  try {
    return analyze(input, file === undefined ? {} : { path: file })
  } catch (e) {
    if (e instanceof UnreadableInputError) return null
    throw e
  }
}

interface Regression {
  /** What the case found, in a few words. */
  found: string
  path?: string
  /** The input, as a string, or as base64 bytes. */
  text?: string
  base64?: string
  /** Words the story must keep (none lost to front or end matter). */
  storyWords?: number
}
const regressions: Regression[] = JSON.parse(readFileSync(new URL('./fixtures/regressions.json', import.meta.url), 'utf8'))

describe('kept regressions (cases fuzzing found)', () => {
  it.each(regressions.map((r) => [r.found, r] as const))('%s', (_, r) => {
    const input = r.text ?? new Uint8Array(Buffer.from(r.base64!, 'base64'))
    const report = analyzeOrRefuse(input, r.path)
    if (report) checkReport(report)
    if (r.storyWords !== undefined) expect(report?.totals.words).toBe(r.storyWords)
  })
})

/** Long runs by hand (`npm run fuzz`) need more than the default test timeout. */
const timeout = Math.max(30_000, RUNS * 20)

describe('for any input', { timeout }, () => {
  it('the analysis finishes and the report keeps its promises', () => {
    fc.assert(
      fc.property(story, path, (text, file) => {
        const report = analyzeOrRefuse(text, file)
        if (report) checkReport(report)
      }),
      params,
    )
  })

  it('any bytes are analysed or refused with UnreadableInputError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), path, (bytes, file) => {
        const report = analyzeOrRefuse(bytes, file)
        if (report) checkReport(report)
      }),
      params,
    )
  })

  it('the word scanner finds exactly the words the WORD pattern defines', () => {
    const text = fc.oneof(story, fc.string({ unit: utf16, maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }))
    fc.assert(
      fc.property(text, (s) => {
        const expected = [...s.matchAll(new RegExp(WORD.source, 'gv'))].map((m) => m.index)
        expect(wordStarts(s)).toEqual(expected)
        expect(countWords(s)).toBe(expected.length)
      }),
      { ...params, numRuns: RUNS * 5 },
    )
  })

  it('what wink-nlp reads has the same length, no run longer than MAX_RUN, and surrogate pairs whole', () => {
    const runs = fc.array(fc.oneof(piece, fc.constantFrom('a'.repeat(70), '😀'.repeat(40), 'x.'.repeat(50), 'é'.repeat(65) + '😀')), { maxLength: 40 }).map((p) => p.join(''))
    fc.assert(
      fc.property(runs, (s) => {
        const w = winkInput(s)
        expect(w.length).toBe(s.length)
        for (const run of w.match(/\S+/g) ?? []) expect(run.length).toBeLessThanOrEqual(MAX_RUN)
        // A character is kept or blanked, and never one half of a pair alone.
        let broken = -1
        for (let i = 0; i < s.length && broken < 0; i++) {
          if (w[i] !== s[i] && w[i] !== ' ') broken = i
          const c = s.charCodeAt(i)
          const d = s.charCodeAt(i + 1)
          if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff && (w[i] === s[i]) !== (w[i + 1] === s[i + 1])) broken = i
        }
        expect(broken).toBe(-1)
      }),
      params,
    )
  })

  it('chunks tile a paragraph, none longer than asked, never splitting a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '. ', '😀', '\ud83d'), maxLength: 400 }), fc.integer({ min: 8, max: 60 }), (s, max) => {
        const spans = chunks(s, max)
        expect(spans[0]!.start).toBe(0)
        expect(spans[spans.length - 1]!.end).toBe(s.length)
        for (let i = 0; i < spans.length; i++) {
          expect(spans[i]!.end - spans[i]!.start).toBeLessThanOrEqual(max)
          if (i > 0) expect(spans[i]!.start).toBe(spans[i - 1]!.end)
          const c = s.charCodeAt(spans[i]!.start)
          if (i > 0 && c >= 0xdc00 && c <= 0xdfff) expect(s.charCodeAt(spans[i]!.start - 1) >= 0xd800 && s.charCodeAt(spans[i]!.start - 1) <= 0xdbff).toBe(false)
        }
      }),
      params,
    )
  })
})

describe('kept regressions of what wink-nlp reads', () => {
  it('a lone high surrogate at a cut is blanked alone (fuzzing found the input growing by one)', () => {
    const s = '😀'.repeat(40) + 'x.'.repeat(50) + '😀'.repeat(40) + '\ud800'
    expect(winkInput(s).length).toBe(s.length)
  })
})
