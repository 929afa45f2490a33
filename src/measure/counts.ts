import type { AnnotatedScene } from '../annotate/index.js'
import type { PersonCounts } from '../annotate/persons.js'
import { BASE, ECHO, FLASHBACK_CUES, NARRATOR_PRESENT, PARTICIPLE, PAST } from '../data/verbs.js'
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

/** Why a sentence reads against its scene's tense, or why it was judged less likely a slip. */
export type SlipReason = 'past-in-present' | 'present-in-past' | 'look-back' | 'back-story' | 'fragment' | 'narrator-present' | 'question'

/** "had gone", "had not walked", "hadn't been": past perfect, a look back from the present. */
const PAST_PERFECT = /\bhad(?:n't|n’t| not)?(?: (?:never|always|already|just|once|long|not|\w+ly))? ([a-z]+)\b/gi
function pastPerfect(text: string): boolean {
  for (const m of text.matchAll(PAST_PERFECT)) {
    const v = m[1]!.toLowerCase()
    if (v === 'been' || PARTICIPLE.has(v) || PAST.has(v)) return true
  }
  return false
}

/** A sentence that opens on a past verb, with no subject: "Aspired to be him, once." */
const FRAGMENT = /^[“"‘']?([A-Z][a-z]+)\b/
const opensOnPastVerb = (text: string) => {
  const m = FRAGMENT.exec(text)
  return m !== null && PAST.has(m[1]!.toLowerCase()) && !BASE.has(m[1]!.toLowerCase())
}

/** How sure a sentence slips from its scene's tense, and why (confidence 0: it does not). */
interface SlipJudgement {
  confidence: number
  reason: SlipReason | null
  /** The sentence looks back (present narration): the past sentences after it may go on doing so. */
  lookingBack: boolean
}

const NO_SLIP: SlipJudgement = { confidence: 0, reason: null, lookingBack: false }

function judgeSlip(fullText: string, s: { start: number; end: number; past: number; present: number }, dominant: 'past' | 'present' | 'mixed' | null, lookingBack: boolean): SlipJudgement {
  if (dominant === 'present' && s.past > 0 && s.present === 0) {
    const text = fullText.slice(s.start, s.end).trim()
    if (ECHO.test(text)) return { ...NO_SLIP, lookingBack }
    // In present narration a reference to earlier events is legitimate: a time anchor, a past
    // perfect, a subjectless fragment or a run of such sentences halve it.
    const c = Math.min(0.9, 0.5 + 0.15 * (s.past - 1))
    if (FLASHBACK_CUES.test(text) || pastPerfect(text)) return { confidence: c / 2, reason: 'look-back', lookingBack: true }
    if (opensOnPastVerb(text)) return { confidence: c / 2, reason: 'fragment', lookingBack: true }
    if (lookingBack) return { confidence: c / 2, reason: 'back-story', lookingBack: true }
    return { confidence: c, reason: 'past-in-present', lookingBack: false }
  }
  if (dominant === 'past' && s.present > 0 && s.past === 0) {
    const text = fullText.slice(s.start, s.end).trim()
    if (ECHO.test(text)) return NO_SLIP
    const c = Math.min(0.9, 0.5 + 0.15 * (s.present - 1))
    if (/\?["”’']?$/.test(text)) return { confidence: c * 0.6, reason: 'question', lookingBack: false }
    if (NARRATOR_PRESENT.test(text)) return { confidence: c / 2, reason: 'narrator-present', lookingBack: false }
    return { confidence: c, reason: 'present-in-past', lookingBack: false }
  }
  // A sentence in the scene's own tense ends a look back.
  return { ...NO_SLIP, lookingBack: lookingBack && s.present === 0 && s.past === 0 }
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

/** Each sentence with its tense counts and how sure it is to slip from the scene's tense. */
function tenseSentences(a: AnnotatedScene, text: string, dominant: 'past' | 'present' | 'mixed' | null): TenseSentence[] {
  const out: TenseSentence[] = []
  let lookingBack = false
  for (const s of a.sentences) {
    const judged = judgeSlip(text, s, dominant, lookingBack)
    lookingBack = judged.lookingBack
    const slips = judged.confidence >= SLIP_THRESHOLD
    out.push({ start: s.start, end: s.end, past: s.past, present: s.present, slip: slips ? judged.confidence : 0, against: slips ? (dominant as 'past' | 'present') : null })
  }
  return out
}

export function countsOf(a: AnnotatedScene, text: string): Counts {
  let past = 0
  let present = 0
  let narrationWords = 0
  const sentenceWords: number[] = []
  for (const s of a.sentences) {
    past += s.past
    present += s.present
    narrationWords += s.narrationWords
    sentenceWords.push(s.words)
  }
  const dominant = dominantTense(past, present)
  const speechIds = new Set<number>()
  const speechSpans: [number, number][] = []
  for (const q of a.quotes) {
    if (q.kind !== 'speech') continue
    speechIds.add(q.speech)
    speechSpans.push([q.start, q.end])
  }
  return {
    sentenceWords,
    paragraphWords: a.paragraphWords,
    dialogueWords: a.dialogueWords,
    speechIds: [...speechIds],
    speechSpans,
    scareQuotes: a.quotes.length - speechSpans.length,
    sentences: keepSurest(tenseSentences(a, text, dominant)),
    narrationWords,
    pronouns: a.pronouns,
    names: a.names,
    vocatives: a.vocatives,
    thought: a.thought,
  }
}

function addCounts(out: Map<string, number>, m: Map<string, number>): void {
  for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v)
}

/** The counts of several spans taken together (one loop: this runs for every chapter of every work). */
export function combine(parts: readonly Counts[]): Counts {
  const out: Counts = {
    sentenceWords: [],
    paragraphWords: [],
    dialogueWords: 0,
    speechIds: [],
    speechSpans: [],
    scareQuotes: 0,
    sentences: [],
    narrationWords: 0,
    pronouns: { first: 0, firstPlural: 0, second: 0, third: 0 },
    names: new Map(),
    vocatives: new Map(),
    thought: null,
  }
  const speechIds = new Set<number>()
  let thoughtWords = 0
  let thoughtSpans: [number, number][] | null = null
  for (const c of parts) {
    for (const x of c.sentenceWords) out.sentenceWords.push(x)
    for (const x of c.paragraphWords) out.paragraphWords.push(x)
    out.dialogueWords += c.dialogueWords
    for (const x of c.speechIds) speechIds.add(x)
    for (const x of c.speechSpans) out.speechSpans.push(x)
    out.scareQuotes += c.scareQuotes
    for (const x of c.sentences) out.sentences.push(x)
    out.narrationWords += c.narrationWords
    out.pronouns.first += c.pronouns.first
    out.pronouns.firstPlural += c.pronouns.firstPlural
    out.pronouns.second += c.pronouns.second
    out.pronouns.third += c.pronouns.third
    addCounts(out.names, c.names)
    addCounts(out.vocatives, c.vocatives)
    // Thought is known where the format has italics; a span of no known part has none.
    if (c.thought !== null) {
      thoughtWords += c.thought.words
      thoughtSpans ??= []
      for (const x of c.thought.spans) thoughtSpans.push(x)
    }
  }
  out.speechIds = [...speechIds]
  if (thoughtSpans !== null || parts.length === 0) out.thought = { words: thoughtWords, spans: thoughtSpans ?? [] }
  return out
}
