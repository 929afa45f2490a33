// Tense slips: which narration sentences read against their scene's tense, how surely, and why.
// Only a sentence all in the other tense is a candidate; its verbs are read again from the tokens
// (candidates are few), with their subjects, and the rules below lower what is likely no slip.
import type { AnnotatedScene, Sentence, TokenTable } from '../annotate/index.js'
import { countTenses, type Tokens } from '../annotate/tense.js'
import { ECHO, FLASHBACK_CUES, NARRATOR_PRESENT } from '../data/verbs.js'
import { ABOUT_A_KIND, coordinatedOdd, FUTURE, NO_SUBJECTS, NOW, opensOnPastVerb, pastPerfect, SPECULATION, subjectsOf, type Subjects } from './slip-cues.js'
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

/** How sure a sentence slips from its scene's tense, and why (confidence 0: it does not). */
interface SlipJudgement {
  confidence: number
  reason: SlipReason | null
  /** The sentence looks back (present narration): the past sentences after it may go on doing so. */
  lookingBack: boolean
}

const NO_SLIP: SlipJudgement = { confidence: 0, reason: null, lookingBack: false }

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

/** The verbs at these heads, with their spans; a clitic ('d, 's) with the word it hangs on ("she'd"). */
function verbsAt(tokens: Tokens, heads: number[], from: number, tense: 'past' | 'present'): SlipVerb[] {
  const { text } = tokens
  return heads.map((i) => {
    const start = /^['’]/.test(text[tokens.start[i]!]!) && i > from && tokens.end[i - 1] === tokens.start[i] ? tokens.start[i - 1]! : tokens.start[i]!
    return { start, end: tokens.end[i]!, text: text.slice(start, tokens.end[i]!), tense }
  })
}

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
