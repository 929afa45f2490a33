// Who says each speech: rule-based sieves in the manner of Muzny et al. (EACL 2017). Surest
// first: a speech tag that names the speaker ("said Nell", "Nell said"), then one with a pronoun
// resolved to the nearest fitting character ("she asked"), then the paragraph's actor ("Nell set
// the kettle down. “Tea?”"), then the conversation: the one just addressed by name, or the other
// of two people taking turns. Unknown is an answer too.
import { speechVerbs } from '../data/quotes.js'
import type { Span } from '../types.js'
import type { Cast, Mention } from './characters.js'
import type { QuoteSpan } from './dialogue.js'
import { TITLE, type Gender } from './genders.js'
import type { TokenTable } from './index.js'
import { POS } from './nlp.js'
import { firstFrom } from './spans.js'

const { PRON, VERB, AUX, ADV, PART } = POS

export type SpeakerKind = 'explicit' | 'anaphoric' | 'implicit'

/** Who says a speech: a character (an index into the cast), and how that was found. */
export interface Attribution {
  character: number | null
  kind: SpeakerKind | null
  confidence: number
}

/** The first-person narrator, where a speech is theirs ("I said"): the cast gains them. */
export const NARRATOR = 'narrator'

const MORE_SPEECH_VERBS =
  'admitted|admits|announced|announces|declared|declares|interrupted|interrupts|offered|offers|pleaded|pleads|begged|begs|warned|warns|urged|urges|promised|promises|teased|teases|hissed|hisses|grunted|grunts|mumbled|mumbles|stammered|stammers|gasped|gasps|shrieked|shrieks|yelled|yells|screamed|screams|bellowed|bellows|roared|roars|sobbed|sobs|wailed|wails|ventured|ventures|returned|rejoined|resumed|resumes|persisted|conceded|concedes|corrected|corrects|confessed|confesses|countered|counters|noted|notes|concluded|prompted|prompts|pressed|presses|snarled|snarls|barked|barks|drawled|drawls|sneered|sneers|scoffed|scoffs|chuckled|chuckles|giggled|giggles|smiled|smiles|grinned|grins|nodded|nods|shrugged|shrugs|groaned|groans|moaned|moans|panted|pants|sang|sings|called out|calls out|cut in|cuts in|broke in|put in|spoke|speaks|said again|asked again|exclaimed|whimpered|croaked|rasped|purred|squeaked|stuttered|blurted|blurts|lied|lies|admonished|assented|objected|objects|responded|responds|wondered aloud|reminded|reminds|informed|assured|assures|agreed|agrees|mused|muses|quipped|huffed|hummed|howled|retorted|snapped|sighs|laughs|growls|snaps|breathes|echoes|insists|protests|suggests|explains|observes|remarks|demands|inquires|enquires'
const VERB_RE = `(?:${speechVerbs}|${MORE_SPEECH_VERBS})`
const TITLES = TITLE.source.slice(4, TITLE.source.indexOf(')')) // the alternatives of TITLE
const NAME_RE = `((?:(?:${TITLES})\\.?\\s+)?\\p{Lu}[\\p{Ll}'’\\-]*\\p{Ll}(?:\\s+\\p{Lu}[\\p{L}'’\\-]*){0,2})`
const PRON_RE = '(he|she|I|He|She)'
const ADV_RE = '(?:\\p{L}+ly\\s+)?'
const STOP = '(?:to|as|with|and|who|whom|from|in|at|by|for|then|but|before|after|while|when|of|on|into|without|again|once|presently|now|the|a|an|his|her|their|its|that|this)'
const DESC_WORD = `(?!${STOP}\\b)[\\p{Ll}][\\p{Ll}\\-’']*`
/** The last word of a description is its noun, not an adverb or a participle after it ("the old man angrily", "a woman standing by"). */
const DESC_LAST = `(?!${STOP}\\b)(?![\\p{Ll}\\-’']{3,}(?:ly|ing)\\b)[\\p{Ll}][\\p{Ll}\\-’']*`
/** A speaker described, not named: "the old man", "a young wife", "his mother". */
const DESC_RE = `((?:the|a|an|his|her|their|my|our|your|another)\\s+(?:${DESC_WORD}\\s+){0,3}${DESC_LAST})`
const DESC_CAP_RE = `((?:The|A|An|His|Her|Their|My|Our|Your|Another)\\s+(?:${DESC_WORD}\\s+){0,3}${DESC_LAST})`
/** A tag just after a closing quote mark: “…,” Nell said / said Nell / she asked. */
const TAG_AFTER = new RegExp(`^[\\s,;]*(?:[—–-]+\\s*)?(?:(?:${NAME_RE}|${PRON_RE})\\s+${ADV_RE}${VERB_RE}\\b|${VERB_RE}\\s+(?:${NAME_RE}|${PRON_RE})(?![\\p{L}])|${VERB_RE}\\s+${DESC_RE}(?![\\p{L}])|${DESC_CAP_RE}\\s+${ADV_RE}${VERB_RE}\\b)`, 'u')
/** A tag just before an opening quote mark: Nell said, “…” / said Nell: “…”. */
const TAG_BEFORE = new RegExp(`(?:^|[\\s,.;—])(?:(?:${NAME_RE}|${PRON_RE})\\s+${ADV_RE}${VERB_RE}|${VERB_RE}\\s+(?:${NAME_RE}|${PRON_RE})|${VERB_RE}\\s+${DESC_RE}|${DESC_CAP_RE}\\s+${ADV_RE}${VERB_RE})(?:\\s+\\p{L}+ly)?(?:\\s+to\\s+\\p{L}+)?\\s*[,:—–-]?\\s*$`, 'u')

const DESCRIPTION = /^(?:The|A|An|His|Her|Their|Its|My|Our|Your|This|That|These|Those|One|Some|Another|Each|Every|Everyone|Someone|Somebody|Nobody|No|Then|And|But|So|Now|At|Finally|Still)$/

/** A speech tag's speaker as written: a name's form, or a pronoun. */
export type Tag = { form: string } | { pronoun: Gender | 'I' } | { description: string }

function tagOf(m: RegExpExecArray): Tag | null {
  const name = m[1] ?? m[3]
  const pronoun = m[2] ?? m[4]
  const description = m[5] ?? m[6]
  if (description) return { description: description.toLowerCase().replace(/^(?:a|an)\s/, 'the ').replace(/\s+/g, ' ') }
  // "said the old man", "The girl asked": a description, no name.
  if (name) {
    const words = normalForm(name).split(' ')
    while (words.length > 0 && DESCRIPTION.test(words[0]!)) words.shift()
    return words.length ? { form: words.join(' ') } : null
  }
  if (!pronoun) return null
  const p = pronoun.toLowerCase()
  return p === 'i' ? { pronoun: 'I' } : { pronoun: p as Gender }
}

const normalForm = (name: string) => name.replace(/\.(?=\s)/g, '').replace(/\s+/g, ' ').trim()

/** The speech tag after a closing quote mark, in the text that follows it up to the next speech or the paragraph end. */
export function tagAfter(gap: string): Tag | null {
  const head = gap.slice(0, 120)
  // The regular expression is long: run it only where a verb of speech is among the first words.
  if (!hasSpeechVerb(head.slice(0, 70).toLowerCase().split(NOT_LETTERS, 9))) return null
  const m = TAG_AFTER.exec(head)
  return m ? tagOf(m) : null
}

/** Every verb of speech of the tags, by its first word ("went" of "went on"). */
const SPEECH_VERB_WORDS = new Set(VERB_RE.slice(3, -1).split('|').map((v) => v.split(' ')[0]!))
const NOT_LETTERS = /[^a-z]+/
const hasSpeechVerb = (words: readonly string[]): boolean => words.some((w) => SPEECH_VERB_WORDS.has(w))

/** The speech tag before an opening quote mark, at the end of the narration before it. */
export function tagBefore(narration: string): Tag | null {
  const tail = narration.slice(-120)
  if (!hasSpeechVerb(tail.slice(-80).toLowerCase().split(NOT_LETTERS).slice(-9))) return null
  const m = TAG_BEFORE.exec(tail)
  return m ? tagOf(m) : null
}

/** One turn of speech: the speech spans of one paragraph (or of one speech over several), in the scene's order. */
interface Turn {
  spans: number[]
  paragraph: number
  start: number
  end: number
  tag: Tag | null
  /** Where the tag is (for resolving its pronoun): just after the turn's first span, or before it. */
  tagAt: number
  /** Characters named as said to (vocatives) inside the turn. */
  addressed: number[]
  /** The gender its tag's pronoun gives the speaker, where the pronoun found no one. */
  want: Gender | null
  speaker: number | null
  kind: SpeakerKind | null
  confidence: number
}

/** A scene's turns of speech, with their tags as written (see `attributeSpeakers`). */
export type Turns = readonly Turn[]

/** The speech tags of a scene's turns, as written, for counting names as speakers before the cast is known. */
export function sceneTags(turns: Turns): { form: string }[] {
  const out: { form: string }[] = []
  for (const turn of turns) if (turn.tag && 'form' in turn.tag) out.push(turn.tag)
  return out
}

/** Group a scene's speech spans into turns and read each turn's tag. */
export function turnsOf(text: string, paragraphs: readonly Span[], speech: readonly QuoteSpan[]): Turns {
  const turns: Turn[] = []
  let p = 0
  let lastTag: Tag | null = null
  /** A lead-in found in the gap after the previous span: the tag of the span that follows it. */
  let leadIn: Tag | null = null
  for (let i = 0; i < speech.length; i++) {
    const q = speech[i]!
    const prevParagraph = p
    while (p < paragraphs.length - 1 && paragraphs[p]!.end <= q.start) p++
    const para = paragraphs[p]!
    const prev = speech[i - 1]
    // A tag before the speech: the paragraph's narration before its first speech ("Nell said, “…”"),
    // or the lead-in the gap after the previous speech ended with.
    const firstInParagraph = i === 0 || p !== prevParagraph || prev!.start < para.start
    let before: Tag | null = leadIn
    leadIn = null
    if (firstInParagraph && !(prev && prev.speech === q.speech)) {
      const from = Math.max(para.start, q.start - 200)
      if (q.start > from) before = tagBefore(text.slice(from, q.start))
    }
    // The tag after the speech, in the text up to the next speech or the paragraph end; where that
    // text follows a finished sentence and leads into the next speech ("“Hello.” Tom said, “Hi.”"),
    // it is the next speech's tag.
    const next = speech[i + 1]
    const gapEnd = next && next.start < para.end ? next.start : para.end
    const gap = q.end < gapEnd ? text.slice(q.end, gapEnd) : ''
    let after: Tag | null = null
    if (gap && next && gapEnd === next.start && /[,:—]\s*$/.test(gap) && /[.!?…][”"’']*$/.test(text.slice(q.start, q.end))) leadIn = tagBefore(gap)
    // ("'Edith!' said Margaret, gently, 'Edith!'" leads into nothing: its tag is the speech's before it.)
    if (gap && !leadIn) after = tagAfter(gap)
    const last = turns[turns.length - 1]
    const tag = before ?? after
    // One paragraph's speech is one turn, unless a tag in it names another speaker (“…,” said he.
    // “…?” continued Montraville), or a new tag leads into it.
    const joins = last && (last.paragraph === p || (prev && prev.speech === q.speech)) && !before && !(after && lastTag && !sameTag(after, lastTag))
    if (joins) {
      last.spans.push(i)
      last.end = q.end
      last.paragraph = p
      if (after && !last.tag) [last.tag, last.tagAt] = [after, q.end]
    } else {
      turns.push({ spans: [i], paragraph: p, start: q.start, end: q.end, tag, tagAt: before ? q.start : q.end, addressed: [], want: null, speaker: null, kind: null, confidence: 0 })
    }
    if (tag) lastTag = tag
    else if (!joins) lastTag = null
  }
  return turns
}

const sameTag = (a: Tag, b: Tag) => JSON.stringify(a) === JSON.stringify(b)

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
  /** The nearest character before `at` of the pronoun's gender (else of no known gender): a narration mention or a speaker. */
  const resolve = (g: Gender, at: number): number | null => {
    let best: number | null = null
    let bestAt = -1
    let loose: number | null = null
    // The nearest ones: at most RESOLVE_LOOKBACK mentions back.
    const upTo = firstFrom(mentions, at)
    for (let k = upTo - 1; k >= 0 && k >= upTo - RESOLVE_LOOKBACK; k--) {
      const m = mentions[k]!
      const mg = gender(m.character)
      if (mg === g) {
        ;[best, bestAt] = [m.character, m.start]
        break
      }
      if (mg === null) loose ??= m.character
    }
    for (let k = spoken.length - 1; k >= 0 && k >= spoken.length - RESOLVE_LOOKBACK && spoken[k]!.at > bestAt; k--) {
      const x = spoken[k]!
      if (x.at < at && gender(x.character) === g) {
        best = x.character
        break
      }
    }
    // No one of that gender yet: the one character of it the scene's narration names later ("“You look terrible,” he says." before Daniel is named).
    return best ?? loose ?? onlyOf(g)
  }
  const only = new Map<Gender, number | null>()
  const onlyOf = (g: Gender): number | null => {
    if (!only.has(g)) {
      const of = new Set<number>()
      for (const m of mentions) if (gender(m.character) === g) of.add(m.character)
      only.set(g, of.size === 1 ? [...of][0]! : null)
    }
    return only.get(g)!
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
      const c = resolve(tag.pronoun as Gender, turn.tagAt)
      if (c !== null && !turn.addressed.includes(c)) set(turn, c, 'anaphoric', 0.8)
      else turn.want = tag.pronoun as Gender
    }
    if (turn.speaker === null) {
      const actor = paragraphActor(s, turn, resolve)
      if (actor && !turn.addressed.includes(actor.character) && (turn.want === null || gender(actor.character) !== (turn.want === 'he' ? 'she' : 'he'))) set(turn, actor.character, 'implicit', actor.confidence)
    }
    if (turn.speaker !== null) spoken.push({ at: turn.start, character: turn.speaker })
  }
  const fits = (turn: Turn, c: number) => !turn.addressed.includes(c) && (turn.want === null || gender(c) === null || gender(c) === turn.want)
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
function paragraphActor(s: SceneSpeech, turn: Turn, resolve: (g: Gender, at: number) => number | null): { character: number; confidence: number } | null {
  const para = s.paragraphs[turn.paragraph]!
  const t = s.tokens
  for (let k = firstFrom(s.mentions, para.start); k < s.mentions.length; k++) {
    const m = s.mentions[k]!
    if (m.start >= para.end) break
    if (m.dialogue || !m.subject || m.character < 0) continue
    // A pronoun subject earlier in the paragraph comes first.
    const pronoun = firstPronounSubject(s, para.start, m.start)
    if (pronoun) return pronoun
    return { character: m.character, confidence: 0.7 }
  }
  return firstPronounSubject(s, para.start, para.end)

  function firstPronounSubject(s: SceneSpeech, from: number, to: number): { character: number; confidence: number } | null {
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
