import type { Span } from '../types.js'

/** Punctuation that closes a clause: an italic run ending on it is a thought, not emphasis. */
const CLAUSE_END = /^[\s"”’'*_]*[,.!?…;:—–]/
const ENDS_CLAUSE = /[,.!?…;:—–][\s"”’'*_]*$/
/** What introduces direct thought inside a sentence: a comma, colon or dash before the run. */
const INTRODUCED = /[,:—–][\s"“‘']*$/
/** An italic run that is not a whole sentence needs this many words to be read as a thought. */
const MIN_CLAUSE_WORDS = 3

/** What thought detection needs to know about a scene. */
export interface ThoughtInput {
  text: string
  /** Italic runs of the whole text, in order. */
  italics: readonly Span[]
  /** Sentences of the scene, in order. */
  sentences: readonly Span[]
  /** Start offsets of the scene's words, in order. */
  words: readonly number[]
  /** Per word: 1 where it lies inside dialogue. */
  inDialogue: Uint8Array
}

/**
 * Interior thought: italic runs in narration that are a whole sentence or more, or a clause that
 * opens a sentence ("*I should go,* she thought.") or is introduced as direct thought after a
 * comma, colon or dash and starts with a capital ("I think, *This is how I die.*"). One italic word or phrase inside a sentence is
 * emphasis and does not count. Returns the thought words (those whose first character lies in such
 * a run, outside dialogue) and the runs.
 */
export function findThought({ text, italics, sentences, words, inDialogue }: ThoughtInput): { words: number; spans: [number, number][] } {
  const spans: [number, number][] = []
  let count = 0
  if (sentences.length === 0 || words.length === 0) return { words: 0, spans }
  const from = sentences[0]!.start
  const to = sentences[sentences.length - 1]!.end
  let i = lowerBound(italics, from)
  let s = 0
  for (; i < italics.length && italics[i]!.start < to; i++) {
    const run = italics[i]!
    const firstWord = lowerBoundNumber(words, run.start)
    let endWord = firstWord
    while (endWord < words.length && words[endWord]! < run.end) endWord++
    if (endWord === firstWord) continue
    // The sentence the run starts in, and whether the run starts at its first word.
    while (s < sentences.length - 1 && sentences[s]!.end <= run.start) s++
    const sentence = sentences[s]!
    const sentenceFirst = lowerBoundNumber(words, sentence.start)
    const opens = firstWord === sentenceFirst
    let sentenceEnd = sentenceFirst
    while (sentenceEnd < words.length && words[sentenceEnd]! < sentence.end) sentenceEnd++
    const wholeSentence = opens && endWord >= sentenceEnd
    // A clause: it opens the sentence, or it is introduced as direct thought ("and I think, *This
    // is how I die.*": after a comma, colon or dash, with a capital), and it ends at punctuation.
    const introduced = INTRODUCED.test(text.slice(Math.max(0, run.start - 4), run.start)) && /^\p{Lu}/u.test(text.slice(run.start, run.start + 1))
    const clause =
      (opens || introduced) &&
      endWord - firstWord >= MIN_CLAUSE_WORDS &&
      (ENDS_CLAUSE.test(text.slice(run.start, run.end)) || CLAUSE_END.test(text.slice(run.end, Math.min(text.length, run.end + 4))))
    if (!wholeSentence && !clause) continue
    let n = 0
    for (let w = firstWord; w < endWord; w++) n += 1 - inDialogue[w]!
    if (n === 0) continue
    count += n
    spans.push([run.start, run.end])
  }
  return { words: count, spans }
}

function lowerBound(spans: readonly Span[], at: number): number {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid]!.end <= at) lo = mid + 1
    else hi = mid
  }
  return lo
}

function lowerBoundNumber(xs: readonly number[], at: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid]! < at) lo = mid + 1
    else hi = mid
  }
  return lo
}
