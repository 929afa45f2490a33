// Head-hopping: a third-person limited scene that moves, for a paragraph, into another character's
// thoughts or feelings. Narration's verbs of thinking and feeling ("wondered", "felt", "knew")
// are given to whoever is their subject (a name, or he/she resolved by the genders narration
// gives its names); the scene's viewpoint is whoever thinks and feels in most paragraphs, and a paragraph whose
// thinking and feeling is all another character's is a shift.
import type { AnnotatedScene, TokenTable } from '../annotate/index.js'
import { POS } from '../annotate/nlp.js'
import { notNames } from '../data/pronouns.js'

const { PROPN, PRON, VERB, AUX, ADV, PART, PUNCT } = POS

/** A paragraph that tells another character's thoughts or feelings than the scene's viewpoint character's. */
export interface PovShift {
  start: number
  end: number
  /** The scene's viewpoint character, and the one whose head the paragraph enters. */
  from: string
  to: string
  confidence: number
  /** The verbs of thinking or feeling that are the other character's. */
  verbs: string[]
  message: string
}

/** Verbs of thought and feeling: only the viewpoint character's can be told from inside. */
const INNER_VERBS = new Set(
  [
    'wonder', 'think', 'feel', 'know', 'realise', 'realize', 'hope', 'fear', 'wish', 'want', 'decide', 'suspect', 'worry', 'regret', 'long', 'believe', 'remember', 'understand', 'sense', 'imagine', 'doubt', 'dread', 'resent', 'envy', 'recall', 'forget', 'notice', 'love', 'hate', 'like', 'ache', 'yearn', 'crave', 'suppose', 'guess', 'pray', 'mean', 'need',
  ].flatMap((v) => [v, v.endsWith('e') ? v + 's' : v.endsWith('y') && !/[aeiou]y$/.test(v) ? v.slice(0, -1) + 'ies' : v + 's', v.endsWith('e') ? v + 'd' : v.endsWith('y') && !/[aeiou]y$/.test(v) ? v.slice(0, -1) + 'ied' : v + 'ed']),
)
for (const irregular of ['thought', 'felt', 'knew', 'understood', 'meant', 'forgot', 'forgotten', 'known', 'dreamed', 'dreamt']) INNER_VERBS.add(irregular)
/** "he thought" can be a noun ("the thought"); these only count as verbs when tagged so. */
const MODAL = /^(?:must|might|may|could|would|should|can|will)$/i

/** A shift is reported only in a scene whose viewpoint character thinks or feels in at least this many paragraphs. */
export const MIN_VIEWPOINT_VERBS = 2

const word = (t: TokenTable & { text: string }, i: number) => t.text.slice(t.start[i]!, t.end[i]!)

export type Gender = 'he' | 'she'

/** The name a name-token belongs to, by its first word: "Len Fisk felt" is Len's. */
function nameAt(t: TokenTable & { text: string }, i: number): string {
  while (i > 0 && t.pos[i - 1] === PROPN && isNameWord(word(t, i - 1))) i--
  return word(t, i)
}
const isNameWord = (w: string) => /^\p{Lu}\p{Ll}+$/u.test(w) && !notNames.has(w)

/**
 * Who is the subject of the verb at `i`: a name, or he/she, looking back over adverbs, negation
 * and auxiliaries ("Theo did not wonder"); null for anything else, where a modal makes it a guess
 * from outside ("he must have known"), or a past perfect back-story the viewpoint knows.
 */
function experiencer(t: TokenTable & { text: string }, i: number, from: number): { name: string } | { pronoun: Gender } | null {
  let j = i - 1
  while (j >= from && (t.pos[j] === ADV || t.pos[j] === PART || t.pos[j] === AUX)) {
    // A guess from outside ("he must have known"); back-story the viewpoint knows ("she had decided").
    if (MODAL.test(word(t, j)) || /^had$/i.test(word(t, j))) return null
    j--
  }
  // "believed in porch lights": what a character is like, not what they think now.
  if (i + 1 < t.start.length && /^believ/i.test(word(t, i)) && /^in$/i.test(word(t, i + 1))) return null
  if (j < from) return null
  const w = word(t, j)
  if (t.pos[j] === PRON) {
    const g = w.toLowerCase()
    return g === 'he' || g === 'she' ? { pronoun: g } : null
  }
  if (t.pos[j] !== PROPN || !isNameWord(w)) return null
  return { name: nameAt(t, j) }
}

/**
 * The gender narration gives each name, over the whole story: a name that opens a clause as its
 * subject votes for the possessive or reflexive after its verb ("Hana wiped her hands", "Theo
 * shook his head"), and for the he or she that opens the next sentence. Names with as many votes
 * each way get none.
 */
export function namedGenders(text: string, table: TokenTable, sentences: readonly { firstToken: number; endToken: number }[]): Map<string, Gender> {
  const t = { ...table, text }
  const votes = new Map<string, number>()
  const vote = (name: string, g: Gender) => votes.set(name, (votes.get(name) ?? 0) + (g === 'he' ? 1 : -1))
  let subject: string | null = null
  for (const s of sentences) {
    const first = s.firstToken
    // "He" or "She" opening a sentence after one a name opened.
    if (subject && first < s.endToken && t.skip[first] !== 1) {
      const g = word(t, first).toLowerCase()
      if (g === 'he' || g === 'she') vote(subject, g)
    }
    subject = null
    for (let i = first; i < s.endToken; i++) {
      if (t.skip[i] === 1 || t.pos[i] !== PROPN || !isNameWord(word(t, i))) continue
      if (i + 1 < s.endToken && (t.pos[i + 1] === VERB || t.pos[i + 1] === AUX)) {
        if (i === first) subject = word(t, i)
        for (let k = i + 2; k < s.endToken && k < i + 8 && t.pos[k] !== PUNCT; k++) {
          const w = word(t, k).toLowerCase()
          if (w === 'his' || w === 'himself') vote(word(t, i), 'he')
          else if (w === 'herself' || (w === 'her' && t.pos[k + 1] === POS.NOUN)) vote(word(t, i), 'she')
          else continue
          break
        }
      }
      break
    }
  }
  const out = new Map<string, Gender>()
  for (const [name, v] of votes) if (v !== 0) out.set(name, v > 0 ? 'he' : 'she')
  return out
}

/**
 * A scene's point-of-view shifts, for third-person scenes (`focal`: the name narration follows
 * most): paragraphs whose verbs of thought and feeling are all another character's than the
 * viewpoint's, who thinks and feels in most paragraphs (the focal character on a tie). He or she
 * is the last name of that gender before it (`gender`: the story's genders of names).
 */
export function povShifts(a: AnnotatedScene, text: string, table: TokenTable, focal: string | null, gender: ReadonlyMap<string, Gender>): PovShift[] {
  const t = { ...table, text }
  // Each paragraph's inner verbs and their subjects: a name, or he/she with the last name of
  // that gender that was a subject before it.
  const paragraphs: { start: number; end: number; owners: Owner[]; verbs: string[] }[] = []
  const last: Record<Gender, string | null> = { he: null, she: null }
  let k = 0
  for (const p of a.scene.paragraphs) {
    const owners: Owner[] = []
    const verbs: string[] = []
    for (; k < a.sentences.length && a.sentences[k]!.start < p.end; k++) {
      const s = a.sentences[k]!
      for (let i = s.firstToken; i < s.endToken; i++) {
        if (t.skip[i] === 1) continue
        const w = word(t, i)
        if (t.pos[i] === PROPN && isNameWord(w) && i + 1 < s.endToken && (t.pos[i + 1] === VERB || t.pos[i + 1] === AUX)) {
          const name = nameAt(t, i)
          const g = gender.get(name)
          if (g) last[g] = name
          continue
        }
        if ((t.pos[i] !== VERB && t.pos[i] !== AUX) || !INNER_VERBS.has(w.toLowerCase())) continue
        const who = experiencer(t, i, s.firstToken)
        if (!who) continue
        owners.push('name' in who ? { name: who.name } : { pronoun: who.pronoun, recent: last[who.pronoun] })
        verbs.push(w)
        // The sentence's thinker is the first: what follows is what they think ("Theo wondered
        // whether she had noticed").
        break
      }
    }
    paragraphs.push({ start: p.start, end: p.end, owners, verbs })
  }
  // He or she is the viewpoint character where the gender is theirs (or not known): in a limited
  // scene that is whom the pronouns follow. Else the last subject of that gender.
  const resolve = (o: Owner, viewpoint: string | null): string | null => {
    if ('name' in o) return o.name
    const g = viewpoint ? gender.get(viewpoint) : undefined
    if (viewpoint && (g === undefined || g === o.pronoun)) return viewpoint
    return o.recent
  }
  // The viewpoint the scene; a hop is a paragraph or two, however
  // full of the other's thoughts: paragraphs are counted, not verbs.
  const count = new Map<string, number>()
  for (const p of paragraphs) {
    for (const n of new Set(p.owners.map((o) => resolve(o, focal)))) if (n) count.set(n, (count.get(n) ?? 0) + 1)
  }
  let viewpoint = focal
  let most = viewpoint ? (count.get(viewpoint) ?? 0) : 0
  for (const [n, c] of count) if (c > most) [viewpoint, most] = [n, c]
  if (!viewpoint || most < MIN_VIEWPOINT_VERBS) return []
  const from: string = viewpoint
  const out: PovShift[] = []
  for (const p of paragraphs) {
    const whose = p.owners.map((o) => resolve(o, from))
    if (whose.length === 0 || whose.includes(from)) continue
    const other = whose.find((n) => n !== null)
    if (!other) continue
    const verbs = p.verbs.filter((_v, i) => whose[i] === other)
    // Named outright it is surest; through a pronoun less so; each further verb adds.
    const named = p.owners.some((o) => 'name' in o && o.name === other)
    const confidence = Math.min(0.95, (named ? 0.7 : 0.55) + 0.1 * (verbs.length - 1))
    out.push({
      start: p.start,
      end: p.end,
      from,
      to: other,
      confidence: Math.round(confidence * 100) / 100,
      verbs,
      message: `This paragraph tells what ${other} ${verbs.length > 1 ? 'thinks and feels' : 'thinks or feels'} (${verbs.map((v) => `‘${v}’`).join(', ')}); the rest of the scene is told from ${from}'s point of view.`,
    })
  }
  return out
}

/** The subject of a verb of thought or feeling: a name, or he/she with the last subject of that gender before it. */
type Owner = { name: string } | { pronoun: Gender; recent: string | null }
