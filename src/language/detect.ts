import { francAll } from 'franc-min'
import { ENGLISH_COMMON } from '../data/function-words.js'
import type { Span } from '../types.js'

/** A language found in the text: its BCP 47 code and how clear the verdict was. */
export interface Guess {
  code: string
  /** 0..1: how far the best language stands from the next (1 where the script alone decides). */
  margin: number
  /** The best few languages, best first, as franc's ISO 639-3 codes. */
  ranked: string[]
  /** English's score against the best (1 for English itself), or null where franc did not weigh it. */
  english: number | null
}

/**
 * The fewest letters a sample needs before its trigrams decide between languages of one script
 * (English, French, German…): shorter samples are left undetermined. Languages told by their
 * script alone (Chinese, Japanese, Korean, Greek…) need only franc's own minimum.
 */
export const MIN_SAMPLE_LETTERS = 200
/** franc reads at most this many characters; a sample is made up to it. */
export const SAMPLE_CHARS = 2048

const LETTERS = /\p{L}/gu
/** How many letters a sample holds. */
export const letters = (sample: string): number => sample.match(LETTERS)?.length ?? 0

/** How many of the best languages a guess keeps. */
const RUNNERS_UP = 5

/**
 * Guess the language of a sample with franc (trigram profiles of the 82 languages with 8 million
 * speakers or more, and scripts that belong to one language). `only` narrows the candidates, as
 * ISO 639-3 codes. Null when the sample is too short to tell.
 */
export function guess(sample: string, only?: readonly string[]): Guess | null {
  const ranked = francAll(sample, only ? { only: [...only] } : {})
  const best = ranked[0]
  if (!best || best[0] === 'und') return null
  const byScript = ranked.length === 1
  if (!byScript && letters(sample) < MIN_SAMPLE_LETTERS) return null
  const margin = byScript ? 1 : Math.round((1 - (ranked[1]?.[1] ?? 0)) * 10_000) / 10_000
  const english = ranked.find((r) => r[0] === 'eng')?.[1] ?? null
  return { code: bcp47(best[0]), margin, ranked: ranked.slice(0, RUNNERS_UP).map((r) => r[0]), english }
}

/** The BCP 47 code of an ISO 639-3 code (`fra` → `fr`, `cmn` → `zh`), by CLDR's aliases. */
export function bcp47(iso6393: string): string {
  try {
    return Intl.getCanonicalLocales(iso6393)[0] ?? iso6393
  } catch {
    return iso6393
  }
}

/** A sample is made of this many pieces taken evenly across its stretch of text. */
const PIECES = 8

/**
 * A sample of a stretch of paragraphs for the detector: `PIECES` pieces of text taken at even
 * steps through it (so a long chapter is sampled through, not only at its start), up to `max`
 * characters in all.
 */
export function sampleOf(text: string, paragraphs: readonly Span[], max = SAMPLE_CHARS): string {
  let total = 0
  for (const p of paragraphs) total += p.end - p.start
  if (total <= max) return paragraphs.map((p) => text.slice(p.start, p.end)).join('\n')
  const piece = Math.floor(max / PIECES)
  let out = ''
  let k = 0 // the paragraph holding the piece's start
  let before = 0 // characters of the paragraphs before paragraph k
  for (let j = 0; j < PIECES; j++) {
    const target = Math.floor((j * total) / PIECES)
    while (before + paragraphs[k]!.end - paragraphs[k]!.start <= target) before += paragraphs[k]!.end - paragraphs[k++]!.start
    // From the target on, through the next paragraphs if this one ends first.
    let need = piece
    for (let i = k, from = paragraphs[k]!.start + target - before; i < paragraphs.length && need > 0; i++, from = paragraphs[i]?.start ?? 0) {
      const to = Math.min(paragraphs[i]!.end, from + need)
      out += text.slice(from, to) + '\n'
      need -= to - from
    }
  }
  return out
}

const LETTER = /\p{L}/u
const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a

/**
 * The share of a sample's words that are English's commonest words (see `ENGLISH_COMMON`),
 * weighted by the share of its letters that are Latin: near one half for English prose, under a
 * sixth for other languages written in Latin letters, 0 for other scripts. One pass over the
 * characters: far cheaper than franc.
 */
export function englishShare(sample: string): number {
  let words = 0
  let common = 0
  let latin = 0
  let all = 0
  const n = sample.length
  for (let i = 0; i < n; ) {
    const c = sample.charCodeAt(i)
    if (isAsciiLetter(c)) {
      // A word of ASCII letters, an apostrophe inside it kept ("didn't").
      const start = i
      while (i < n && (isAsciiLetter(sample.charCodeAt(i)) || ((sample[i] === "'" || sample[i] === '’') && isAsciiLetter(sample.charCodeAt(i + 1))))) i++
      const word = sample.slice(start, i)
      latin += word.length
      all += word.length
      // Part of a longer word with letters beyond ASCII ("café"): not one of the common words.
      if (i < n && sample.charCodeAt(i) >= 128 && LETTER.test(sample[i]!)) continue
      words++
      if (ENGLISH_COMMON.has(word.toLowerCase().replace('’', "'"))) common++
      continue
    }
    if (c >= 128 && LETTER.test(sample[i]!)) all++
    i++
  }
  return words && all ? (common / words) * (latin / all) : 0
}
