// Who a sentence is about, for the head-hop reading: the subject of a verb of thinking or
// perceiving, and the he or she and names a sentence holds.
import type { TokenTable } from '../annotate/index.js'
import { POS } from '../annotate/nlp.js'
import { isNameWord, nameAt, TITLE, type Gender } from '../annotate/genders.js'

const { PROPN, PRON, VERB, AUX, ADV, PART, PUNCT, CCONJ, NOUN, ADP, DET } = POS

/** A verb's subject: a name (its first word, as nameAt gives it), or he or she. */
export type Subject = { name: string } | { pronoun: Gender }

/** Modals: what someone must or might have known is a guess from outside. */
const MODAL = /^(?:must|might|may|could|would|should|can|will)$/i

const word = (t: TokenTable & { text: string }, i: number) => t.text.slice(t.start[i]!, t.end[i]!)

/**
 * Who is the subject of the verb at `i`: a name, or he/she, looking back over adverbs, negation
 * and auxiliaries ("Theo did not wonder"); null for anything else, where a modal makes it a guess
 * from outside ("he must have known"), or a past perfect back-story the viewpoint knows.
 */
export function experiencer(t: TokenTable & { text: string }, i: number, from: number): Subject | null {
  let j = i - 1
  while (j >= from && (t.pos[j] === ADV || t.pos[j] === PART || t.pos[j] === AUX)) {
    // A guess from outside ("he must have known"); back-story the viewpoint knows ("she had
    // decided", "Ellen has known her for years").
    // "he could feel it in his throat": what a character can feel or hear, they do.
    const can = /^could$/i.test(word(t, j)) && /^(?:feel|sense|hear|see|smell|taste)$/i.test(word(t, i))
    if ((MODAL.test(word(t, j)) && !can) || /^(?:had|has|have|'d|’d)$/i.test(word(t, j))) return null
    j--
  }
  // "believed in porch lights": what a character is like, not what they think now.
  if (i + 1 < t.start.length && /^believ/i.test(word(t, i)) && /^in$/i.test(word(t, i + 1))) return null
  // "Owen Barker, leaning on the bar, felt…": the subject before a phrase set off by commas.
  if (j > from && word(t, j) === ',') {
    let k = j - 1
    while (k > from && word(t, k) !== ',' && !(t.pos[k] === AUX || (t.pos[k] === VERB && !/ing$/i.test(word(t, k))))) k--
    if (k > from && word(t, k) === ',' && j - k <= 20) j = k - 1
  }
  if (j < from) return null
  // "Thornquist lifted the case, and straightened, and looked at her": a verb joined to an
  // earlier one has its subject.
  if (t.pos[j] === CCONJ && /^(?:and|then|but)$/i.test(word(t, j)) && (j === from || t.pos[j - 1] === PUNCT || t.pos[j - 1] === NOUN || t.pos[j - 1] === ADV)) return lastSubject(t, from, j)
  // "which for Quill meant": a name after a preposition is no subject.
  if (j > from && t.pos[j - 1] === ADP) return null
  // "she watched Noor not know the answer": a verb's object is no subject.
  if (j > from && t.pos[j - 1] === VERB) return null
  const w = word(t, j)
  if (t.pos[j] === PRON) {
    const g = w.toLowerCase()
    return g === 'he' || g === 'she' ? { pronoun: g } : null
  }
  if (t.pos[j] !== PROPN || !isNameWord(w)) return null
  return { name: nameAt(t, j) }
}

/** The subject of the last verb before `end` that has one: a name or he or she right before a verb. */
function lastSubject(t: TokenTable & { text: string }, from: number, end: number): Subject | null {
  let subject: Subject | null = null
  for (let i = from; i + 1 < end; i++) {
    let k = i + 1
    while (k < end && (t.pos[k] === ADV || t.pos[k] === PART)) k++
    if (k >= end || (t.pos[k] !== VERB && t.pos[k] !== AUX)) continue
    if (t.pos[i] === PROPN && isNameWord(word(t, i)) && t.pos[i - 1] !== ADP && t.pos[i - 1] !== DET) subject = { name: nameAt(t, i) }
    else if (t.pos[i] === PRON) {
      const w = word(t, i).toLowerCase()
      if (w === 'he' || w === 'she') subject = { pronoun: w }
      else if (w === 'i' || w === 'they' || w === 'we' || w === 'you' || w === 'it') subject = null
    }
  }
  return subject
}

/** A verb or auxiliary in [from, end). */
export const hasVerb = (t: TokenTable, from: number, end: number): boolean => {
  for (let i = from; i < end; i++) if (t.pos[i] === VERB || t.pos[i] === AUX) return true
  return false
}

const NONE: ReadonlySet<string> = new Set()

/**
 * Who a sentence's narration holds: `opener`, he or she as its first person, before any name
 * ("Through the wall he could hear…"), or null; `others`, the names of each gender in it but for
 * a name opening it ("Mrs Aubert said she…"), whom its he or she are not.
 */
export function sentencePeople(t: TokenTable & { text: string }, from: number, end: number, gender: ReadonlyMap<string, Gender>): { opener: Gender | null; others: Record<Gender, ReadonlySet<string>> } {
  const others: Record<Gender, ReadonlySet<string>> = { he: NONE, she: NONE }
  let opener: Gender | null = null
  let named = false
  let opening = from
  while (opening < end && (t.skip[opening] === 1 || t.pos[opening] === PUNCT)) opening++
  for (let i = opening; i < end; i++) {
    if (t.skip[i] === 1) continue
    if (t.pos[i] === PRON) {
      if (named || opener !== null) continue
      const w = word(t, i).toLowerCase()
      if (w === 'he' || w === 'she') opener = w
      continue
    }
    if (t.pos[i] !== PROPN) continue
    const w = word(t, i)
    if (!isNameWord(w)) continue
    named = true
    if (i > opening && t.pos[i - 1] === PROPN && isNameWord(word(t, i - 1))) continue
    if (i === opening || (i === opening + 1 && TITLE.test(word(t, opening)))) continue
    const name = nameAt(t, i)
    const g = gender.get(name)
    if (!g) continue
    if (others[g] === NONE) others[g] = new Set()
    ;(others[g] as Set<string>).add(name)
  }
  return { opener, others }
}
