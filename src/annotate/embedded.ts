// Embedded narratives: a character telling a story in a speech that runs over many paragraphs and
// makes up most of a scene (a tale told by the fire, the creature's story in Frankenstein). The
// speech is dialogue still; its own narration (outside the quotations inside it) is read like the
// scene's narration, so that the scene gets the teller's point of view and tense.
import { notNames } from '../data/pronouns.js'
import type { Span } from '../types.js'
import type { QuoteConvention, QuoteSpan } from './dialogue.js'
import type { Sentence } from './index.js'
import { POS } from './nlp.js'
import { countPronouns, type PersonCounts } from './persons.js'
import { insideSpans } from './spans.js'
import { countTenses, type Tokens } from './tense.js'

/** A speech is an embedded narrative when it runs over at least this many paragraphs… */
export const EMBEDDED_MIN_PARAGRAPHS = 3
/** …and holds at least this share of its scene's words. */
export const EMBEDDED_MIN_SHARE = 0.5

export interface EmbeddedNarrative extends Span {
  /** Who tells it, when the narration around it names them. */
  speaker: string | null
  /** The names in the narration around it, nearest first (those before it, then those after). */
  speakers: string[]
  /** Words inside the speech. */
  words: number
  /** Its sentences, their verbs and narration words counted over its own narration. */
  sentences: Sentence[]
  /** Pronouns of its narration, by person. */
  pronouns: PersonCounts
}

/** What finding a scene's embedded narratives needs. */
export interface EmbeddedInput {
  text: string
  tokens: Tokens
  /** 1 for tokens inside a letter quoted in the story. */
  inLetter: Uint8Array
  convention: QuoteConvention
  /** The scene's quotes (speech and scare), its sentences, the offset of each of its words, its word count. */
  quotes: readonly QuoteSpan[]
  sentences: readonly Sentence[]
  words: readonly number[]
  sceneWords: number
}

/** Quotations inside a speech: single quotes inside double ones, or double inside single. */
const INNER_IN_DOUBLE = /(?<![\p{L}\p{N}])[‘'](?=[\p{L}\p{N}])[\s\S]*?[’'](?![\p{L}\p{N}])/gu
const INNER_IN_SINGLE = /[“"][\s\S]*?[”"]/g


/** The speech's spans less its inner quotations (and their marks). */
function ownNarration(text: string, spans: readonly Span[], convention: QuoteConvention): Span[] {
  const out: Span[] = []
  const inner = convention === 'single' ? INNER_IN_SINGLE : INNER_IN_DOUBLE
  for (const span of spans) {
    // The speech's own opening mark is left out of the search.
    const body = text.slice(span.start + 1, span.end)
    let at = span.start
    for (const m of body.matchAll(inner)) {
      const start = span.start + 1 + m.index!
      if (start > at) out.push({ start: at, end: start })
      at = start + m[0].length
    }
    if (at < span.end) out.push({ start: at, end: span.end })
  }
  return out
}

/** The first token at or after `offset` (binary search). */
function tokenAt(t: Tokens, offset: number): number {
  let lo = 0
  let hi = t.start.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (t.start[mid]! < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** How far before and after a speech its teller's name is looked for, in tokens. */
const SPEAKER_WINDOW = 300
const { PROPN, PUNCT } = POS
const isName = (w: string) => /^\p{Lu}\p{Ll}+$/u.test(w)

/**
 * Who might tell the story: the names in the narration before the speech, nearest first ("“I have
 * one,” said Mother Rook."), then those just after it ("…,” said Ansel). A title before a name is
 * part of it; the speech's own words are not looked at. `resolveSpeakers` picks among them.
 */
function speakersOf(t: Tokens, skip: ArrayLike<number>, start: number, end: number): string[] {
  const out: string[] = []
  const nameAt = (i: number): string | null => {
    const w = t.text.slice(t.start[i]!, t.end[i]!)
    return t.pos[i] === PROPN && isName(w) && skip[i] !== 1 ? w : null
  }
  const runAt = (i: number, step: 1 | -1): { name: string; next: number } | null => {
    if (!nameAt(i) && !(notNames.has(t.text.slice(t.start[i]!, t.end[i]!)) && nameAt(i + 1))) return null
    let a = i
    let b = i
    while (a - 1 >= 0 && (nameAt(a - 1) || notNames.has(t.text.slice(t.start[a - 1]!, t.end[a - 1]!))) && skip[a - 1] !== 1 && t.pos[a - 1] !== PUNCT) a--
    // A capitalised word right after a name is part of it, however it is tagged ("Granny Weld").
    while (b + 1 < t.start.length && skip[b + 1] !== 1 && isName(t.text.slice(t.start[b + 1]!, t.end[b + 1]!))) b++
    const words = []
    for (let k = a; k <= b; k++) words.push(t.text.slice(t.start[k]!, t.end[k]!))
    // A run of titles alone ("Mother") is no name; a name alone is. After an article it names a
    // place or a thing ("the Drowned Lantern", "the Kilbride vowels").
    if (!words.some((w) => !notNames.has(w))) return null
    if (a > 0 && /^(?:the|a|an)$/i.test(t.text.slice(t.start[a - 1]!, t.end[a - 1]!))) return { name: '', next: step === -1 ? a - 1 : b + 1 }
    return { name: words.join(' '), next: step === -1 ? a - 1 : b + 1 }
  }
  const first = tokenAt(t, start)
  for (let i = first - 1, n = 0; i >= 0 && n < SPEAKER_WINDOW; i--, n++) {
    if (skip[i] === 1) continue
    const run = runAt(i, -1)
    if (!run) continue
    if (run.name && !out.includes(run.name)) out.push(run.name)
    n += i - run.next - 1
    i = run.next + 1
  }
  const last = tokenAt(t, end)
  for (let i = last, n = 0; i < t.start.length && n < SPEAKER_WINDOW / 5; i++, n++) {
    if (skip[i] === 1) continue
    const run = runAt(i, 1)
    if (!run) continue
    if (run.name && !out.includes(run.name)) out.push(run.name)
    n += run.next - i - 1
    i = run.next - 1
  }
  return out
}

/**
 * Name each story's teller: the nearest name around it that is not the story's focal character
 * (`focal`, the name its narration follows most: the one who listens), or the focal character
 * where no other is named.
 */
export function resolveSpeakers(narratives: readonly EmbeddedNarrative[], focal: string | null): void {
  for (const n of narratives) n.speaker = n.speakers.find((s) => s !== focal && !s.split(' ').includes(focal ?? '')) ?? n.speakers[0] ?? null
}

/**
 * A scene's embedded narratives: each speech over EMBEDDED_MIN_PARAGRAPHS paragraphs or more that
 * holds at least half the scene's words. `skip` marks the story's tokens outside narration
 * (speech and letters), for finding the teller's name around the speech.
 */
export function findEmbedded(input: EmbeddedInput, skip: ArrayLike<number>): EmbeddedNarrative[] {
  const { text, tokens, quotes, sentences, words, sceneWords } = input
  const bySpeech = new Map<number, QuoteSpan[]>()
  for (const q of quotes) {
    if (q.kind !== 'speech') continue
    const group = bySpeech.get(q.speech)
    if (group) group.push(q)
    else bySpeech.set(q.speech, [q])
  }
  const out: EmbeddedNarrative[] = []
  for (const spans of bySpeech.values()) {
    if (spans.length < EMBEDDED_MIN_PARAGRAPHS) continue
    let speechWords = 0
    for (const x of insideSpans(words, spans)) speechWords += x
    if (speechWords < EMBEDDED_MIN_SHARE * sceneWords) continue
    const start = spans[0]!.start
    const end = spans[spans.length - 1]!.end
    const own = ownNarration(text, spans, input.convention)
    // The narrative's narration: its own words, letters inside it left out.
    const ownWords = insideSpans(words, own)
    const mask = insideSpans(tokens.start, own)
    for (let i = 0; i < mask.length; i++) mask[i] = mask[i]! & (1 - input.inLetter[i]!) ? 0 : 1
    const pronouns: PersonCounts = { first: 0, firstPlural: 0, second: 0, third: 0 }
    const told: Sentence[] = []
    let w = 0
    for (const s of sentences) {
      if (s.end <= start || s.start >= end) continue
      const t = countTenses(tokens, s.firstToken, s.endToken, mask)
      countPronouns(tokens, s.firstToken, s.endToken, mask, pronouns)
      let narrationWords = 0
      while (w < words.length && words[w]! < s.start) w++
      for (let k = w; k < words.length && words[k]! < s.end; k++) narrationWords += ownWords[k]!
      if (narrationWords > 0) told.push({ ...s, past: t.past, present: t.present, narrationWords, thought: null })
    }
    out.push({ start, end, speaker: null, speakers: speakersOf(tokens, skip, start, end), words: speechWords, sentences: told, pronouns })
  }
  return out
}
