// Which narration a span's point of view and tense are read from: its own, or, where a character's
// told story makes up most of it, that story's (annotate/embedded.ts finds them).
import type { AnnotatedScene } from '../annotate/index.js'
import { addPersons, type PersonCounts } from '../annotate/persons.js'
import type { Counts } from './counts.js'
import { dominantPerson, type Person } from './pov.js'
import type { TenseSentence } from './slips.js'
import { dominantTense, type Dominant } from './tense.js'

/** An embedded narrative as the report gives it. */
export interface EmbeddedReport {
  start: number
  end: number
  speaker: string | null
  pov: Person | null
  tense: Dominant | null
}

/** The embedded narratives of a span, taken together. */
export interface EmbeddedCounts {
  narratives: EmbeddedReport[]
  /** Words inside them. */
  words: number
  /** Their narration: sentences judged against their own tense, pronouns, words. */
  sentences: TenseSentence[]
  pronouns: PersonCounts
  narrationWords: number
}

export const noEmbedded = (): EmbeddedCounts => ({ narratives: [], words: 0, sentences: [], pronouns: { first: 0, firstPlural: 0, second: 0, third: 0 }, narrationWords: 0 })

/** A scene's embedded narratives: each one's person and tense, and their narration's sentences. */
export function embeddedCounts(a: AnnotatedScene): EmbeddedCounts {
  const out = noEmbedded()
  if (a.embedded.length === 0) return out
  const sentences = []
  for (const n of a.embedded) {
    let past = 0
    let present = 0
    let words = 0
    for (const s of n.sentences) {
      past += s.past
      present += s.present
      words += s.narrationWords
      sentences.push(s)
    }
    out.narratives.push({ start: n.start, end: n.end, speaker: n.speaker, pov: dominantPerson(n.pronouns, words), tense: dominantTense(past, present) })
    out.words += n.words
    out.narrationWords += words
    addPersons(out.pronouns, n.pronouns)
  }
  // A teller speaks from their own present ("That's what nobody tells you at nineteen."): a told
  // story has no tense slips, which are the narration's.
  out.sentences = sentences.map((s) => ({ start: s.start, end: s.end, past: s.past, present: s.present, slip: 0, against: null, reason: null, verbs: [] }))
  return out
}

/**
 * Told stories give a span's point of view and tense where their narration is at least this many
 * times the span's own: a chapter that is one story, a scene with a line or two of frame.
 */
export const EMBEDDED_LEADS = 3

/**
 * The narration a span's point of view and tense come from: its characters' told stories where
 * their narration outweighs its own EMBEDDED_LEADS times (a chapter that is one told story), else its own.
 */
export function narrationOf(c: Counts): { embedded: boolean; pronouns: PersonCounts; narrationWords: number; sentences: TenseSentence[]; speaker: string | null } {
  const e = c.embedded
  if (e.narrationWords > 0 && e.narrationWords >= EMBEDDED_LEADS * c.narrationWords) {
    // The teller of the longest one speaks for the span.
    let speaker: string | null = null
    let longest = 0
    for (const n of e.narratives) if (n.end - n.start > longest) [speaker, longest] = [n.speaker, n.end - n.start]
    return { embedded: true, pronouns: e.pronouns, narrationWords: e.narrationWords, sentences: e.sentences, speaker }
  }
  return { embedded: false, pronouns: c.pronouns, narrationWords: c.narrationWords, sentences: c.sentences, speaker: null }
}

/** The embedded narratives of several spans taken together. */
export function combineEmbedded(out: EmbeddedCounts, c: EmbeddedCounts): void {
  for (const n of c.narratives) out.narratives.push(n)
  out.words += c.words
  for (const s of c.sentences) out.sentences.push(s)
  addPersons(out.pronouns, c.pronouns)
  out.narrationWords += c.narrationWords
}

/** The embedded narratives of a span, as the report lists them. */
export const embedded = (c: Counts): EmbeddedReport[] => c.embedded.narratives
