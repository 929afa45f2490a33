import { notNames, pronounPerson, TITLE_AFTER_MY } from '../data/pronouns.js'
import { POS } from './nlp.js'
import type { Tokens } from './tense.js'

const { PROPN, PUNCT, VERB, AUX, PRON, DET } = POS


export interface PersonCounts {
  first: number
  firstPlural: number
  second: number
  third: number
}

export type Person = 'first' | 'second' | 'third' | 'mixed'

/**
 * First-person narration: at least this many I/me/my and we/us/our per 1,000 words of narration. Calibrated
 * on ../shared/eval: first-person texts had 16 or more, third-person texts 6.5 or fewer once
 * letters quoted in the narration were set apart.
 */
export const FIRST_PER_1000 = 10
/**
 * Second-person narration: at least this many you/your per 1,000 words, half as many again as
 * I/me/my (an "I" telling a scene to a "you" beside them says one about as often as the other),
 * and at least half as many as he/she/they (a third-person scene's generic "you", or a letter to
 * "you" inside it, is a minority there; second-person narration says "you" constantly).
 */
export const SECOND_PER_1000 = 15

/** The person of narration from its pronouns and words (null without a pronoun). */
export function dominantPerson({ first, firstPlural, second, third }: PersonCounts, narrationWords: number): Person | null {
  const per1000 = (n: number) => (narrationWords ? (1000 * n) / narrationWords : 0)
  if (first + firstPlural + second + third === 0) return null
  if (per1000(second) >= SECOND_PER_1000 && 2 * second >= 3 * first && 2 * second >= third) return 'second'
  // "We went on down": a narrator telling of themself with others is telling in the first person.
  if (per1000(first + firstPlural) >= FIRST_PER_1000) return 'first'
  return third > 0 ? 'third' : 'mixed'
}

/** Add one count of pronouns to another (`sign` -1 takes it away). */
export function addPersons(out: PersonCounts, p: PersonCounts, sign: 1 | -1 = 1): void {
  out.first += sign * p.first
  out.firstPlural += sign * p.firstPlural
  out.second += sign * p.second
  out.third += sign * p.third
}

/** Pronouns of narration by person; "my lady" and "my lord" (titles) are not counted. */
export function countPronouns(t: Tokens, from: number, to: number, skip: Uint8Array, out: PersonCounts): void {
  for (let i = from; i < to; i++) {
    const p = t.pos[i]
    if ((p !== PRON && p !== DET && p !== PROPN) || t.end[i]! - t.start[i]! > 10 || skip[i] === 1) continue
    const w = t.text.slice(t.start[i]!, t.end[i]!)
    const person = pronounPerson[w.toLowerCase()]
    if (!person) continue
    if (w.toLowerCase() === 'my' && i + 1 < to && TITLE_AFTER_MY.test(t.text.slice(t.start[i + 1]!, t.end[i + 1]!))) continue
    if (w === 'US' || (w === 'I' && i + 1 < to && t.text[t.start[i + 1]!] === '.')) continue // the country; a Roman one
    out[person]++
  }
}

/**
 * Names (proper nouns) of narration, and names said to someone in dialogue ("Hesper," he said);
 * `inDialogue` is 1 for tokens outside narration.
 * A name in subject position (just before its verb: "Wren watches") counts twice: the focal
 * character is who acts, the others are more often mentioned.
 */
export function countNames(t: Tokens, from: number, to: number, inDialogue: Uint8Array, narration: Map<string, number>, vocative: Map<string, number>): void {
  for (let i = from; i < to; i++) {
    if (t.pos[i] !== PROPN) continue
    const w = t.text.slice(t.start[i]!, t.end[i]!)
    if (!/^\p{Lu}\p{Ll}+$/u.test(w) || notNames.has(w)) continue
    if (inDialogue[i] !== 1) {
      const subject = i + 1 < to && (t.pos[i + 1] === VERB || t.pos[i + 1] === AUX)
      narration.set(w, (narration.get(w) ?? 0) + (subject ? 2 : 1))
      continue
    }
    // A vocative: the name stands between punctuation or quote marks and punctuation.
    const before = i > from ? t.text.slice(t.start[i - 1]!, t.end[i - 1]!) : ''
    const after = i + 1 < to ? t.text.slice(t.start[i + 1]!, t.end[i + 1]!) : ''
    if (t.pos[i + 1] === PUNCT && /^[,.!?”"’'—]/.test(after) && (i === from || t.pos[i - 1] === PUNCT || /^(?:oh|dear|hey|hello|hi|thanks|sorry|yes|no)$/i.test(before))) {
      vocative.set(w, (vocative.get(w) ?? 0) + 1)
    }
  }
}
