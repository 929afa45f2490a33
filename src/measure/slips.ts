// Tense slips: which narration sentences read against their scene's tense, how surely, and why.
// Only a sentence all in the other tense is a candidate; its verbs are read again from the tokens
// (candidates are few), with their subjects, and the rules below lower what is likely no slip.
import type { AnnotatedScene, Sentence, TokenTable } from '../annotate/index.js'
import { POS } from '../annotate/nlp.js'
import { countTenses, subjectOf, type Tokens } from '../annotate/tense.js'
import { BASE, ECHO, FLASHBACK_CUES, NARRATOR_PRESENT, PARTICIPLE, PAST } from '../data/verbs.js'
import { MAX_SLIPS_PER_SCENE } from './tense.js'
import type { Narration } from './unmarked.js'

/** A verb of a slipping sentence that reads against its scene's tense. */
export interface SlipVerb {
  start: number
  end: number
  text: string
  tense: 'past' | 'present'
}

/** A narration sentence as tense measures see it, judged against its scene's dominant tense. */
export interface TenseSentence {
  start: number
  end: number
  past: number
  present: number
  /** 0 when the sentence keeps its scene's tense; else how sure we are it slips. */
  slip: number
  against: 'past' | 'present' | null
  /** Why it reads as a slip (or why it was judged less likely one); null when it is none. */
  reason: SlipReason | null
  /** The verbs that read against the scene's tense (for a slip only). */
  verbs: SlipVerb[]
  /**
   * Its verbs step out of the story's now: all past, looking back (a time anchor, a past perfect),
   * or all present, the narrator's present or a general truth. Marked only in a scene whose tense
   * is otherwise mixed, where it decides the scene's tense (`dominantOf`).
   */
  aside?: boolean
}

/** Slips at least this sure are shown by default (the page lists them, and the counts count them). */
export const SLIP_SHOWN_FROM = 0.5
/** Sentences judged at least this sure to slip are listed, those below `SLIP_SHOWN_FROM` not shown. */
export const SLIP_LISTED_FROM = 0.2

/** Why a sentence reads against its scene's tense, or why it was judged less likely a slip. */
export type SlipReason = 'past-in-present' | 'present-in-past' | 'look-back' | 'back-story' | 'fragment' | 'narrator-present' | 'thought' | 'question'

/** "had gone", "had not walked", "hadn't been": past perfect, a look back from the present. */
const PAST_PERFECT = /(?:\bhad|['’]d)(?:n't|n’t| not)?(?: (?:never|always|already|just|once|long|not|\w+ly))? ([a-z]+)\b/gi
function pastPerfect(text: string): boolean {
  for (const m of text.matchAll(PAST_PERFECT)) {
    const v = m[1]!.toLowerCase()
    if (v === 'been' || PARTICIPLE.has(v) || PAST.has(v)) return true
  }
  return false
}

/** A sentence that opens on a past verb, with no subject: "Aspired to be him, once." */
const FRAGMENT = /^[“"‘']?(?:[A-Z][a-z]+ly,? |Just |Only |Then )?([A-Za-z][a-z]+)\b/
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

/** What the verbs that read against the scene's tense have for subjects. */
interface Subjects {
  /** Every one a relative pronoun: the verbs are inside relative clauses ("The machine that beeped."). */
  relativeOnly: boolean
  /** The first one: generic (anyone, everyone, a bare noun: "Grief makes…"), you, the narrator (I, we), or other. */
  first: 'generic' | 'you' | 'speaker' | 'other'
  /** Every verb reports what was said, thought or wanted ("told", "wanted", "knew"). */
  reporting: boolean
  /** Every verb is a perfect: has or have before a participle ("has been renovated"). */
  perfect: boolean
  /**
   * A fragment with no subject of its own: a short one whose verb follows a bare noun ("Shelves
   * knocked over."), or a noun phrase whose verbs come after a relative word ("All those races
   * where he looked at him…").
   */
  bareFragment: boolean
  /** Every verb is a state, not an action: be, have, know, keep… ("I was worried", "He is wrong about that"). */
  stative: boolean
}

const RELATIVE = new Set(['that', 'which', 'who', 'whom', 'whose'])
const GENERIC = new Set(['anyone', 'anybody', 'everyone', 'everybody', 'nobody', 'one', 'people', 'someone', 'somebody'])
const SPEAKER = new Set(['i', 'we', 'you'])
/** "Every old hotel has…", "Each of us…", "All families…": a sentence about a kind, not a character. */
const ABOUT_A_KIND = /^[“"‘']?(?:Every|Each|Any|All|No|Most|Few)\b|^[“"‘']?(?:A|An) [a-z]+ (?:[a-z]+ )?(?:[a-z]+s|is|has|does|can|never|always)\b/
/**
 * Verbs that report what was said, thought or wanted ("I told my friends not to come.", "She
 * wanted it done by Friday."): in present narration, past forms of these alone tell what came
 * before the scene, not its action.
 */
const REPORTING = new Set(['said', 'told', 'asked', 'warned', 'promised', 'explained', 'agreed', 'admitted', 'insisted', 'wanted', 'needed', 'meant', 'planned', 'expected', 'hoped', 'knew', 'thought', 'believed', 'decided', 'learned', 'learnt', 'liked', 'loved', 'hated', 'wished', 'feared', 'studied', 'offered', 'refused', 'chose'])
/** The scene's own moment: a state told with it belongs to the scene. */
const NOW = /\b(?:now|right now|at this moment|at the moment|suddenly)\b/i
/** A future beside the past places events on a timeline ("Kerry will be back at six, and the nurse rang"). */
const FUTURE = /\b(?:will|won['’]t|shall|would)\b|['’]ll\b|\bgoing to\b/i
/** "Perhaps they were lost.": a guess about what happened before, not the present action. */
const SPECULATION = /^[“"‘']?(?:Perhaps|Maybe|Probably|Possibly|No doubt)\b/

const RELATIVE_WORDS = /^(?:where|when|that|which|who|whom|whose)$/i
/** A fragment this short, whose first verb follows a bare noun, has no subject of its own. */
const BARE_FRAGMENT_WORDS = 4

function bareFragment(t: Tokens, heads: number[], from: number): boolean {
  if (heads.length === 0) return false
  const first = heads[0]!
  const w = (k: number) => t.text.slice(t.start[k]!, t.end[k]!)
  // "Shelves knocked over.": the verb right after a sentence-opening noun, in a short sentence.
  let end = first
  while (end < t.start.length && t.pos[end] !== POS.PUNCT) end++
  if (first === from + 1 && (t.pos[from] === POS.NOUN || t.pos[from] === POS.PROPN) && /s$/.test(w(from)) && end - from <= BARE_FRAGMENT_WORDS) return true
  // A log's or a note's clipped entry: "Light exhibited at sunset.", "Vessel observed SW." — a
  // common noun with no article, its participle, and no object after it.
  const after = first + 1 < t.start.length ? t.pos[first + 1] : -1
  if (first === from + 1 && subjectOf(t, first, from).bare && after !== POS.DET && after !== POS.PRON && end - from <= BARE_FRAGMENT_WORDS + 2) return true
  // "All those races where…": a noun phrase, then a relative word, before any verb.
  let noun = false
  for (let k = from; k < first; k++) {
    const p = t.pos[k]
    // A verb right after a determiner is a noun wink-nlp misread ("all those meets").
    if ((p === POS.VERB || p === POS.AUX) && !(k > from && t.pos[k - 1] === POS.DET)) return false
    if (p === POS.NOUN) noun = true
    else if (noun && RELATIVE_WORDS.test(w(k))) return true
  }
  return false
}

/** Whether the verb at `i` is has/have/'ve with a participle after it (adverbs between). */
function perfectAt(t: Tokens, i: number): boolean {
  const w = t.text.slice(t.start[i]!, t.end[i]!).toLowerCase().replace(/’/g, "'")
  if (w !== 'has' && w !== 'have' && w !== "'ve") return false
  let k = i + 1
  while (k < t.start.length && /^(?:not|never|always|just|already|long|ever|n't)$/i.test(t.text.slice(t.start[k]!, t.end[k]!))) k++
  const next = k < t.start.length ? t.text.slice(t.start[k]!, t.end[k]!).toLowerCase() : ''
  return next === 'been' || PARTICIPLE.has(next) || /[a-z]ed$/.test(next)
}

function subjectsOf(tokens: Tokens, heads: number[], from: number): Subjects {
  let relativeOnly = heads.length > 0
  let reporting = heads.length > 0
  let perfect = heads.length > 0
  let first: Subjects['first'] = 'other'
  for (let k = 0; k < heads.length; k++) {
    const { word: subject, bare } = subjectOf(tokens, heads[k]!, from)
    if (!RELATIVE.has(subject)) relativeOnly = false
    const head = heads[k]!
    if (!REPORTING.has(tokens.text.slice(tokens.start[head]!, tokens.end[head]!).toLowerCase())) reporting = false
    if (!perfectAt(tokens, head)) perfect = false
    if (k === 0) first = GENERIC.has(subject) || bare ? 'generic' : subject === 'you' || subject === 'your' ? 'you' : SPEAKER.has(subject) ? 'speaker' : 'other'
  }
  return { relativeOnly, first, reporting, perfect, bareFragment: bareFragment(tokens, heads, from), stative: heads.length > 0 && heads.every((h) => STATIVE.test(tokens.text.slice(tokens.start[h]!, tokens.end[h]!))) }
}

/** A short first- or second-person sentence in a third-person scene is a character's thought. */
const THOUGHT_MAX_WORDS = 12

function judgeSlip(fullText: string, s: Sentence, dominant: 'past' | 'present' | 'mixed' | null, lookingBack: boolean, subjects: Subjects, thirdPerson: boolean): SlipJudgement {
  if (dominant === 'present' && s.past > 0 && s.present === 0) {
    const text = fullText.slice(s.start, s.end).trim()
    if (ECHO.test(text)) return { ...NO_SLIP, lookingBack }
    // In present narration a reference to earlier events is legitimate: a time anchor, a past
    // perfect, a guess about the past, a subjectless fragment, a phrase whose only verbs are in
    // relative clauses, or a run of such sentences halve it.
    const c = Math.min(0.9, 0.5 + 0.15 * (s.past - 1))
    // A speech tag ('"You're an idiot," Ash said.') tells the scene's own speech: its "said" is no report of the past.
    const tag = s.narrationWords < s.words
    if (FLASHBACK_CUES.test(text) || pastPerfect(text) || SPECULATION.test(text) || (subjects.reporting && !tag) || FUTURE.test(text)) return { confidence: c / 2, reason: 'look-back', lookingBack: true }
    if (opensOnPastVerb(text) || subjects.relativeOnly || subjects.bareFragment) return { confidence: c / 2, reason: 'fragment', lookingBack: true }
    // "When did Kaede learn to lie like that?": a character's question, a thought.
    if (/\?["”’']?$/.test(text)) return { confidence: c * 0.6, reason: 'question', lookingBack: false }
    // "She was frightened now": a state told with "now" is the scene's, not back-story.
    if (subjects.stative && !NOW.test(text)) return { confidence: c / 2, reason: 'look-back', lookingBack: true }
    if (lookingBack) return { confidence: c / 2, reason: 'back-story', lookingBack: true }
    return { confidence: c, reason: 'past-in-present', lookingBack: false }
  }
  if (dominant === 'past' && s.present > 0 && s.past === 0) {
    const text = fullText.slice(s.start, s.end).trim()
    if (ECHO.test(text)) return NO_SLIP
    const c = Math.min(0.9, 0.5 + 0.15 * (s.present - 1))
    // A character's unmarked thought ("You're being paranoid.") before a question: both are thought.
    if (thirdPerson && (subjects.first === 'speaker' || subjects.first === 'you') && s.words <= THOUGHT_MAX_WORDS) return { confidence: c * 0.4, reason: 'thought', lookingBack: false }
    if (/\?["”’']?$/.test(text)) return { confidence: c * 0.6, reason: 'question', lookingBack: false }
    // "You learn to sort the noises…": outside a story told to "you", a "you" in the present is anyone.
    const genericYou = subjects.first === 'you' || /^[“"‘']?Your\b/.test(text)
    // A perfect ("has been renovated since", "have forgotten") speaks from the narrator's now.
    if (NARRATOR_PRESENT.test(text) || ABOUT_A_KIND.test(text) || subjects.first === 'generic' || genericYou || subjects.relativeOnly || subjects.perfect || (subjects.stative && !NOW.test(text))) return { confidence: c / 2, reason: 'narrator-present', lookingBack: false }
    return { confidence: c, reason: 'present-in-past', lookingBack: false }
  }
  // A sentence in the scene's own tense ends a look back.
  return { ...NO_SLIP, lookingBack: lookingBack && s.present === 0 && s.past === 0 }
}

/** Keep the list readable: a scene's surest slips, shown and not, stay slips (ties: the earlier ones). */
function keepSurest(sentences: TenseSentence[]): TenseSentence[] {
  for (const shown of [true, false]) {
    const slips = sentences.filter((s) => s.slip > 0 && s.slip >= SLIP_SHOWN_FROM === shown)
    if (slips.length <= MAX_SLIPS_PER_SCENE) continue
    const kept = new Set([...slips].sort((a, b) => b.slip - a.slip || a.start - b.start).slice(0, MAX_SLIPS_PER_SCENE))
    for (const s of slips) {
      if (!kept.has(s)) {
        s.slip = 0
        s.against = null
        s.reason = null
      }
    }
  }
  return sentences
}

const NO_VERBS: SlipVerb[] = []

/** The heads of a sentence's verb groups in one tense, as token indexes (read again: candidates are few). */
function headsIn(tokens: Tokens, skip: Uint8Array, s: Sentence, tense: 'past' | 'present'): number[] {
  const heads: number[] = []
  countTenses(tokens, s.firstToken, s.endToken, skip, heads)
  const out: number[] = []
  for (let k = 0; k < heads.length; k += 2) if ((heads[k + 1] === 0 ? 'past' : 'present') === tense) out.push(heads[k]!)
  return out
}

const SUBJECT_PRONOUNS = /^(?:i|he|she|they|we|you|it|who|that|which)$/i

/**
 * The head of a verb group in the other tense joined by "and" (or a comma, or "then") to one in
 * the scene's tense, with no subject of its own between them; null if there is none.
 */
function coordinatedOdd(t: Tokens, skip: Uint8Array, s: Sentence, dominant: 'past' | 'present'): number | null {
  const heads: number[] = []
  countTenses(t, s.firstToken, s.endToken, skip, heads)
  const own = dominant === 'past' ? 0 : 1
  for (let k = 2; k < heads.length; k += 2) {
    if (heads[k + 1] === own || heads[k - 1] !== own) continue
    // After is or has a past form is a participle: "is pleasant and tanned", "has bandaged … and scraped".
    if (t.pos[heads[k - 2]!] !== POS.VERB || /^(?:is|are|am|has|have|was|were|had)$/i.test(t.text.slice(t.start[heads[k - 2]!]!, t.end[heads[k - 2]!]!))) continue
    const h = heads[k]!
    let j = h - 1
    while (j > s.firstToken && (t.pos[j] === POS.ADV || t.pos[j] === POS.PART)) j--
    const joint = t.text.slice(t.start[j]!, t.end[j]!).toLowerCase()
    if (joint !== 'and' && joint !== 'then') continue
    let subject = false
    for (let m = heads[k - 2]! + 1; m < j; m++) {
      const w = t.text.slice(t.start[m]!, t.end[m]!)
      if (t.pos[m] === POS.PROPN || (t.pos[m] === POS.PRON && SUBJECT_PRONOUNS.test(w)) || t.pos[m] === POS.VERB || t.pos[m] === POS.AUX || t.pos[m] === POS.SCONJ || w === ',' || w === ';') subject = true
    }
    if (!subject) return h
  }
  return null
}

/** The verbs at these heads, with their spans; a clitic ('d, 's) with the word it hangs on ("she'd"). */
function verbsAt(tokens: Tokens, heads: number[], from: number, tense: 'past' | 'present'): SlipVerb[] {
  const { text } = tokens
  return heads.map((i) => {
    const start = /^['’]/.test(text[tokens.start[i]!]!) && i > from && tokens.end[i - 1] === tokens.start[i] ? tokens.start[i - 1]! : tokens.start[i]!
    return { start, end: tokens.end[i]!, text: text.slice(start, tokens.end[i]!), tense }
  })
}

const NO_SUBJECTS: Subjects = { relativeOnly: false, first: 'other', reporting: false, perfect: false, bareFragment: false, stative: false }

/**
 * Verbs of state, not action: in the other tense they are far more often back-story ("He was
 * nineteen", "I was worried about the drawings") or the narrator's now and general truths ("He is
 * wrong about that, too") than a slip, which is most often an action ("She grabbed the tray").
 */
const STATIVE = /^(?:is|am|are|was|were|['’]s|['’]m|['’]re|i['’]m|has|have|had|do|does|did|know|knows|knew|keep|keeps|kept|like|likes|liked|love|loves|loved|hate|hates|hated|want|wants|wanted|need|needs|needed|mean|means|meant|seem|seems|seemed|tell|tells|belong|belongs|belonged)$/i

/**
 * Each sentence of a scene's narration (its unmarked thought left out) with its tense counts and how sure it is to slip from the scene's
 * tense, and why: the surest ten shown and ten not shown a scene.
 */
export function slipSentences(a: AnnotatedScene, narration: Narration, text: string, table: TokenTable, dominant: 'past' | 'present' | 'mixed' | null): TenseSentence[] {
  return keepSurest(judgeSentences(a, narration, text, table, dominant))
}

/** Whether a sentence's verbs step out of the story's now (see `TenseSentence.aside`). */
export function asideOf(fullText: string, s: { start: number; end: number; past: number; present: number }): boolean {
  if (s.past > 0 && s.present === 0) {
    const text = fullText.slice(s.start, s.end).trim()
    return FLASHBACK_CUES.test(text) || pastPerfect(text) || SPECULATION.test(text) || FUTURE.test(text)
  }
  if (s.present > 0 && s.past === 0) {
    const text = fullText.slice(s.start, s.end).trim()
    return NARRATOR_PRESENT.test(text) || ABOUT_A_KIND.test(text) || ECHO.test(text)
  }
  return false
}

function judgeSentences(a: AnnotatedScene, narration: Narration, text: string, table: TokenTable, dominant: 'past' | 'present' | 'mixed' | null): TenseSentence[] {
  const out: TenseSentence[] = []
  const tokens: Tokens = { text, start: table.start, end: table.end, pos: table.pos }
  const p = narration.pronouns
  const thirdPerson = p.third > 2 * (p.first + p.firstPlural + p.second)
  let lookingBack = false
  for (const s of narration.sentences) {
    // Only a sentence all in the other tense can slip: its verbs are read again, with their subjects.
    const other = dominant === 'present' && s.past > 0 && s.present === 0 ? 'past' : dominant === 'past' && s.present > 0 && s.past === 0 ? 'present' : null
    const heads = other ? headsIn(tokens, table.skip, s, other) : []
    const judged = judgeSlip(text, s, dominant, lookingBack, other ? subjectsOf(tokens, heads, s.firstToken) : NO_SUBJECTS, thirdPerson)
    lookingBack = judged.lookingBack
    // A sentence in both tenses slips where one verb shares its subject with one in the scene's
    // tense: "Then he takes out a card and slid it across the table."
    const odd = !other && (dominant === 'present' || dominant === 'past') && s.past > 0 && s.present > 0 ? coordinatedOdd(tokens, table.skip, s, dominant) : null
    if (odd !== null) {
      const against = dominant as 'past' | 'present'
      out.push({ start: s.start, end: s.end, past: s.past, present: s.present, slip: SLIP_SHOWN_FROM, against, reason: against === 'present' ? 'past-in-present' : 'present-in-past', verbs: verbsAt(tokens, [odd], s.firstToken, against === 'present' ? 'past' : 'present') })
      continue
    }
    const listed = judged.confidence >= SLIP_LISTED_FROM
    out.push({
      start: s.start,
      end: s.end,
      past: s.past,
      present: s.present,
      slip: listed ? judged.confidence : 0,
      against: listed ? (dominant as 'past' | 'present') : null,
      reason: listed ? judged.reason : null,
      verbs: listed && other ? verbsAt(tokens, heads, s.firstToken, other) : NO_VERBS,
    })
  }
  // A paragraph told mostly in the other tense is back-story (present narration) or the narrator's
  // aside (past narration: "Noise of that kind does not stop at the ears. It is louder than the noise.").
  if (dominant === 'present' || dominant === 'past') backStoryParagraphs(out, a, dominant)
  return out
}

/**
 * In present narration, a paragraph told mostly in the past is back-story, not a run of slips: a
 * slip is a sentence that strays among present ones. Where two or more of a paragraph's tensed
 * sentences are past and they are at least half of them, each is judged back-story (halved).
 */
function backStoryParagraphs(sentences: TenseSentence[], a: AnnotatedScene, against: 'past' | 'present'): void {
  const other = against === 'present' ? 'past' : 'present'
  const reason: SlipReason = against === 'present' ? 'past-in-present' : 'present-in-past'
  let k = 0
  for (const p of a.scene.paragraphs) {
    let tensed = 0
    const straying: TenseSentence[] = []
    for (; k < sentences.length && sentences[k]!.start < p.end; k++) {
      const s = sentences[k]!
      if (s.past + s.present > 0) tensed++
      if (s[against] === 0 && s[other] > 0) straying.push(s)
    }
    if (straying.length < 2 || straying.length * 2 <= tensed) continue
    for (const s of straying) {
      if (s.reason !== reason) continue
      s.slip /= 2
      s.reason = against === 'present' ? 'back-story' : 'narrator-present'
      if (s.slip < SLIP_LISTED_FROM) {
        s.slip = 0
        s.against = null
        s.reason = null
        s.verbs = NO_VERBS
      }
    }
  }
}
