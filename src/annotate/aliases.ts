// Forms of a name grouped by alias ("Mr Darcy", "Darcy"; "Elizabeth Bennet", "Elizabeth";
// "Dag", "Dagny"), and each group's gender: the cast's people, from the forms findCast keeps.
import { titleGender, type Gender } from './genders.js'

/** How the text uses one form of a name ("Mrs Bennet"), summed over its mentions. */
export interface FormStats {
  form: string
  title: string | null
  words: string[]
  mentions: number
  subjects: number
  vocatives: number
  /** After a preposition of place, or after a determiner ("the Crown"). */
  places: number
  determined: number
  /** Named as the speaker in a speech tag ("said Nell"). */
  tags: number
  /** Mentions that open a sentence (where any word has a capital). */
  initial: number
  /** Said to in narration, or named as the narrator's own name. */
  narrated: number
  /** Mentions inside speech. */
  spoken: number
  addressings: number
}

/** Titles that name a family's members apart: Mrs Bennet is not Miss Bennet. */
const FAMILY_TITLE = /^(?:Mr|Mrs|Miss|Ms|Mx|Master|Mistress)$/

/** Surnames a title of either gender goes with ("Mrs Ashburnham"): the story's gender for them is a family's. */
export const familyNames = (forms: readonly FormStats[]): Set<string> => new Set(forms.filter((f) => f.title && titleGender(f.title) !== null).map((f) => f.words[f.words.length - 1]!))

/** A group's gender: its titles' where they agree, else the story's gender of its given name. */
export function groupGender(group: FormStats[], genders: ReadonlyMap<string, Gender>, familyNames: ReadonlySet<string>): Gender | null {
  let he = 0
  let she = 0
  for (const s of group) {
    const g = s.title ? titleGender(s.title) : null
    if (g === 'he') he += s.mentions
    else if (g === 'she') she += s.mentions
  }
  if (he !== she) return he > she ? 'he' : 'she'
  // Untitled forms first, then those whose title has no gender ("Inspector Varga"; not "Captain
  // Ashburnham" where a "Mrs Ashburnham" is there too).
  const neutral = group.filter((x) => x.title && titleGender(x.title) === null && (x.words.length > 1 || !familyNames.has(x.words[0]!)))
  for (const s of [...group.filter((x) => !x.title), ...neutral]) {
    const g = genders.get(s.words[0]!)
    if (g) return g
  }
  return null
}

/**
 * Group forms by alias: untitled full names first, then titled names (joining their untitled
 * form, or the one full name ending in their surname), then bare single names (joining the one
 * group whose names hold them, a given name first).
 */
export function groupForms(forms: FormStats[], genders: ReadonlyMap<string, Gender>): FormStats[][] {
  const groups: FormStats[][] = []
  const key = new Map<string, FormStats[]>()
  const add = (s: FormStats, g: FormStats[] | undefined) => {
    if (g) g.push(s)
    else groups.push([s])
  }
  const full = forms.filter((s) => !s.title && s.words.length > 1)
  for (const s of full) {
    const g = [s]
    groups.push(g)
    key.set(s.words.join(' '), g)
  }
  for (const s of forms.filter((s) => s.title).sort((a, b) => b.words.length - a.words.length)) {
    const words = s.words.join(' ')
    let g = key.get(words)
    if (!g && s.words.length === 1) {
      // "Mr Temple" is not "Charlotte Temple", nor "Mrs Bennet" "Elizabeth Bennet" where a "Mr
      // Bennet" is there too: a surname with a title names a family, and joins its one full name
      // only where no other title goes with it and the given name is of the title's gender.
      const want = titleGender(s.title!)
      const titles = new Set(forms.filter((f) => f.title && f.words.length === 1 && f.words[0] === s.words[0]).map((f) => titleGender(f.title!)))
      const surname = full.filter((f) => f.words[f.words.length - 1] === s.words[0] && (want === null || genders.get(f.words[0]!) === want))
      if (titles.size > 1) surname.length = 0
      if (surname.length === 1) g = key.get(surname[0]!.words.join(' '))
    }
    if (!g) {
      // "Sir Henry" and "Sir Henry Curtis", "Mr Holmes" and "Mr Sherlock Holmes": one title, and the one longer name holding the shorter.
      const longer = groups.filter((x) => x.some((y) => y.title === s.title && y.words.length > s.words.length && s.words.every((w) => y.words.includes(w))))
      if (longer.length === 1) g = longer[0]
    }
    if (!g) {
      // Two titles of one gender before one name are one person ("Dr Hale", "Doctor Hale"), but two
      // family titles are two of the family ("Mrs Bennet", "Miss Bennet").
      const family = (t: string) => FAMILY_TITLE.test(t)
      g = groups.find((x) => x.every((y) => y.title !== null && y.words.join(' ') === words && titleGender(y.title) === titleGender(s.title!) && !(y.title !== s.title && family(y.title) && family(s.title!))))
    }
    add(s, g)
    if (!g) key.set(s.form, groups[groups.length - 1]!)
  }
  const singles = forms.filter((s) => !s.title && s.words.length === 1)
  const said: FormStats[] = []
  for (const s of singles) {
    const w = s.words[0]!
    const holding = groups.filter((g) => g.some((f) => f.words.includes(w)))
    const given = holding.filter((g) => g.some((f) => !f.title && f.words.length > 1 && f.words[0] === w))
    const g = holding.length === 1 ? holding[0] : given.length === 1 ? given[0] : undefined
    // A short name said to someone and named only in speech may be a longer one's nickname ("Yaz", "Dag"): see below.
    if (!g && holding.length === 0 && s.vocatives > 0 && s.spoken === s.mentions && s.subjects + s.tags === 0) said.push(s)
    else add(s, g)
  }
  // A nickname is the start or the end of one given name ("Dag" of "Dagny", "Teo" of "Mateo"),
  // three letters at least, said to someone and never named in narration. The longest first: a
  // name only ever said in speech is a given name its nicknames join too ("Beatrice", "Bea").
  for (const s of said.sort((a, b) => b.words[0]!.length - a.words[0]!.length)) {
    const w = s.words[0]!
    const part = (name: string) => name !== w && (name.startsWith(w) || name.endsWith(w.toLowerCase()))
    const longer = w.length >= 3 ? groups.filter((g) => g.some((f) => !f.title && part(f.words[0]!))) : []
    add(s, longer.length === 1 ? longer[0] : undefined)
  }
  return groups
}
