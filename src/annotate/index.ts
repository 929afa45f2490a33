import type { Manuscript, Scene, Span } from '../types.js'
import { segment } from './sentences.js'
import { wordStarts } from './words.js'

/** A sentence: its span and its length in words. */
export interface Sentence extends Span {
  words: number
}

/** What annotation adds to a scene: its sentences and the length of each paragraph. */
export interface AnnotatedScene {
  scene: Scene
  sentences: Sentence[]
  /** Words per paragraph, in order. */
  paragraphWords: number[]
  words: number
}

/** Every token of the story in flat arrays, as wink-nlp keeps them (POS as `POS_TAGS` index). */
export interface TokenTable {
  start: Int32Array
  end: Int32Array
  pos: Uint8Array
}

export interface Annotated {
  manuscript: Manuscript
  scenes: AnnotatedScene[]
  tokens: TokenTable
}

/** wink-nlp is fed at most this many characters at once (it slows on huge unbroken runs). */
const MAX_CHUNK = 20_000

/** Cut a long paragraph into pieces wink-nlp handles well: after a sentence end, else at a space. */
export function chunks(s: string, max = MAX_CHUNK): Span[] {
  const out: Span[] = []
  let start = 0
  while (s.length - start > max) {
    const window = s.slice(start, start + max)
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? ')) + 1
    if (cut <= max / 2) cut = window.lastIndexOf(' ') + 1
    if (cut <= max / 2) cut = max
    out.push({ start, end: start + cut })
    start += cut
  }
  out.push({ start, end: s.length })
  return out
}

/**
 * Annotate the story: sentences, tokens and POS for every paragraph of every scene, offsets
 * into the manuscript text; words by the shared word definition.
 */
export function annotate(manuscript: Manuscript): Annotated {
  const { text } = manuscript
  const starts: number[] = []
  const ends: number[] = []
  const pos: number[] = []
  const scenes: AnnotatedScene[] = []
  for (const chapter of manuscript.chapters) {
    for (const scene of chapter.scenes) {
      const sentences: Sentence[] = []
      const paragraphWords: number[] = []
      for (const p of scene.paragraphs) {
        const words = wordStarts(text.slice(p.start, p.end), p.start)
        paragraphWords.push(words.length)
        const spans: Span[] = []
        const ptext = text.slice(p.start, p.end)
        for (const c of chunks(ptext)) {
          const r = segment(ptext.slice(c.start, c.end))
          const base = p.start + c.start
          for (let i = 0; i < r.tokenStarts.length; i++) {
            starts.push(base + r.tokenStarts[i]!)
            ends.push(base + r.tokenEnds[i]!)
            pos.push(r.tokenPos[i]!)
          }
          for (let i = 0; i < r.sentenceStarts.length; i++) spans.push({ start: base + r.sentenceStarts[i]!, end: base + r.sentenceEnds[i]! })
        }
        appendSentences(sentences, spans, words)
      }
      scenes.push({ scene, sentences, paragraphWords, words: paragraphWords.reduce((a, b) => a + b, 0) })
    }
  }
  return { manuscript, scenes, tokens: { start: Int32Array.from(starts), end: Int32Array.from(ends), pos: Uint8Array.from(pos) } }
}

/**
 * Count each sentence's words (a word belongs to the sentence its first character lies in) and
 * fold sentences without a word (a stray closing quote, a lone dash) into their neighbour.
 */
function appendSentences(out: Sentence[], spans: Span[], words: number[]): void {
  const first = out.length
  let w = 0
  for (const span of spans) {
    let n = 0
    while (w < words.length && words[w]! < span.start) w++
    while (w < words.length && words[w]! < span.end) {
      n++
      w++
    }
    const last = out[out.length - 1]
    if (n === 0 && out.length > first && last) {
      last.end = span.end
    } else if (out.length > first && last && last.words === 0) {
      last.end = span.end
      last.words = n
    } else {
      out.push({ start: span.start, end: span.end, words: n })
    }
  }
  if (out.length > first && out[out.length - 1]!.words === 0) out.pop()
}
