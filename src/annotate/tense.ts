import { BASE, MODALS, NON_THIRD_SUBJECTS, PARTICIPLE, PAST, PRESENT, PRESENT_CLITICS, THIRD_SINGULAR_SUBJECTS } from '../data/verbs.js'
import { POS } from './nlp.js'

const { AUX, VERB, ADV, PART, PROPN, NOUN, DET } = POS

/**
 * Words before which a past form is an adjective, not a finite verb: "his spent arrows", "the
 * broken gate", "every closed door" ("that" is left out: "the bell that rang" is finite).
 */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'my', 'your', 'its', 'our', 'this', 'these', 'those', 'every', 'each', 'some', 'no', 'any'])

export type VerbTense = 'past' | 'present' | 'modal'

/** Words after which a past form is a participle, never a finite verb: object pronouns, "each one". */
const OBJECT_ONLY: ReadonlySet<string> = new Set(['them', 'him', 'me', 'us', 'whom', 'one'])

/** Whether the noun at `p` opens its clause after a comma, bare ("…, landing struts splayed"). */
function afterComma(t: Tokens, p: number, from: number): boolean {
  let k = p - 1
  while (k >= from && (t.pos[k] === NOUN || t.pos[k] === POS.ADJ || t.pos[k] === POS.NUM)) k--
  return k >= from && t.text[t.start[k]!] === ','
}

/** Whether the noun at `p` ends a phrase opened by "with" ("with their names …"), with no verb between. */
function withPhrase(t: Tokens, p: number, from: number): boolean {
  for (let k = p - 1; k >= from && k >= p - 5; k--) {
    if (isVerb(t.pos[k]!)) return false
    if (word(t, k) === 'with') return true
  }
  return false
}


/** The tokens of a text: offsets and POS codes in flat arrays. */
export interface Tokens {
  text: string
  start: ArrayLike<number>
  end: ArrayLike<number>
  pos: ArrayLike<number>
}

/** A token's text in lower case, with a curly apostrophe made straight ("I’m" → "i'm"). */
export const lowerWord = (t: Tokens, i: number) => t.text.slice(t.start[i]!, t.end[i]!).toLowerCase().replace(/’/g, "'")
const word = lowerWord
const isVerb = (p: number) => p === AUX || p === VERB
/** wink-nlp keeps "I'm" whole, as a name: it is "I am", a present verb group. */
const isIm = (t: Tokens, i: number) => t.pos[i] === PROPN && t.end[i]! - t.start[i]! === 3 && word(t, i) === "i'm"
/**
 * A present verb wink-nlp tagged a noun, right after a name or he/she/it and before a determiner,
 * pronoun or preposition: "Ezra touches his eyebrow", "she slides across".
 */
const verbAsNoun = (t: Tokens, i: number) =>
  t.pos[i] === NOUN && i > 0 && (t.pos[i - 1] === PROPN || /^(?:he|she|it)$/.test(word(t, i - 1))) && presentForm(word(t, i)) && i + 1 < t.start.length && (t.pos[i + 1] === DET || t.pos[i + 1] === POS.PRON || t.pos[i + 1] === POS.ADP)

/** A third-person present form: known as one, or a verb's stem with -s or -es ("brushes": brushed is a past). */
function presentForm(w: string): boolean {
  if (PRESENT.has(w)) return true
  const m = /^([a-z]+?)(e?s)$/.exec(w)
  if (!m) return false
  const stem = m[2] === 'es' ? m[1]! : m[1]!
  return BASE.has(stem) || PAST.has(stem + 'ed') || PAST.has(stem + 'd') || (m[2] === 'es' && (BASE.has(stem + 'e') || PAST.has(stem + 'ed')))
}
const verbAt = (t: Tokens, i: number) => isVerb(t.pos[i]!) || isIm(t, i) || verbAsNoun(t, i)

/** The token before `i` in the same range, skipping adverbs and negation. */
function previous(t: Tokens, i: number, from: number): number {
  let j = i - 1
  while (j >= from && (t.pos[j] === ADV || (t.pos[j] === PART && /^(?:not|n't)$/.test(word(t, j))))) j--
  return j
}

/**
 * The word before a verb (adverbs and negation skipped), lower-cased, and its POS code ('' and -1
 * at the start); `bare` when it is a noun with no determiner, possessive or name before it, from
 * the start of the range ("Grief makes…", "Small towns forgive…"): a kind, not a thing in the story.
 */
export function subjectOf(t: Tokens, i: number, from: number): { word: string; pos: number; bare: boolean } {
  const p = previous(t, i, from)
  if (p < from) return { word: '', pos: -1, bare: false }
  const nounLike = (k: number) => t.pos[k] === NOUN || (t.pos[k] === PROPN && k === from && common(t, k))
  let j = p - 1
  while (j >= from && (t.pos[j] === POS.ADJ || t.pos[j] === ADV || nounLike(j))) j--
  return { word: word(t, p), pos: t.pos[p]!, bare: nounLike(p) && j < from }
}

/** How far around a word `common` looks for it in lower case: the scene about it, not the whole book. */
const COMMON_WINDOW = 20_000

/**
 * Whether a capitalised word at a sentence's start, tagged a name, is a common word: it is written
 * in lower case nearby in the text ("Grief makes…", "Small towns…"), or it is not written again
 * nearby at all ("Seasickness has no respect for pride."); a character's name is used again.
 */
function common(t: Tokens, k: number): boolean {
  const w = t.text.slice(t.start[k]!, t.end[k]!)
  const lower = w.toLowerCase()
  if (lower === w) return true
  const near = t.text.slice(Math.max(0, t.start[k]! - COMMON_WINDOW), t.end[k]! + COMMON_WINDOW)
  const whole = (at: number, n: number) => !/\p{L}/u.test(near[at - 1] ?? '') && !/\p{L}/u.test(near[at + n] ?? '')
  for (let at = near.indexOf(lower); at >= 0; at = near.indexOf(lower, at + 1)) if (whole(at, lower.length)) return true
  let uses = 0
  for (let at = near.indexOf(w); at >= 0 && uses < 2; at = near.indexOf(w, at + 1)) if (whole(at, w.length)) uses++
  return uses < 2
}

/**
 * The tense of a finite verb group, judged by its first verb (the one that carries tense:
 * "had gone" is past, "has gone" present, "would go" modal), or null for a verb that is not
 * finite (an infinitive, a participle, a base form without a subject) or that cannot be told
 * ("I put": past or present).
 */
export function headTense(t: Tokens, i: number, from: number): VerbTense | null {
  const w = word(t, i)
  if (MODALS.has(w)) return 'modal'
  if (PRESENT_CLITICS.has(w) || w === "i'm") return 'present'
  if (w === "'d") {
    let k = i + 1
    while (k < t.start.length && t.pos[k] === ADV) k++
    const next = k < t.start.length ? word(t, k) : ''
    // "she'd gone" is had; "she'd go", and "he'd let" (would or had: the same form), are read as would.
    return (PAST.has(next) && !BASE.has(next)) || PARTICIPLE.has(next) || next === 'better' ? 'past' : 'modal'
  }
  const p = previous(t, i, from)
  const subject = p >= from ? word(t, p) : ''
  if (subject === 'to') return null
  // A participle as an adjective: "his spent arrows", "the broken gate", "a rain-streaked window".
  if (DETERMINERS.has(subject) && (t.pos[p] === DET || t.pos[p] === POS.PRON)) return null
  if (t.start[i]! > 0 && t.text[t.start[i]! - 1] === '-') return null
  // Between a preposition and a noun, a past form is an adjective: "over buckled panels".
  if (t.pos[p] === POS.ADP && i + 1 < t.start.length && t.pos[i + 1] === NOUN) return null
  // A participle completing an absolute phrase: "his eyes fluttering closed"; "every one of them
  // painted red", "each one stamped with the sunburst".
  if (subject.endsWith('ing') && p - 1 >= from && t.pos[p - 1] === NOUN) return null
  const pastForm = (PAST.has(w) && !BASE.has(w)) || /[a-z]ed$/.test(w)
  if (OBJECT_ONLY.has(subject) && pastForm) return null
  // "with their names printed across the back": an absolute phrase after "with".
  if (t.pos[p] === NOUN && pastForm && withPhrase(t, p, from)) return null
  // "Sam's got his arm round him", "Somebody's dropped a pin": 's is has, a present perfect.
  if (p >= from && /^['’]s$/.test(subject) && !/^(?:had|was|were|did)$/.test(w) && (PAST.has(w) || PARTICIPLE.has(w) || /[a-z]ed$/.test(w))) return 'present'
  // Right after a preposition or a number an -s form is a noun: "sleeping in ditches", "three knocks".
  if ((t.pos[p] === POS.ADP || (t.pos[p] === POS.NUM && subject !== 'one')) && t.pos[i] === VERB && /[^s]s$/.test(w)) return null
  const past = PAST.has(w)
  const base = BASE.has(w)
  // A same-form word ending its sentence with no pronoun before it is a noun: "Fifth set."
  if (past && base && t.pos[p] !== POS.PRON && (i + 1 >= t.start.length || /^[.!?]/.test(word(t, i + 1)))) return null
  if (past && !base) return 'past'
  if (PRESENT.has(w)) return 'present'
  if (past && base) {
    // put, read, let: past after a third-person singular subject ("she put"); else unknown.
    const sp = p >= from ? t.pos[p]! : -1
    return THIRD_SINGULAR_SUBJECTS.has(subject) || sp === PROPN || (sp === NOUN && !subject.endsWith('s')) ? 'past' : null
  }
  // A base form is present after I, you, we, they, or a plural noun ("the hammers have").
  if (base) return NON_THIRD_SUBJECTS.has(subject) || ((t.pos[p] === NOUN || (t.pos[p] === PROPN && p === from && common(t, p))) && /[^s]s$/.test(subject)) ? 'present' : null
  if (/[a-z]ed$/.test(w)) return 'past'
  if (/[a-z][^s]s$/.test(w) && t.pos[i] === VERB) return 'present'
  return null
}

/**
 * Count the finite verb groups of a token range by tense, skipping tokens where `skip`
 * is 1 (dialogue). A group is a run of verbs; only its first verb is judged. With `heads`, the
 * token index of each past or present head is pushed to it, then its tense (0 past, 1 present).
 */
export function countTenses(t: Tokens, from: number, to: number, skip: ArrayLike<number>, heads?: number[]): { past: number; present: number; modal: number } {
  const out = { past: 0, present: 0, modal: 0 }
  let finite = false
  for (let i = from; i < to; i++) {
    if (!verbAt(t, i) || skip[i] === 1) continue
    const p = previous(t, i, from)
    if (p >= from && verbAt(t, p)) continue // not the head of its group
    const tense = headTense(t, i, from)
    if (!tense) continue
    // After a finite verb, a participle right after a noun modifies it: "she can see a van parked
    // on the kerb", "a letter written in pencil".
    // So does one in an absolute phrase after a comma: "With my whole body, boots dug in, …",
    // "…, landing struts splayed like the legs of a dog".
    if (tense === 'past' && p === i - 1 && t.pos[p] === NOUN && i + 1 < to && t.pos[i + 1] === POS.ADP && (finite || afterComma(t, p, from))) continue
    finite = true
    out[tense]++
    if (heads && tense !== 'modal') heads.push(i, tense === 'past' ? 0 : 1)
  }
  return out
}
