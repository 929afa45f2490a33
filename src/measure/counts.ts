import type { AnnotatedScene } from '../annotate/index.js'
import type { PersonCounts } from '../annotate/persons.js'
import { FLASHBACK_CUES } from '../data/verbs.js'
import { dominantTense, MAX_SLIPS_PER_SCENE } from './tense.js'

/** A narration sentence as tense measures see it, judged against its scene's dominant tense. */
export interface TenseSentence {
  start: number
  end: number
  past: number
  present: number
  /** 0 when the sentence keeps its scene's tense; else how sure we are it slips. */
  slip: number
  against: 'past' | 'present' | null
}

/**
 * What a span of story (a scene, a chapter, the work) is measured from: counted once per scene,
 * combined for chapters and the work. Every measure derives from these.
 */
export interface Counts {
  /** Words of each sentence, in order. */
  sentenceWords: number[]
  /** Words of each paragraph, in order. */
  paragraphWords: number[]
  /** Words inside direct speech, and the speeches and their spans. */
  dialogueWords: number
  speechIds: number[]
  speechSpans: [number, number][]
  scareQuotes: number
  /** Narration sentences with their finite verbs by tense. */
  sentences: TenseSentence[]
  narrationWords: number
  pronouns: PersonCounts
  names: Map<string, number>
  vocatives: Map<string, number>
  /** Words of interior thought and its runs; null where the format has no italics. */
  thought: { words: number; spans: [number, number][] } | null
}

/** Slips are judged at least this sure to be listed. */
const SLIP_THRESHOLD = 0.5

/** How sure a sentence slips from the scene's tense (0: it does not). */
function slipConfidence(fullText: string, s: { start: number; end: number; past: number; present: number }, dominant: 'past' | 'present' | 'mixed' | null): number {
  const text = () => fullText.slice(s.start, s.end)
  if (dominant === 'present' && s.past > 0 && s.present === 0) {
    // In present narration a reference to earlier events is legitimate: a time cue halves it.
    const c = Math.min(0.9, 0.5 + 0.15 * (s.past - 1))
    return FLASHBACK_CUES.test(text()) ? c / 2 : c
  }
  if (dominant === 'past' && s.present > 0 && s.past === 0) {
    const c = Math.min(0.9, 0.5 + 0.15 * (s.present - 1))
    return /\?["”’']?$/.test(text().trim()) ? c * 0.6 : c
  }
  return 0
}

/** Keep the list readable: only a scene's surest slips stay slips (ties: the earlier ones). */
function keepSurest(sentences: TenseSentence[]): TenseSentence[] {
  const slips = sentences.filter((s) => s.slip > 0)
  if (slips.length <= MAX_SLIPS_PER_SCENE) return sentences
  const kept = new Set([...slips].sort((a, b) => b.slip - a.slip || a.start - b.start).slice(0, MAX_SLIPS_PER_SCENE))
  for (const s of slips) {
    if (!kept.has(s)) {
      s.slip = 0
      s.against = null
    }
  }
  return sentences
}

export function countsOf(a: AnnotatedScene, text: string): Counts {
  const past = a.sentences.reduce((n, s) => n + s.past, 0)
  const present = a.sentences.reduce((n, s) => n + s.present, 0)
  const dominant = dominantTense(past, present)
  const speech = a.quotes.filter((q) => q.kind === 'speech')
  return {
    sentenceWords: a.sentences.map((s) => s.words),
    paragraphWords: a.paragraphWords,
    dialogueWords: a.dialogueWords,
    speechIds: [...new Set(speech.map((q) => q.speech))],
    speechSpans: speech.map((q) => [q.start, q.end]),
    scareQuotes: a.quotes.length - speech.length,
    sentences: keepSurest(
      a.sentences.map((s) => {
        const slip = slipConfidence(text, s, dominant)
        return { start: s.start, end: s.end, past: s.past, present: s.present, slip: slip >= SLIP_THRESHOLD ? slip : 0, against: slip >= SLIP_THRESHOLD ? (dominant as 'past' | 'present') : null }
      }),
    ),
    narrationWords: a.sentences.reduce((n, s) => n + s.narrationWords, 0),
    pronouns: a.pronouns,
    names: a.names,
    vocatives: a.vocatives,
    thought: a.thought,
  }
}

function mergeMaps(maps: Map<string, number>[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const m of maps) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v)
  return out
}

/** The counts of several spans taken together. */
export function combine(parts: readonly Counts[]): Counts {
  const sum = (f: (c: Counts) => number) => parts.reduce((n, c) => n + f(c), 0)
  return {
    sentenceWords: parts.flatMap((c) => c.sentenceWords),
    paragraphWords: parts.flatMap((c) => c.paragraphWords),
    dialogueWords: sum((c) => c.dialogueWords),
    speechIds: [...new Set(parts.flatMap((c) => c.speechIds))],
    speechSpans: parts.flatMap((c) => c.speechSpans),
    scareQuotes: sum((c) => c.scareQuotes),
    sentences: parts.flatMap((c) => c.sentences),
    narrationWords: sum((c) => c.narrationWords),
    pronouns: {
      first: sum((c) => c.pronouns.first),
      firstPlural: sum((c) => c.pronouns.firstPlural),
      second: sum((c) => c.pronouns.second),
      third: sum((c) => c.pronouns.third),
    },
    names: mergeMaps(parts.map((c) => c.names)),
    vocatives: mergeMaps(parts.map((c) => c.vocatives)),
    thought: combineThought(parts),
  }
}

function combineThought(parts: readonly Counts[]): Counts['thought'] {
  const known = parts.filter((c) => c.thought !== null)
  if (known.length === 0 && parts.length > 0) return null
  return { words: known.reduce((n, c) => n + c.thought!.words, 0), spans: known.flatMap((c) => c.thought!.spans) }
}
