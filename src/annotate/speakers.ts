// Who says each speech: rule-based sieves in the manner of Muzny et al. (EACL 2017). Surest
// first: a speech tag that names the speaker ("said Nell", "Nell said"), then one with a pronoun
// resolved to the nearest fitting character ("she asked"), then the paragraph's actor ("Nell set
// the kettle down. “Tea?”"), then the conversation: the one just addressed by name, or the other
// of two people taking turns. Unknown is an answer too.
import type { Span } from '../types.js'
import type { Cast, Mention } from './characters.js'
import type { QuoteSpan } from './dialogue.js'
import type { Gender } from './genders.js'
import type { TokenTable } from './index.js'
import { POS } from './nlp.js'
import { firstFrom } from './spans.js'
import type { SpeakerKind, Turn, Turns } from './tags.js'

export type { SpeakerKind }

const { PRON, VERB, AUX, ADV, PART } = POS

/** Who says a speech: a character (an index into the cast), and how that was found. */
export interface Attribution {
  character: number | null
  kind: SpeakerKind | null
  confidence: number
}

/** The first-person narrator, where a speech is theirs ("I said"): the cast gains them. */
export const NARRATOR = 'narrator'

/** A pronoun is resolved among this many mentions (and speakers) before it at most. */
const RESOLVE_LOOKBACK = 400

/** What attributing a scene's speeches needs. */
export interface SceneSpeech {
  text: string
  tokens: TokenTable
  paragraphs: readonly Span[]
  /** The scene's speech spans (kind speech), in order, and their turns (see `turnsOf`). */
  speech: readonly QuoteSpan[]
  turns: Turns
  sentences: readonly { start: number; firstToken: number; endToken: number }[]
  cast: Cast
  /** The cast's mentions that lie in the scene, in text order. */
  mentions: readonly Mention[]
  /** The cast's index of the first-person narrator, made on first need; and -1 or it, without making it. */
  narrator: () => number
  knownNarrator: () => number
  /** Characters others say by name in reply to the narrator: votes for the narrator's name. */
  narratorVotes: Map<number, number>
}

/**
 * Attribute each of a scene's speech spans to a speaker. The spans of one turn (a paragraph's
 * speech, a quotation interrupted by its tag, a speech over several paragraphs) share one.
 */
export function attributeSpeakers(s: SceneSpeech): Attribution[] {
  const { text, cast } = s
  const turns = s.turns as Turn[]
  // The scene's narration mentions of characters, in text order: whom a pronoun can mean.
  const mentions = s.mentions.filter((m) => !m.dialogue && m.character >= 0)
  const spoken: { at: number; character: number }[] = []
  const gender = (c: number) => cast.characters[c]?.gender ?? null
  /**
   * The nearest character before `at` of the pronoun's gender (else of no known gender): a
   * narration mention or a speaker, other than those in `not` (whom the speech addresses).
   */
  const resolve = (g: Gender, at: number, not: readonly number[] = []): number | null => {
    let best: number | null = null
    let bestAt = -1
    let loose: number | null = null
    // The nearest ones: at most RESOLVE_LOOKBACK mentions back.
    const upTo = firstFrom(mentions, at)
    for (let k = upTo - 1; k >= 0 && k >= upTo - RESOLVE_LOOKBACK; k--) {
      const m = mentions[k]!
      if (not.includes(m.character)) continue
      const mg = gender(m.character)
      if (mg === g) {
        ;[best, bestAt] = [m.character, m.start]
        break
      }
      if (mg === null) loose ??= m.character
    }
    for (let k = spoken.length - 1; k >= 0 && k >= spoken.length - RESOLVE_LOOKBACK && spoken[k]!.at > bestAt; k--) {
      const x = spoken[k]!
      if (x.at < at && gender(x.character) === g && !not.includes(x.character)) {
        best = x.character
        break
      }
    }
    // No one of that gender yet: the one character of it the scene's narration names later ("“You look terrible,” he says." before Daniel is named).
    return best ?? loose ?? onlyOf(g, not)
  }
  const all = new Map<Gender, Set<number>>()
  const onlyOf = (g: Gender, not: readonly number[]): number | null => {
    let of = all.get(g)
    if (!of) {
      of = new Set<number>()
      for (const m of mentions) if (gender(m.character) === g) of.add(m.character)
      all.set(g, of)
    }
    const left = [...of].filter((c) => !not.includes(c))
    return left.length === 1 ? left[0]! : null
  }
  const formCharacter = (form: string): number | null => {
    const direct = cast.byForm.get(form)
    if (direct !== undefined) return direct
    for (const w of form.split(' ').reverse()) {
      const c = cast.byForm.get(w)
      if (c !== undefined) return c
    }
    return null
  }
  for (const turn of turns) {
    for (const k of turn.spans) {
      const q = s.speech[k]!
      for (let j = firstFrom(s.mentions, q.start); j < s.mentions.length && s.mentions[j]!.start < q.end; j++) {
        const m = s.mentions[j]!
        if (m.vocative && m.character >= 0) turn.addressed.push(m.character)
      }
    }
    const tag = turn.tag
    if (tag && 'form' in tag) {
      const c = formCharacter(tag.form)
      if (c !== null) set(turn, c, 'explicit', 0.95)
    } else if (tag && 'description' in tag) {
      set(turn, describedCharacter(cast, tag.description), 'explicit', 0.85)
    } else if (tag && tag.pronoun === 'I') {
      set(turn, s.narrator(), 'anaphoric', 0.9)
    } else if (tag) {
      const c = resolve(tag.pronoun as Gender, turn.tagAt, turn.addressed)
      if (c !== null) set(turn, c, 'anaphoric', 0.8)
      else turn.want = tag.pronoun as Gender
    }
    if (turn.speaker === null) {
      const actor = paragraphActor(s, turn, resolve)
      if (actor && !turn.addressed.includes(actor.character) && (turn.want === null || gender(actor.character) !== (turn.want === 'he' ? 'she' : 'he'))) set(turn, actor.character, 'implicit', actor.confidence)
    }
    if (turn.speaker !== null) spoken.push({ at: turn.start, character: turn.speaker })
  }
  // A turn tagged "he said" or "she said" is never the first-person narrator's (theirs is "I said").
  const fits = (turn: Turn, c: number) => !turn.addressed.includes(c) && (turn.want === null || (c !== s.knownNarrator() && (gender(c) === null || gender(c) === turn.want)))
  conversation(turns, fits)
  twoParty(turns, mentions, s.paragraphs, fits)
  voteNarratorName(turns, s.knownNarrator(), s.narratorVotes)
  const out: Attribution[] = s.speech.map(() => ({ character: null, kind: null, confidence: 0 }))
  for (const turn of turns) for (const k of turn.spans) out[k] = { character: turn.speaker, kind: turn.kind, confidence: turn.confidence }
  return out
}

const SHE_NOUN = /\b(?:woman|women|wife|mother|girl|lady|dame|matron|female|sister|daughter|aunt|grandmother|widow|maid|nurse|queen|duchess|mistress|landlady|hostess)$/
const HE_NOUN = /\b(?:man|men|husband|father|boy|gentleman|fellow|male|brother|son|uncle|grandfather|king|duke|master|landlord|host|lad|soldier|sailor|priest|monk)$/

/** The character a speech tag describes ("the old man"): one per description, made on first need. */
function describedCharacter(cast: Cast, description: string): number {
  const key = `#${description}`
  const known = cast.byForm.get(key)
  if (known !== undefined) return known
  const index = cast.characters.length
  cast.characters.push({ name: description, aliases: [], gender: SHE_NOUN.test(description) ? 'she' : HE_NOUN.test(description) ? 'he' : null, described: true })
  cast.byForm.set(key, index)
  return index
}

function set(turn: Turn, character: number, kind: SpeakerKind, confidence: number): void {
  turn.speaker = character
  turn.kind = kind
  turn.confidence = confidence
}

/**
 * The first subject of the narration in the turn's paragraph: a character's name (0.7) or he,
 * she or I resolved (0.6). "Nell set the kettle down. “Tea?”": Nell speaks.
 */
function paragraphActor(s: SceneSpeech, turn: Turn, resolve: Resolve): { character: number; confidence: number } | null {
  const para = s.paragraphs[turn.paragraph]!
  for (let k = firstFrom(s.mentions, para.start); k < s.mentions.length; k++) {
    const m = s.mentions[k]!
    if (m.start >= para.end) break
    if (m.dialogue || !m.subject || m.character < 0) continue
    // A pronoun subject earlier in the paragraph comes first.
    return firstPronounSubject(s, para.start, m.start, resolve) ?? { character: m.character, confidence: 0.7 }
  }
  return firstPronounSubject(s, para.start, para.end, resolve)
}

type Resolve = (g: Gender, at: number) => number | null

/** The first he, she or I in [from, to) of narration that is a verb's subject, resolved (I: the narrator, 0.7; he or she 0.6). */
function firstPronounSubject(s: SceneSpeech, from: number, to: number, resolve: Resolve): { character: number; confidence: number } | null {
  const t = s.tokens
  // From the sentence holding `from` (sentences are in text order).
  for (let k = Math.max(0, firstFrom(s.sentences, from) - 1); k < s.sentences.length; k++) {
    const sentence = s.sentences[k]!
    if (sentence.start >= to) break
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      if (t.start[i]! < from) continue
      if (t.start[i]! >= to) return null
      if (t.pos[i] !== PRON || t.skip[i] === 1) continue
      const w = s.text.slice(t.start[i]!, t.end[i]!).toLowerCase()
      if (w !== 'he' && w !== 'she' && w !== 'i') continue
      let j = i + 1
      while (j < sentence.endToken && (t.pos[j] === ADV || t.pos[j] === PART)) j++
      if (j >= sentence.endToken || (t.pos[j] !== VERB && t.pos[j] !== AUX)) continue
      if (w === 'i') return { character: s.narrator(), confidence: 0.7 }
      const c = resolve(w as Gender, t.start[i]!)
      return c === null ? null : { character: c, confidence: 0.6 }
    }
  }
  return null
}

/**
 * Who others call the narrator: the names said in a turn that is not the narrator's (twice as
 * much next to one that is: "Come in, Nell," he said / “Thanks,” I said). The narrator's own
 * vocatives name the people they speak to.
 */
function voteNarratorName(turns: Turn[], narrator: number, votes: Map<number, number>): void {
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!
    // Not the narrator's turn: someone else's, or one tagged "he said".
    const others = turn.speaker !== null ? turn.speaker !== narrator : turn.want !== null
    if (!others || turn.addressed.length === 0) continue
    const near = narrator >= 0 && [turns[i - 1], turns[i + 1]].some((x) => x && x.speaker === narrator && Math.abs(x.paragraph - turn.paragraph) <= CONVERSATION_GAP)
    for (const c of new Set(turn.addressed)) if (c !== turn.speaker) votes.set(c, (votes.get(c) ?? 0) + (near ? 2 : 1))
  }
}

/** Turns at most this many paragraphs apart belong to one conversation. */
const CONVERSATION_GAP = 2

/**
 * Fill unknown turns from the conversation around them: the character the previous turn said
 * by name (0.6), else the other of the two who spoke last (0.55), reading forwards, then
 * backwards for a conversation's opening lines.
 */
function conversation(turns: Turn[], fits: (turn: Turn, character: number) => boolean): void {
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!
    if (turn.speaker !== null) continue
    const prev = turns[i - 1]
    if (!prev || turn.paragraph - prev.paragraph > CONVERSATION_GAP) continue
    const addressed = prev.addressed.find((c) => c !== prev.speaker)
    if (addressed !== undefined && fits(turn, addressed)) {
      set(turn, addressed, 'implicit', 0.6)
      continue
    }
    const other = otherOf(turns, i, -1)
    if (other !== null && fits(turn, other)) set(turn, other, 'implicit', 0.55)
  }
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i]!
    if (turn.speaker !== null) continue
    const next = turns[i + 1]
    if (!next || next.paragraph - turn.paragraph > CONVERSATION_GAP) continue
    const other = otherOf(turns, i, 1)
    if (other !== null && fits(turn, other)) set(turn, other, 'implicit', 0.5)
  }
}

/**
 * A conversation of two people takes turns: where its known speakers and the names said in it
 * (with, if that makes only one, the characters narration names around it) are two people, an
 * unknown turn is the one the nearest known turn's speaker is not, an odd number of turns away,
 * and theirs an even number away (0.5).
 */
function twoParty(turns: Turn[], mentions: readonly Mention[], paragraphs: readonly Span[], fits: (turn: Turn, character: number) => boolean): void {
  let from = 0
  while (from < turns.length) {
    let to = from + 1
    while (to < turns.length && turns[to]!.paragraph - turns[to - 1]!.paragraph <= CONVERSATION_GAP) to++
    fillTwoParty(turns.slice(from, to), mentions, paragraphs, fits)
    from = to
  }
}

function fillTwoParty(conv: Turn[], mentions: readonly Mention[], paragraphs: readonly Span[], fits: (turn: Turn, character: number) => boolean): void {
  if (conv.length < 2 || conv.every((t) => t.speaker !== null)) return
  const people = new Set<number>()
  for (const t of conv) {
    if (t.speaker !== null) people.add(t.speaker)
    for (const c of t.addressed) people.add(c)
  }
  if (people.size === 1) {
    // The narration around it: from two paragraphs before the conversation to its end.
    const start = paragraphs[Math.max(0, conv[0]!.paragraph - CONVERSATION_GAP)]!.start
    const end = paragraphs[conv[conv.length - 1]!.paragraph]!.end
    for (let k = firstFrom(mentions, start); k < mentions.length && mentions[k]!.start < end; k++) people.add(mentions[k]!.character)
  }
  if (people.size !== 2) return
  const [one, two] = [...people] as [number, number]
  // The nearest known turn before and after each turn (known before this pass began).
  const prevKnown: number[] = []
  const nextKnown: number[] = new Array(conv.length).fill(-1)
  for (let i = 0, k = -1; i < conv.length; i++) {
    if (conv[i]!.speaker !== null) k = i
    prevKnown.push(k)
  }
  for (let i = conv.length - 1, k = -1; i >= 0; i--) {
    if (conv[i]!.speaker !== null) k = i
    nextKnown[i] = k
  }
  if (prevKnown[conv.length - 1] === -1) return
  for (let i = 0; i < conv.length; i++) {
    const turn = conv[i]!
    if (turn.speaker !== null) continue
    const back = prevKnown[i]!
    const on = nextKnown[i]!
    const j = back < 0 ? on : on < 0 ? back : i - back <= on - i ? back : on
    const anchor = conv[j]!.speaker!
    const other = anchor === one ? two : one
    const who = (i - j) % 2 === 0 ? anchor : other
    if (fits(turn, who)) set(turn, who, 'implicit', 0.5)
  }
}

/**
 * Two people taking turns: the speaker of the turn two back (or on), where the turn between is
 * someone else's, all within one conversation.
 */
function otherOf(turns: Turn[], i: number, step: 1 | -1): number | null {
  const a = turns[i + step]
  const b = turns[i + 2 * step]
  if (!a || !b || a.speaker === null || b.speaker === null || a.speaker === b.speaker) return null
  const gap = (x: Turn, y: Turn) => Math.abs(x.paragraph - y.paragraph)
  if (gap(a, turns[i]!) > CONVERSATION_GAP || gap(a, b) > CONVERSATION_GAP) return null
  return b.speaker
}
