import { pronounPerson } from '../data/pronouns.js'
import { BASE, MODALS, PAST, PRESENT } from '../data/verbs.js'
import type { Span } from '../types.js'
import { POS } from './nlp.js'
import type { PersonCounts } from './persons.js'
import { lowerWord, type Tokens } from './tense.js'
import { firstEndingAfter, firstOffsetFrom } from './spans.js'

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
  let i = firstEndingAfter(italics, from)
  let s = 0
  for (; i < italics.length && italics[i]!.start < to; i++) {
    const run = italics[i]!
    const firstWord = firstOffsetFrom(words, run.start)
    let endWord = firstWord
    while (endWord < words.length && words[endWord]! < run.end) endWord++
    if (endWord === firstWord) continue
    // The sentence the run starts in, and whether the run starts at its first word.
    while (s < sentences.length - 1 && sentences[s]!.end <= run.start) s++
    const sentence = sentences[s]!
    const sentenceFirst = firstOffsetFrom(words, sentence.start)
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


/**
 * How a narration sentence might be a character's unmarked direct thought, written without
 * italics or quotes ("Go away.", "Can I just get some rest?"): whether it is depends on the scene
 * around it (measure/thought.ts decides).
 * - `person`: it speaks in the first or second person ("I can't do this.", "You idiot."), in the
 *   present or as a question or exclamation ("Why did I say that?");
 * - `command`: it opens on a bare verb ("Breathe.", "Don't look at him.", "Just keep walking.");
 * - `question`: a question in the present ("Why is he smiling like that?");
 * - `exclamation`: a short exclamation with no verb in the past ("Idiot!");
 * - `companion`: any other short sentence with no verb in the past and no he, she or name at its
 *   start ("Not now.", "It's working."): thought where its paragraph is all thought besides.
 */
export type ThoughtKind = 'person' | 'command' | 'question' | 'exclamation' | 'companion'

export interface ThoughtCandidate {
  kind: ThoughtKind
  /** The sentence's pronouns of narration, by person (left out of the scene's point of view if it is thought). */
  pronouns: PersonCounts
}

/** A sentence of unmarked thought is short: at most this many words. */
export const UNMARKED_THOUGHT_MAX_WORDS = 12
/** An exclamation with no verb reads as thought up to this many words ("Stupid, stupid!"). */
const EXCLAMATION_MAX_WORDS = 6

const { VERB, AUX, ADV, INTJ, PUNCT } = POS
/** Adverbs and interjections that may come before a command: "Just breathe.", "Now go.", "Please, stop." */
const BEFORE_COMMAND = /^(?:just|now|please|oh|god|okay|ok|so|then|come|quick|quickly)$/i

/** A verb form that is the bare infinitive: not past, not -s, -ing or -ed ("go", "breathe", "do"). */
function bareVerb(t: Tokens, i: number): boolean {
  const p = t.pos[i]
  if (p !== VERB && p !== AUX) return false
  const w = lowerWord(t, i)
  if (PRESENT.has(w) || MODALS.has(w)) return false
  // "sing", "need", "bless" are bare; "singing", "walked", "walks" are not.
  if (!BASE.has(w) && (/(?:ing|ed)$/.test(w) || /[^s]s$/.test(w))) return false
  return !(PAST.has(w) && !BASE.has(w))
}

/** Whether the sentence opens (after "Just", "Please", a comma) on a bare verb, with no verb after it. */
function opensOnCommand(t: Tokens, from: number, to: number): boolean {
  let i = from
  while (i < to && (t.pos[i] === PUNCT || ((t.pos[i] === ADV || t.pos[i] === INTJ) && BEFORE_COMMAND.test(lowerWord(t, i))))) i++
  if (i >= to || !bareVerb(t, i)) return false
  // "Rain hammered the roof": a finite verb right after it means the first word was its subject
  // ("Keep going.", "Don't you dare" are commands still).
  if (i + 1 >= to || t.pos[i + 1] !== VERB) return true
  const next = lowerWord(t, i + 1)
  return !((PAST.has(next) && !BASE.has(next)) || PRESENT.has(next) || /[a-z](?:ed|[^s]s)$/.test(next))
}

/** Curses and self-reproach said to oneself: "Damn it.", "Idiot.", "Stupid, stupid." */
const CURSE = /^[“"‘']?(?:damn|dammit|damnit|shit|hell|crap|christ|god|idiot|stupid|fool|fuck|bloody|great|perfect|brilliant|typical|oh no)\b|^[“"‘']?(?:no|nope)(?:[,.!]+ ?(?:no|nope))*[.!]*["”’']?$/i

const HE_OR_SHE = /^(?:he|she|him|her|his|hers|himself|herself)$/

/** Whether a sentence speaks of a he or she, or opens on a name ("Dan walks over anyway."). */
function namesSomeone(t: Tokens, from: number, to: number): boolean {
  let i = from
  while (i < to && t.pos[i] === PUNCT) i++
  if (i < to && t.pos[i] === POS.PROPN && lowerWord(t, i) !== "i'm") return true
  for (; i < to; i++) if (HE_OR_SHE.test(lowerWord(t, i))) return true
  return false
}

/** Whether a first- or second-person pronoun comes before the first verb of a clause (a comma starts one). */
function speakerFirst(t: Tokens, from: number, to: number): boolean {
  let verb = false
  for (let i = from; i < to; i++) {
    if (t.pos[i] === VERB || t.pos[i] === AUX) verb = true
    else if (t.pos[i] === PUNCT && /^[,;:—–]$/.test(lowerWord(t, i))) verb = false
    const person = pronounPerson[lowerWord(t, i)]
    if (!verb && person && person !== 'third') return true
  }
  return false
}

/**
 * Whether a sentence of narration could be unmarked thought, and how (null: it is narration).
 * `pronouns` are its narration pronouns by person; `past` and `present` its finite verb groups.
 */
export function thoughtCandidate(t: Tokens, s: { start: number; end: number; words: number; firstToken: number; endToken: number; past: number; present: number }, skip: ArrayLike<number>, pronouns: PersonCounts): ThoughtCandidate | null {
  if (s.words === 0 || s.words > UNMARKED_THOUGHT_MAX_WORDS) return null
  for (let i = s.firstToken; i < s.endToken; i++) if (skip[i] === 1) return null
  const tail = t.text.slice(Math.max(s.start, s.end - 4), s.end)
  const asks = /\?[\s"”’'*_)]*$/.test(tail)
  const exclaims = /![\s"”’'*_)]*$/.test(tail)
  // The first or second person is the subject, before any verb ("I can't do this.", not "Bread
  // would forgive you a good deal."), or the sentence asks or exclaims ("Why did I say that?").
  const personal = pronouns.first + pronouns.firstPlural + pronouns.second > 0 && (asks || exclaims || speakerFirst(t, s.firstToken, s.endToken))
  let kind: ThoughtKind | null = null
  if (personal && (s.past === 0 || asks || exclaims)) kind = 'person'
  else if (s.past === 0 && opensOnCommand(t, s.firstToken, s.endToken)) kind = 'command'
  else if (asks && s.present > 0 && s.past === 0) kind = 'question'
  else if ((exclaims || CURSE.test(t.text.slice(s.start, s.end))) && s.past + s.present === 0 && s.words <= EXCLAMATION_MAX_WORDS) kind = 'exclamation'
  else if (s.past === 0 && !namesSomeone(t, s.firstToken, s.endToken)) kind = 'companion'
  return kind ? { kind, pronouns: { ...pronouns } } : null
}

/** A sentence in italics is thought already: it is no candidate for unmarked thought too. */
export function clearItalicCandidates(sentences: readonly { start: number; end: number; thought: ThoughtCandidate | null }[], italic: readonly [number, number][]): void {
  let k = 0
  for (const s of sentences) {
    while (k < italic.length && italic[k]![1] <= s.start) k++
    if (s.thought && k < italic.length && italic[k]![0] < s.end) s.thought = null
  }
}
