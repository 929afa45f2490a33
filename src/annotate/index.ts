import type { Diagnostic, Manuscript, Scene, Span } from '../types.js'
import { attributeAll } from './cast.js'
import type { Cast } from './characters.js'
import { findDialogue, type QuoteConvention, type QuoteSpan } from './dialogue.js'
import { NO_OPENING, type Gender, type SceneOpening } from './genders.js'
import type { Attribution } from './speakers.js'
import { findEmbedded, resolveSpeakers, type EmbeddedNarrative } from './embedded.js'
import { findLetters } from './letters.js'
import { retagNames } from './retag.js'
import { insideSpans } from './spans.js'
import { addPersons, countNames, countPronouns, type PersonCounts } from './persons.js'
import { isLowSurrogate, segment, segmentOther, TokenSink, type Piece, type SentenceSpan } from './sentences.js'
import { countTenses, type Tokens } from './tense.js'
import { clearItalicCandidates, findThought, thoughtCandidate, type ThoughtCandidate } from './thought.js'
import { wordSpans, wordStarts } from './words.js'
import { isEnglish } from '../language/names.js'

/** A sentence: its span, its length in words, and the tenses of its narration's finite verbs. */
export interface Sentence extends Span {
  words: number
  /** Finite verb groups outside dialogue, by tense. */
  past: number
  present: number
  /** Words outside dialogue. */
  narrationWords: number
  firstToken: number
  endToken: number
  /** How the sentence might be a character's unmarked thought (its scene decides), or null. */
  thought: ThoughtCandidate | null
}

/** What annotation adds to a scene. */
export interface AnnotatedScene {
  scene: Scene
  sentences: Sentence[]
  /** Words per paragraph, in order. */
  paragraphWords: number[]
  words: number
  /** Direct speech and scare quotes that start in the scene. */
  quotes: QuoteSpan[]
  /** Words whose first character lies inside direct speech. */
  dialogueWords: number
  /** Pronouns of narration (outside dialogue) by person. */
  pronouns: PersonCounts
  /** Names in narration, and names said to someone in dialogue, with their counts. */
  names: Map<string, number>
  vocatives: Map<string, number>
  /** Interior thought (italic sentences in narration) and its runs; null where the format has no italics. */
  thought: { words: number; spans: [number, number][] } | null
  /** Speeches over many paragraphs that make up most of the scene: a character telling a story. */
  embedded: EmbeddedNarrative[]
  /** The speaker of each speech span (kind speech) of `quotes`, in order, and its words. */
  speakers: Attribution[]
  speechWords: number[]
  /** In a work told by several first-person narrators in turn, this scene's narrator (an index into the cast), where the scene gives their name. */
  narrator?: number
  /** He and she forms in narration (he/him/his/himself, she/her/hers/herself). */
  he: number
  she: number
  /** How its narration opens: with a he or she before any name, or on a name as a subject (see openingOf). */
  opening: SceneOpening
  /** The scene is in English (or a language not told): the English rules (tense, person, names, thought, speakers) read it. */
  english: boolean
}

/** Every token of the story in flat arrays, as wink-nlp keeps them (POS as `POS_TAGS` index). */
export interface TokenTable {
  start: Int32Array
  end: Int32Array
  pos: Uint8Array
  /** 1 where the token lies inside direct speech. */
  dialogue: Uint8Array
  /** 1 where the token is not narration: inside direct speech or a letter quoted in the story. */
  skip: Uint8Array
}

export interface Annotated {
  manuscript: Manuscript
  scenes: AnnotatedScene[]
  tokens: TokenTable
  quoteConvention: QuoteConvention
  /** The story's characters and every mention of a name. */
  cast: Cast
  /** The gender narration gives each name (by first word). */
  genders: Map<string, Gender>
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
    if (isLowSurrogate(s.charCodeAt(start + cut))) cut-- // never between the halves of a surrogate pair
    out.push({ start, end: start + cut })
    start += cut
  }
  out.push({ start, end: s.length })
  return out
}


/**
 * Annotate the story: dialogue spans from the quote state machine; sentences, tokens and POS
 * for every paragraph of every scene (offsets into the manuscript text); words by the shared
 * word definition; the tenses of narration's finite verbs; pronouns and names of narration.
 * `onScene` is told as each scene's sentences are read (the bulk of the work), for progress.
 */
export function annotate(manuscript: Manuscript, onScene?: (done: number, total: number) => void): Annotated {
  const { text } = manuscript
  const allParagraphs = manuscript.chapters.flatMap((c) => c.scenes.flatMap((s) => s.paragraphs))
  // Each paragraph is read in its chapter's language's conventions.
  const languages = manuscript.chapters.flatMap((c) => c.scenes.flatMap((s) => s.paragraphs.map(() => c.language ?? null)))
  const dialogue = findDialogue(text, allParagraphs, languages)
  const speech = dialogue.spans.filter((s) => s.kind === 'speech')
  const diagnostics: Diagnostic[] = dialogue.diagnostics

  const sink = new TokenSink()
  const perScene: Segmented[] = []
  const total = manuscript.chapters.reduce((n, c) => n + c.scenes.length, 0)
  for (const chapter of manuscript.chapters) {
    const language = chapter.language ?? null
    for (const scene of chapter.scenes) {
      perScene.push(isEnglish(language) ? segmentScene(text, scene, sink) : segmentSceneOther(text, scene, sink, language!))
      onScene?.(perScene.length, total)
    }
  }
  const table = sink.done()
  retagNames(text, table, perScene.flatMap((s) => (s.english ? s.sentences : [])))
  const tokens: Tokens = { text, ...table }
  const inDialogue = insideSpans(tokens.start, speech)
  const inLetter = insideSpans(tokens.start, findLetters(text, manuscript.chapters.flatMap((c) => c.scenes.map((s) => s.paragraphs))))
  // Narration is what is neither speech nor a letter quoted in the story.
  const skip = new Uint8Array(inDialogue.length)
  for (let i = 0; i < skip.length; i++) skip[i] = inDialogue[i]! | inLetter[i]!

  const context: SceneContext = { text, tokens, skip, inLetter, convention: dialogue.convention, speech, spans: dialogue.spans, italics: manuscript.italics, next: 0 }
  const scenes: AnnotatedScene[] = []
  for (const s of perScene) scenes.push(annotateScene(context, s))
  nameTellers(scenes)
  for (const d of diagnostics) manuscript.diagnostics.push(d)
  const tokenTable: TokenTable = { ...table, dialogue: inDialogue, skip }
  // Characters and speakers are found by English rules: in English scenes only.
  const { cast, genders } = attributeAll(text, tokenTable, scenes.filter((s) => s.english))
  return { manuscript, scenes, tokens: tokenTable, quoteConvention: dialogue.convention, cast, genders }
}

/** Name the tellers of embedded stories: not the story's focal character, the name its narration follows most. */
function nameTellers(scenes: AnnotatedScene[]): void {
  if (!scenes.some((s) => s.embedded.length)) return
  const names = new Map<string, number>()
  for (const s of scenes) for (const [k, v] of s.names) names.set(k, (names.get(k) ?? 0) + v)
  let focal: string | null = null
  let most = 0
  for (const [k, v] of names) if (v > most) [focal, most] = [k, v]
  for (const s of scenes) resolveSpeakers(s.embedded, focal)
}

// Module functions, not per-work closures: see "Hot code" in docs/ARCHITECTURE.md.

/** A scene's sentences and words, before the counts that need every token of the story. */
interface Segmented {
  scene: Scene
  sentences: Sentence[]
  paragraphWords: number[]
  /** The offset of each word of the scene. */
  words: number[]
  english: boolean
}

/** Paragraphs waiting to go to wink-nlp together, with the index of each one's first word. */
interface Batch {
  pieces: Piece[]
  firstWords: number[]
  length: number
}

/**
 * Sentences and words of a scene. Paragraphs go to wink-nlp in batches of about MAX_CHUNK
 * characters; a longer one alone, in chunks.
 */
function segmentScene(text: string, scene: Scene, sink: TokenSink): Segmented {
  const sentences: Sentence[] = []
  const paragraphWords: number[] = []
  const sceneWords: number[] = []
  const batch: Batch = { pieces: [], firstWords: [], length: 0 }
  for (const p of scene.paragraphs) {
    const ptext = text.slice(p.start, p.end)
    const firstWord = sceneWords.length
    wordStarts(ptext, p.start, sceneWords)
    paragraphWords.push(sceneWords.length - firstWord)
    if (batch.length + ptext.length > MAX_CHUNK) flush(batch, sink, sentences, sceneWords)
    if (ptext.length <= MAX_CHUNK) {
      batch.pieces.push({ text: ptext, base: p.start })
      batch.firstWords.push(firstWord)
      batch.length += ptext.length
      continue
    }
    // A paragraph longer than a batch: its chunks go one by one, its sentences gathered.
    const spans: SentenceSpan[] = []
    for (const c of chunks(ptext)) {
      const own: SentenceSpan[][] = [[]]
      segment([{ text: ptext.slice(c.start, c.end), base: p.start + c.start }], sink, own)
      for (const sp of own[0]!) spans.push(sp)
    }
    appendSentences(sentences, spans, sceneWords, firstWord)
  }
  flush(batch, sink, sentences, sceneWords)
  return { scene, sentences, paragraphWords, words: sceneWords, english: true }
}

/**
 * Sentences and words of a scene not in English: sentences by the language's Unicode rules, each
 * word a token (see `segmentOther`); wink-nlp, which reads English, is not run.
 */
function segmentSceneOther(text: string, scene: Scene, sink: TokenSink, language: string): Segmented {
  const sentences: Sentence[] = []
  const paragraphWords: number[] = []
  const sceneWords: number[] = []
  const ends: number[] = []
  for (const p of scene.paragraphs) {
    const ptext = text.slice(p.start, p.end)
    const firstWord = sceneWords.length
    wordSpans(ptext, p.start, sceneWords, ends)
    paragraphWords.push(sceneWords.length - firstWord)
    const spans: SentenceSpan[] = []
    segmentOther({ text: ptext, base: p.start }, language, sceneWords, ends, sink, spans, firstWord)
    appendSentences(sentences, spans, sceneWords, firstWord)
  }
  return { scene, sentences, paragraphWords, words: sceneWords, english: false }
}

/** Segment the batch's paragraphs and add their sentences; the batch is emptied. */
function flush(batch: Batch, sink: TokenSink, sentences: Sentence[], words: number[]): void {
  if (batch.pieces.length === 0) return
  const spans: SentenceSpan[][] = []
  for (let k = 0; k < batch.pieces.length; k++) spans.push([])
  segment(batch.pieces, sink, spans)
  for (let k = 0; k < batch.firstWords.length; k++) appendSentences(sentences, spans[k]!, words, batch.firstWords[k]!)
  batch.pieces = []
  batch.firstWords = []
  batch.length = 0
}

/** What measuring each scene needs of the whole story; `next` walks the quote spans in order. */
interface SceneContext {
  text: string
  tokens: Tokens
  /** 1 for tokens that are not narration (inside speech, or a letter quoted in the story). */
  skip: Uint8Array
  inLetter: Uint8Array
  convention: QuoteConvention
  speech: QuoteSpan[]
  spans: QuoteSpan[]
  italics: Manuscript['italics']
  next: number
}

/** Tenses, pronouns, names, narration words, quotes and thought of one scene. */
function annotateScene(c: SceneContext, { scene, sentences, paragraphWords, words, english }: Segmented): AnnotatedScene {
  const wordInDialogue = insideSpans(words, c.speech)
  let dialogueWords = 0
  for (const x of wordInDialogue) dialogueWords += x
  const pronouns: PersonCounts = { first: 0, firstPlural: 0, second: 0, third: 0 }
  const names = new Map<string, number>()
  const vocatives = new Map<string, number>()
  const own: PersonCounts = { first: 0, firstPlural: 0, second: 0, third: 0 }
  // Each sentence's words outside dialogue, in any language (words and sentences are both in order).
  let w = 0
  for (const s of sentences) {
    let narration = 0
    while (w < words.length && words[w]! < s.start) w++
    for (; w < words.length && words[w]! < s.end; w++) narration += 1 - wordInDialogue[w]!
    s.narrationWords = narration
  }
  // What English rules read: tenses, persons, names and thought.
  for (const s of english ? sentences : []) {
    const t = countTenses(c.tokens, s.firstToken, s.endToken, c.skip)
    s.past = t.past
    s.present = t.present
    own.first = own.firstPlural = own.second = own.third = 0
    countPronouns(c.tokens, s.firstToken, s.endToken, c.skip, own)
    addPersons(pronouns, own)
    countNames(c.tokens, s.firstToken, s.endToken, c.skip, names, vocatives)
    s.thought = thoughtCandidate(c.tokens, s, c.skip, own)
  }
  // Spans and scenes are both in text order: take the spans that start in this scene.
  while (c.next < c.spans.length && c.spans[c.next]!.start < scene.start) c.next++
  const quotes: QuoteSpan[] = []
  for (; c.next < c.spans.length && c.spans[c.next]!.start < scene.end; c.next++) quotes.push(c.spans[c.next]!)
  const thought = c.italics && english ? findThought({ text: c.text, italics: c.italics, sentences, words, inDialogue: wordInDialogue }) : null
  if (thought) clearItalicCandidates(sentences, thought.spans)
  let total = 0
  for (const n of paragraphWords) total += n
  const embedded = !english ? [] : findEmbedded({ text: c.text, tokens: c.tokens, inLetter: c.inLetter, convention: c.convention, quotes, sentences, words, sceneWords: total }, c.skip)
  return { scene, sentences, paragraphWords, words: total, quotes, dialogueWords, pronouns, names, vocatives, thought, embedded, speakers: [], speechWords: wordsOfSpans(words, quotes), he: 0, she: 0, opening: NO_OPENING, english }
}

/**
 * Count each sentence's words (a word belongs to the sentence its first character lies in) and
 * fold sentences without a word (a stray closing quote, a lone dash) into their neighbour.
 */
function appendSentences(out: Sentence[], spans: SentenceSpan[], words: number[], firstWord: number): void {
  const first = out.length
  let w = firstWord
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
      last.endToken = span.endToken
    } else if (out.length > first && last && last.words === 0) {
      last.end = span.end
      last.endToken = span.endToken
      last.words = n
    } else {
      out.push({ start: span.start, end: span.end, words: n, past: 0, present: 0, narrationWords: 0, firstToken: span.firstToken, endToken: span.endToken, thought: null })
    }
  }
  if (out.length > first && out[out.length - 1]!.words === 0) out.pop()
}

/** The words of each speech span (kind speech) of `quotes`: words whose first character lies in it. */
function wordsOfSpans(words: readonly number[], quotes: readonly QuoteSpan[]): number[] {
  const out: number[] = []
  let w = 0
  for (const q of quotes) {
    if (q.kind !== 'speech') continue
    while (w < words.length && words[w]! < q.start) w++
    let n = 0
    for (let k = w; k < words.length && words[k]! < q.end; k++) n++
    out.push(n)
  }
  return out
}
