// What a slip candidate's verbs and subjects are: the cues the judgement in slips.ts weighs (a past
// perfect, a fragment, a generic or relative subject, verbs that report or are states, a verb that
// shares its subject with one in the other tense).
import type { Sentence } from '../annotate/index.js'
import { POS } from '../annotate/nlp.js'
import { countTenses, lowerWord, subjectOf, type Tokens } from '../annotate/tense.js'
import { BASE, PARTICIPLE, PAST } from '../data/verbs.js'

/** "had gone", "had not walked", "hadn't been": past perfect, a look back from the present. */
const PAST_PERFECT = /(?:\bhad|['’]d)(?:n't|n’t| not)?(?: (?:never|always|already|just|once|long|not|\w+ly))? ([a-z]+)\b/gi
export function pastPerfect(text: string): boolean {
  for (const m of text.matchAll(PAST_PERFECT)) {
    const v = m[1]!.toLowerCase()
    if (v === 'been' || PARTICIPLE.has(v) || PAST.has(v)) return true
  }
  return false
}

/** A sentence that opens on a past verb, with no subject: "Aspired to be him, once." */
const FRAGMENT = /^[“"‘']?(?:[A-Z][a-z]+ly,? |Just |Only |Then )?([A-Za-z][a-z]+)\b/
export const opensOnPastVerb = (text: string) => {
  const m = FRAGMENT.exec(text)
  return m !== null && PAST.has(m[1]!.toLowerCase()) && !BASE.has(m[1]!.toLowerCase())
}

/** What the verbs that read against the scene's tense have for subjects. */
export interface Subjects {
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
export const ABOUT_A_KIND = /^[“"‘']?(?:Every|Each|Any|All|No|Most|Few)\b|^[“"‘']?(?:A|An) [a-z]+ (?:[a-z]+ )?(?:[a-z]+s|is|has|does|can|never|always)\b/
/**
 * Verbs that report what was said, thought or wanted ("I told my friends not to come.", "She
 * wanted it done by Friday."): in present narration, past forms of these alone tell what came
 * before the scene, not its action.
 */
const REPORTING = new Set(['said', 'told', 'asked', 'warned', 'promised', 'explained', 'agreed', 'admitted', 'insisted', 'wanted', 'needed', 'meant', 'planned', 'expected', 'hoped', 'knew', 'thought', 'believed', 'decided', 'learned', 'learnt', 'liked', 'loved', 'hated', 'wished', 'feared', 'studied', 'offered', 'refused', 'chose'])
/** The scene's own moment: a state told with it belongs to the scene. */
export const NOW = /\b(?:now|right now|at this moment|at the moment|suddenly)\b/i
/** A future beside the past places events on a timeline ("Kerry will be back at six, and the nurse rang"). */
export const FUTURE = /\b(?:will|won['’]t|shall|would)\b|['’]ll\b|\bgoing to\b/i
/** "Perhaps they were lost.": a guess about what happened before, not the present action. */
export const SPECULATION = /^[“"‘']?(?:Perhaps|Maybe|Probably|Possibly|No doubt)\b/

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
  const w = lowerWord(t, i)
  if (w !== 'has' && w !== 'have' && w !== "'ve") return false
  let k = i + 1
  while (k < t.start.length && /^(?:not|never|always|just|already|long|ever|n't)$/i.test(t.text.slice(t.start[k]!, t.end[k]!))) k++
  const next = k < t.start.length ? t.text.slice(t.start[k]!, t.end[k]!).toLowerCase() : ''
  return next === 'been' || PARTICIPLE.has(next) || /[a-z]ed$/.test(next)
}

export function subjectsOf(tokens: Tokens, heads: number[], from: number): Subjects {
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

const SUBJECT_PRONOUNS = /^(?:i|he|she|they|we|you|it|who|that|which)$/i

/**
 * The head of a verb group in the other tense joined by "and" (or a comma, or "then") to one in
 * the scene's tense, with no subject of its own between them; null if there is none.
 */
export function coordinatedOdd(t: Tokens, skip: Uint8Array, s: Sentence, dominant: 'past' | 'present'): number | null {
  // Most sentences in both tenses have no "and" or "then" to join a verb to another: they are not read again.
  let joined = false
  for (let i = s.firstToken; i < s.endToken && !joined; i++) joined = t.pos[i] === POS.CCONJ || (t.pos[i] === POS.ADV && lowerWord(t, i) === 'then')
  if (!joined) return null
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

export const NO_SUBJECTS: Subjects = { relativeOnly: false, first: 'other', reporting: false, perfect: false, bareFragment: false, stative: false }

/**
 * Verbs of state, not action: in the other tense they are far more often back-story ("He was
 * nineteen", "I was worried about the drawings") or the narrator's now and general truths ("He is
 * wrong about that, too") than a slip, which is most often an action ("She grabbed the tray").
 */
const STATIVE = /^(?:is|am|are|was|were|['’]s|['’]m|['’]re|i['’]m|has|have|had|do|does|did|know|knows|knew|keep|keeps|kept|like|likes|liked|love|loves|loved|hate|hates|hated|want|wants|wanted|need|needs|needed|mean|means|meant|seem|seems|seemed|tell|tells|belong|belongs|belonged)$/i
