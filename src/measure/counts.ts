import type { AnnotatedScene, TokenTable } from '../annotate/index.js'
import type { Cast, Character } from '../annotate/characters.js'
import { addPersons, type PersonCounts } from '../annotate/persons.js'
import type { Attribution } from '../annotate/speakers.js'
import { combineTallies, tallyScene, type Tally } from './characters.js'
import { combineEmbedded, embeddedCounts, noEmbedded, type EmbeddedCounts } from './embedded.js'
import { povShifts, type Gender, type PovShift } from './head-hops.js'
import { NO_OPENING, type SceneOpening } from '../annotate/genders.js'
import { dominantPerson, top } from './pov.js'
import { asideOf, slipSentences, type TenseSentence } from './slips.js'
import { dominantOf, dominantTense } from './tense.js'
import { setThoughtApart } from './unmarked.js'

export type { TenseSentence } from './slips.js'

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
  /** Words and sentences of unmarked thought (plain narration that is a character's direct thought). */
  unmarkedThought: { words: number; spans: [number, number][] }
  /** Characters' told stories (speeches over many paragraphs that make up most of a scene). */
  embedded: EmbeddedCounts
  /** Paragraphs of third-person scenes that enter another character's head than the viewpoint's. */
  povShifts: PovShift[]
  /** Who thinks, feels and perceives in most of a third-person scene's paragraphs (see povShifts); null for chapters and the work. */
  viewpoint: string | null
  /** The gender of whoever thinks, feels and perceives in most of its paragraphs, where one is plain (see povShifts); null for chapters and the work. */
  viewpointGender: Gender | null
  /** The paragraphs each name thinks, feels or perceives in (see povShifts); empty for chapters and the work. */
  viewpointParagraphs: ReadonlyMap<string, number>
  /** Of them, the paragraphs each name thinks or feels in. */
  innerParagraphs: ReadonlyMap<string, number>
  /** The story's characters (shared by every span), each one's counts here, and who said each speech span. */
  cast: readonly Character[]
  characters: Map<number, Tally>
  speakers: Attribution[]
  /** A scene's own first-person narrator, where the work has several in turn (see AnnotatedScene.narrator); null in a span of several scenes. */
  sceneNarrator: string | null
  /** He and she forms of narration. */
  he: number
  she: number
  /** How a scene's narration opens (see AnnotatedScene.opening); neither a gender nor a name for chapters and the work. */
  opening: SceneOpening
  /** Some of the span is in English (or a language not told), which the English rules read. */
  english: boolean
  /** Words of the span's scenes in other languages, whose English-only counts above are left empty, and their dialogue words. */
  otherWords: number
  otherDialogueWords: number
}

/** `carried`: the character of each gender the story followed last, whom a he or she before any name may be. */
export function countsOf(a: AnnotatedScene, text: string, tokens: TokenTable, genders: ReadonlyMap<string, Gender>, cast: Cast, carried?: Readonly<Record<Gender, string | null>>): Counts {
  if (!a.english) return otherCounts(a, cast)
  let past = 0
  let present = 0
  const sentenceWords: number[] = []
  for (const s of a.sentences) sentenceWords.push(s.words)
  // Unmarked thought counts toward neither the scene's tense nor its point of view.
  const narration = setThoughtApart(a)
  for (const s of narration.sentences) {
    past += s.past
    present += s.present
  }
  let dominant = dominantTense(past, present)
  // A mixed scene: its tense is the one that holds once its asides (look backs, general truths) are set apart.
  const asides = dominant === 'mixed' ? narration.sentences.map((s) => asideOf(text, s)) : null
  if (asides) dominant = dominantOf(narration.sentences.map((s, i) => ({ past: s.past, present: s.present, aside: asides[i]! })))
  const speechIds = new Set<number>()
  const speechSpans: [number, number][] = []
  for (const q of a.quotes) {
    if (q.kind !== 'speech') continue
    speechIds.add(q.speech)
    speechSpans.push([q.start, q.end])
  }
  const hops = a.embedded.length === 0 && dominantPerson(narration.pronouns, narration.narrationWords) === 'third' ? povShifts(a, text, tokens, top(a.names), genders, carried) : { shifts: [], viewpoint: null, viewpointGender: null, paragraphs: new Map(), innerParagraphs: new Map() }
  return {
    sentenceWords,
    paragraphWords: a.paragraphWords,
    dialogueWords: a.dialogueWords,
    speechIds: [...speechIds],
    speechSpans,
    scareQuotes: a.quotes.length - speechSpans.length,
    sentences: markAsides(slipSentences(a, narration, text, tokens, dominant), asides),
    narrationWords: narration.narrationWords,
    pronouns: narration.pronouns,
    names: a.names,
    vocatives: a.vocatives,
    thought: a.thought,
    unmarkedThought: narration.thought,
    embedded: embeddedCounts(a),
    povShifts: hops.shifts,
    viewpoint: hops.viewpoint,
    viewpointGender: hops.viewpointGender,
    viewpointParagraphs: hops.paragraphs,
    innerParagraphs: hops.innerParagraphs,
    cast: cast.characters,
    characters: tallyScene(a, cast),
    speakers: a.speakers,
    sceneNarrator: a.narrator === undefined ? null : (cast.characters[a.narrator]?.name ?? null),
    he: a.he,
    she: a.she,
    opening: a.opening,
    english: true,
    otherWords: 0,
    otherDialogueWords: 0,
  }
}

/**
 * The counts of a scene not in English: words, sentences, paragraphs and dialogue, which hold in
 * any language; every count an English rule makes (tense, person, names, thought, characters,
 * speakers) empty, so that a chapter or work taken together has only its English scenes' ones.
 */
function otherCounts(a: AnnotatedScene, cast: Cast): Counts {
  const out = combine([])
  for (const s of a.sentences) out.sentenceWords.push(s.words)
  out.paragraphWords = a.paragraphWords
  out.dialogueWords = a.dialogueWords
  const ids = new Set<number>()
  for (const q of a.quotes) {
    if (q.kind !== 'speech') continue
    ids.add(q.speech)
    out.speechSpans.push([q.start, q.end])
    // Spans and speakers stay parallel: each speech here has no speaker found.
    out.speakers.push({ character: null, kind: null, confidence: 0 })
  }
  out.speechIds = [...ids]
  out.scareQuotes = a.quotes.length - out.speechSpans.length
  out.cast = cast.characters
  out.thought = null
  out.english = false
  for (const n of a.paragraphWords) out.otherWords += n
  out.otherDialogueWords = a.dialogueWords
  return out
}

function markAsides(sentences: TenseSentence[], asides: boolean[] | null): TenseSentence[] {
  if (asides) for (let i = 0; i < sentences.length; i++) if (asides[i]) sentences[i]!.aside = true
  return sentences
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
    unmarkedThought: { words: 0, spans: [] },
    embedded: noEmbedded(),
    povShifts: [],
    viewpoint: null,
    viewpointGender: null,
    viewpointParagraphs: new Map(),
    innerParagraphs: new Map(),
    cast: parts[0]?.cast ?? [],
    characters: new Map(),
    speakers: [],
    sceneNarrator: null,
    he: 0,
    she: 0,
    opening: NO_OPENING,
    english: parts.length === 0,
    otherWords: 0,
    otherDialogueWords: 0,
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
    addPersons(out.pronouns, c.pronouns)
    addCounts(out.names, c.names)
    addCounts(out.vocatives, c.vocatives)
    out.unmarkedThought.words += c.unmarkedThought.words
    for (const x of c.unmarkedThought.spans) out.unmarkedThought.spans.push(x)
    combineEmbedded(out.embedded, c.embedded)
    for (const x of c.povShifts) out.povShifts.push(x)
    combineTallies(out.characters, c.characters)
    for (const x of c.speakers) out.speakers.push(x)
    out.he += c.he
    out.she += c.she
    out.english ||= c.english
    out.otherWords += c.otherWords
    out.otherDialogueWords += c.otherDialogueWords
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
