// The gender the story gives each name, voted over its narration: titles, possessives, the
// pronoun that follows. Head-hopping and speaker attribution read he and she by it.
import { femaleNames, maleNames } from '../data/given-names.generated.js'
import { notNames } from '../data/pronouns.js'
import type { TokenTable } from './index.js'
import { POS } from './nlp.js'

const { PROPN, PRON, VERB, AUX, PUNCT } = POS

const word = (t: TokenTable & { text: string }, i: number) => t.text.slice(t.start[i]!, t.end[i]!)

export type Gender = 'he' | 'she'

/** The name a name-token belongs to, by its first word: "Len Fisk felt" is Len's. */
export function nameAt(t: TokenTable & { text: string }, i: number): string {
  while (i > 0 && t.pos[i - 1] === PROPN && isNameWord(word(t, i - 1))) i--
  return word(t, i)
}
/** Months that are also given names ("I know, June," she says): a person's where the cast says so. */
export const MONTH_NAMES: ReadonlySet<string> = new Set(['April', 'June', 'August'])
export const isNameWord = (w: string) => /^\p{Lu}\p{Ll}+$/u.test(w) && (!notNames.has(w) || MONTH_NAMES.has(w))

/** Titles before a name, with a full stop or without ("Mrs." "Dr"). */
export const TITLE_WORDS = 'Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Sir|Dame|Lady|Lord|Madam|Madame|Mme|Mlle|Monsieur|Mademoiselle|Captain|Capt|Colonel|Col|General|Major|Lieutenant|Lt|Sergeant|Sgt|Inspector|Constable|Detective|Officer|Professor|Prof|Reverend|Rev|Father|Mother|Sister|Brother|Aunt|Auntie|Uncle|Granny|Grandma|Grandpa|Gran|Nurse|Judge|Master|Mistress|King|Queen|Prince|Princess|Duke|Duchess|Count|Countess|Baron|Baroness|Saint|St'
export const TITLE = new RegExp(`^(?:${TITLE_WORDS})\\.?$`)
/** What people call their kin ("Mum", "Grandad", "Tata"): a relation, never a name someone is given. */
export const KINSHIP: ReadonlySet<string> = new Set(
  'Mum Mom Mam Ma Mama Mamma Mammy Mummy Mommy Mother Dad Daddy Da Papa Pa Pop Pops Father Tata Tato Baba Abba Amma Appa Nana Nan Nanna Nonna Nonno Gran Granny Grandma Grandmother Grandad Granddad Grandpa Grandfather Gramps Grammy Aunt Auntie Aunty Uncle Sis Bro'.split(' '),
)

/** What people call someone they do not name ("Patience, Kid.", "Sit down, Doc."): no name the narrator is given. */
export const ADDRESS: ReadonlySet<string> = new Set(
  'Kid Kiddo Son Sonny Boy Girl Lad Laddie Lass Lassie Missy Boss Chief Buddy Bud Pal Mate Man Dude Bro Honey Hon Sweetheart Sweetie Darling Dear Love Luv Sugar Babe Baby Doll Champ Sport Doc Sarge Cap Skip Ma Sir Madam Ma’am Maam Stranger Friend Partner Officer Captain Lieutenant Sergeant Doctor Nurse Professor Teacher Miss'.split(' '),
)

/** A name's first word after any title, as the viewpoint reading names people ("Varga" of "Inspector Varga"); the form itself if all of it is titles. */
export const firstNameWord = (form: string): string => form.split(' ').find((w) => !TITLE.test(w)) ?? form
const HE_TITLE = /^(?:Mr|Sir|Lord|Monsieur|Father|Brother|Uncle|Grandpa|King|Prince|Duke|Count|Baron|Master)\.?$/
const SHE_TITLE = /^(?:Mrs|Miss|Ms|Dame|Lady|Madam|Madame|Mme|Mlle|Mademoiselle|Mother|Sister|Aunt|Auntie|Granny|Grandma|Gran|Queen|Princess|Duchess|Countess|Baroness|Mistress)\.?$/

/** The gender a title gives the name after it ("Mrs" she, "Mr" he), or null ("Dr"). */
export const titleGender = (title: string): Gender | null => (HE_TITLE.test(title) ? 'he' : SHE_TITLE.test(title) ? 'she' : null)
/** He and she and their forms. */
export const HE_FORMS: ReadonlySet<string> = new Set(['he', 'him', 'his', 'himself'])
export const SHE_FORMS: ReadonlySet<string> = new Set(['she', 'her', 'hers', 'herself'])

/**
 * The gender narration gives each name, over the whole story, by votes: a title before it (Mrs
 * Amis, Mr Fisk: 3); where a name is the subject of a sentence's narration, the possessive or
 * reflexive after its verb ("Hana wiped her hands": 1), the he or she that opens the next
 * sentence in its paragraph (1), and the he/she forms of the sentence where only one gender is there (0.5; not him, nor her but before a noun: an object is someone else), and a given name known as a woman's or a man's (1.5).
 * Names with as many votes each way get none.
 */
export function namedGenders(text: string, table: TokenTable, sentences: readonly { firstToken: number; endToken: number }[]): Map<string, Gender> {
  const t = { ...table, text }
  const votes = new Map<string, number>()
  const vote = (name: string, g: Gender, weight: number) => votes.set(name, (votes.get(name) ?? 0) + (g === 'he' ? weight : -weight))
  let subject: string | null = null
  const seen = new Set<string>()
  let lastToken = -1
  // The sentence holds an object or possessive of that gender that is not its subject's own.
  const mentioned: Record<Gender, boolean> = { he: false, she: false }
  for (const s of sentences) {
    // "He" or "She" opening a sentence's narration after one whose subject was a name, in its
    // paragraph (a new one often goes back to the viewpoint character).
    let opening = s.firstToken
    while (opening < s.endToken && (t.skip[opening] === 1 || t.pos[opening] === PUNCT)) opening++
    const sameParagraph = lastToken >= 0 && s.firstToken < t.start.length && !hasNewline(text, t.end[lastToken]!, t.start[s.firstToken]!)
    if (s.endToken > s.firstToken) lastToken = s.endToken - 1
    if (subject && opening < s.endToken && sameParagraph) {
      const g = word(t, opening).toLowerCase()
      // Not where the sentence before held another of that gender ("Gabe had never seen her change jackets. She…").
      if ((g === 'he' || g === 'she') && !mentioned[g]) vote(subject, g, 1)
    }
    subject = null
    mentioned.he = mentioned.she = false
    let he = 0
    let she = 0
    for (let i = s.firstToken; i < s.endToken; i++) {
      const pos = t.pos[i]
      // Only pronouns, determiners (his, her) and names are read: slicing every word costs.
      if (t.skip[i] === 1 || (pos !== PRON && pos !== POS.DET && pos !== PROPN)) continue
      const w = word(t, i)
      if (pos !== PROPN) {
        const lower = w.toLowerCase()
        // "Petra Novak nods at him": an object is someone else than the sentence's subject.
        if (lower === 'him' || (lower === 'her' && (!possessive(t, i) || OBJECT_VERBS.test(word(t, i - 1))))) {
          mentioned[lower === 'him' ? 'he' : 'she'] = true
          continue
        }
        if (HE_FORMS.has(lower)) he++
        else if (SHE_FORMS.has(lower)) she++
        continue
      }
      if (!isNameWord(w)) continue
      seen.add(w)
      const before = i > 0 ? word(t, i - 1) : ''
      if (HE_TITLE.test(before) || SHE_TITLE.test(before)) vote(w, HE_TITLE.test(before) ? 'he' : 'she', 3)
      if (subject || i + 1 >= s.endToken || (t.pos[i + 1] !== VERB && t.pos[i + 1] !== AUX)) continue
      subject = nameAt(t, i)
      // Up to another name: "Gabe thought about Halloran in her office" is Halloran's office.
      for (let k = i + 2; k < s.endToken && k < i + 8 && t.pos[k] !== PUNCT && t.pos[k] !== PROPN; k++) {
        const o = word(t, k).toLowerCase()
        if (o === 'his' || o === 'himself') vote(subject, 'he', 1)
        else if (o === 'herself' || (o === 'her' && t.pos[k + 1] === POS.NOUN && !OBJECT_VERBS.test(word(t, k - 1)))) vote(subject, 'she', 1)
        else continue
        break
      }
    }
    if (subject && (he > 0) !== (she > 0)) vote(subject, he > 0 ? 'he' : 'she', 0.5)
  }
  // A given name known as a woman's or a man's ("Delia", "Tomasz") weighs one and a half votes:
  // the story's own votes outweigh it wherever it gives a few, and it decides a name the story
  // seldom genders ("Frank used to say she was a drowned bride.").
  for (const name of seen) {
    const lower = name.toLowerCase()
    const g = FEMALE_NAMES.has(lower) ? 'she' : MALE_NAMES.has(lower) ? 'he' : null
    if (g) vote(name, g, GIVEN_NAME_WEIGHT)
  }
  const out = new Map<string, Gender>()
  for (const [name, v] of votes) if (v !== 0) out.set(name, v > 0 ? 'he' : 'she')
  return out
}

/** "her" before a noun or adjective: a possessive, where wink-nlp's tags are right. */
const possessive = (t: TokenTable, i: number) => t.pos[i + 1] === POS.NOUN || t.pos[i + 1] === POS.ADJ

/** After these, "her" is the object of a verb that takes a verb after it ("had seen her change jackets", "watched her take inventory"), however the next word is tagged. */
const OBJECT_VERBS = /^(?:see|sees|saw|seen|seeing|watch|watches|watched|watching|hear|hears|heard|hearing|let|lets|letting|make|makes|made|making|help|helps|helped|helping|feel|feels|felt|feeling)$/i

/** A line break in [from, to) (the gap between two sentences), without slicing. */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true
  return false
}

const GIVEN_NAME_WEIGHT = 1.5
const FEMALE_NAMES: ReadonlySet<string> = new Set(femaleNames)
const MALE_NAMES: ReadonlySet<string> = new Set(maleNames)

/** The name's first word is a given name compromise's lexicon knows ("Jo", "Claire"; not "Breakfast"). */
export const knownGivenName = (name: string): boolean => {
  const w = firstNameWord(name).toLowerCase()
  return FEMALE_NAMES.has(w) || MALE_NAMES.has(w)
}

/** How far into a scene its narration may go before a he or she names no one's gender: three sentences. */
const OPENING_SENTENCES = 3

/**
 * How a scene's narration opens: `gender`, that of a he or she before any name in its first
 * sentences ("On Tuesday night she's alone in the workshop", "She tells him…"); `name`, the
 * first name of its first sentence where a verb follows it ("Cal didn't mean to eavesdrop", "The
 * door opened and Mara walked in"). Speech is passed over.
 */
export interface SceneOpening {
  gender: Gender | null
  name: string | null
}

export function openingOf(text: string, t: TokenTable, sentences: readonly { firstToken: number; endToken: number; narrationWords: number }[]): SceneOpening {
  let seen = 0
  for (const s of sentences) {
    if (s.narrationWords === 0) continue
    if (++seen > OPENING_SENTENCES) break
    for (let i = s.firstToken; i < s.endToken; i++) {
      if (t.skip[i] === 1) continue
      const w = text.slice(t.start[i]!, t.end[i]!)
      if (t.pos[i] === PROPN && isNameWord(w)) {
        let j = i + 1
        while (j < s.endToken && t.pos[j] === PROPN) j++
        const subject = seen === 1 && j < s.endToken && (t.pos[j] === VERB || t.pos[j] === AUX)
        return { gender: null, name: subject ? nameAt({ ...t, text }, i) : null }
      }
      if ((t.pos[i] !== PRON && t.pos[i] !== POS.DET) || w.length > 7) continue
      const lower = w.toLowerCase()
      if (HE_FORMS.has(lower)) return { gender: 'he', name: null }
      if (SHE_FORMS.has(lower)) return { gender: 'she', name: null }
    }
  }
  return NO_OPENING
}

export const NO_OPENING: SceneOpening = { gender: null, name: null }

/** He and she forms in the narration of the sentences (outside speech and letters). */
export function genderedPronouns(text: string, t: TokenTable, sentences: readonly { firstToken: number; endToken: number }[]): { he: number; she: number } {
  let he = 0
  let she = 0
  for (const s of sentences) {
    for (let i = s.firstToken; i < s.endToken; i++) {
      if (t.skip[i] === 1 || (t.pos[i] !== PRON && t.pos[i] !== POS.DET) || t.end[i]! - t.start[i]! > 7) continue
      const w = text.slice(t.start[i]!, t.end[i]!).toLowerCase()
      if (HE_FORMS.has(w)) he++
      else if (SHE_FORMS.has(w)) she++
    }
  }
  return { he, she }
}
